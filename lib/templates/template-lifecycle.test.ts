import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { createTemplate } from '@/lib/templates/create-template';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { applyQualityEvent } from '@/lib/templates/apply-quality-event';
import { sandboxReviewDecision } from '@/lib/templates/sandbox-review-decision';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const create = (payload: unknown, channelId = 'acme_corp_whatsapp') =>
  createTemplate(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', channelId, payload, source: 'test' });
const later = () => new Date(Date.now() + 60_000);
const events = (type: string) => db.event.findMany({ where: { eventType: type }, orderBy: { createdAt: 'asc' } });

describe('template lifecycle', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    // Events are stored only for a subscriber.
    await subscribeWebhook(['template_status_update', 'template_quality_update', 'template_category_update']);
  });

  it('stores a submission PENDING with its first history entry, due for review', async () => {
    const t = await create(creation[1]);
    expect(t).toMatchObject({ status: 'PENDING', channelId: 'acme_corp_whatsapp', subAccountId: 'acme_corp_chatapps', name: 'order_shipped_v2' });
    const row = await db.template.findUniqueOrThrow({ where: { id: t.id }, include: { history: true } });
    expect(row.reviewDueAt!.getTime()).toBeGreaterThan(Date.now() - 5000);
    expect(row.history).toMatchObject([{ fromStatus: null, toStatus: 'PENDING', source: 'test' }]);
  });

  it('refuses a duplicate name+language on the same channel, allows it on another channel or language', async () => {
    await expect(create(creation[1])).rejects.toBeInstanceOf(ConflictError);
    await expect(create(creation[1], 'acme_corp_main_whatsapp')).resolves.toMatchObject({ status: 'PENDING' });
    await expect(create({ ...creation[1], language: 'es' })).resolves.toMatchObject({ language: 'es' });
  });

  it('two racing submissions of the same name+language: one is stored, the other gets 409', async () => {
    const payload = { ...creation[0], name: 'racing_submission' };
    const results = await Promise.allSettled([create(payload), create(payload), create(payload)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    await db.template.deleteMany({ where: { name: 'racing_submission' } });
  });

  it("404s another tenant's channel and refuses a non-WhatsApp channel", async () => {
    const other = await createOtherTenant();
    await expect(create(creation[0], other.channelId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(create(creation[0], 'acme_corp_sms')).rejects.toBeInstanceOf(ValidationError);
  });

  it('the sandbox reviewer approves, or rejects with a reason, and fires template_status_update', async () => {
    // Promotional wording in a passcode template: rejected, not moved to MARKETING.
    const bad = await create({
      ...creation[4],
      name: 'otp_with_promo',
      components: [
        { type: 'BODY', text: 'Your passcode is {{1}}. Enjoy 20% off your next order!', examples: ['123456'] },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', examples: ['123456'] }] },
      ],
    });
    const before = (await events('template_status_update')).length;
    const { decided } = await reviewPendingTemplates(db, later());
    expect(decided).toBe(4);
    const rows = await db.template.findMany({ include: { history: { orderBy: { createdAt: 'asc' } } } });
    const rejected = rows.find((r) => r.id === bad.id)!;
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY', category: 'AUTHENTICATION', reviewDueAt: null });
    expect(rejected.history.map((h) => [h.fromStatus, h.toStatus, h.reason, h.source, h.fromCategory, h.toCategory])).toEqual([
      [null, 'PENDING', null, 'test', null, null],
      ['PENDING', 'REJECTED', 'INCORRECT_CATEGORY', 'sandbox-reviewer', null, null],
    ]);
    expect(rows.filter((r) => r.status === 'APPROVED')).toHaveLength(3);
    const fired = (await events('template_status_update')).slice(before);
    expect(fired).toHaveLength(4);
    expect(fired.find((e) => (e.body as any).eventDetails.templateName === 'otp_with_promo')).toMatchObject({
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      body: {
        provider: 'WhatsApp',
        eventType: 'template_status_update',
        eventDetails: { templateLanguage: 'en_US', meta: { status: 'REJECTED', reason: 'INCORRECT_CATEGORY' } },
      },
    });
    // Nothing re-categorised, and nothing is due any more: the next run decides nothing.
    expect(await events('template_category_update')).toHaveLength(0);
    expect((await reviewPendingTemplates(db, later())).decided).toBe(0);
  });

  it('re-categorises marketing wording in a UTILITY template: approved as MARKETING, with the history entry and template_category_update', async () => {
    const t = await create({
      ...creation[0],
      name: 'spring_sale_utility',
      components: [{ type: 'BODY', text: 'Our spring sale is on: 20% off everything, {{1}}!', examples: ['Maria'] }],
    });
    const statusBefore = (await events('template_status_update')).length;
    expect((await reviewPendingTemplates(db, later())).decided).toBe(1);

    const row = await db.template.findUniqueOrThrow({ where: { id: t.id }, include: { history: { orderBy: { createdAt: 'asc' } } } });
    expect(row).toMatchObject({ status: 'APPROVED', category: 'MARKETING', reason: null });
    expect(row.history.map((h) => [h.fromStatus, h.toStatus, h.fromCategory, h.toCategory, h.source])).toEqual([
      [null, 'PENDING', null, null, 'test'],
      ['PENDING', 'APPROVED', 'UTILITY', 'MARKETING', 'sandbox-reviewer'],
    ]);
    // Sends find it under its new category (pricing reads the row).
    expect(await findApprovedTemplate(db, { subAccountId: 'acme_corp_chatapps', name: 'spring_sale_utility', language: 'en_US' })).toMatchObject({
      category: 'MARKETING',
    });

    const [category] = await events('template_category_update');
    expect(category).toMatchObject({ accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps' });
    const body = category!.body as any;
    expect(body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: expect.any(String),
      provider: 'WhatsApp',
      eventType: 'template_category_update',
      eventDetails: {
        templateName: 'spring_sale_utility',
        templateLanguage: 'en_US',
        channelId: 'acme_corp_whatsapp',
        meta: { previousCategory: 'UTILITY', newCategory: 'MARKETING' },
      },
    });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    const status = (await events('template_status_update')).slice(statusBefore);
    expect(status.map((e) => (e.body as any).eventDetails.meta)).toEqual([{ status: 'APPROVED' }]);
    // Stored in this order, so a receiver routing by category has the new one before the template is sendable.
    expect(category!.createdAt.getTime()).toBeLessThanOrEqual(status[0]!.createdAt.getTime());
  });

  it('stores template_category_update only for an endpoint that subscribes to it', async () => {
    const other = await createOtherTenant('initech');
    await subscribeWebhook(['template_status_update'], { accountId: other.accountId });
    await createTemplate(db, {
      actor: SYSTEM_ACTOR,
      accountId: other.accountId,
      channelId: other.channelId,
      source: 'test',
      payload: {
        ...creation[0],
        name: 'flash_sale_notice',
        components: [{ type: 'BODY', text: 'Flash sale today only: shop now for 30% off, {{1}}.', examples: ['Maria'] }],
      },
    });
    await reviewPendingTemplates(db, later());
    const t = await db.template.findFirstOrThrow({ where: { accountId: other.accountId, name: 'flash_sale_notice' } });
    expect(t).toMatchObject({ status: 'APPROVED', category: 'MARKETING' });
    expect(await db.event.count({ where: { accountId: other.accountId, eventType: 'template_category_update' } })).toBe(0);
    expect(await db.event.count({ where: { accountId: other.accountId, eventType: 'template_status_update' } })).toBe(1);
  });

  it('does not decide before the review is due', async () => {
    const t = await create({ ...creation[0], name: 'not_yet_due' });
    expect((await reviewPendingTemplates(db, new Date(Date.now() - 60_000))).decided).toBe(0);
    expect((await db.template.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('PENDING');
    await reviewPendingTemplates(db, later());
  });

  it('quality events pause, disable and restore with both events', async () => {
    const t = await db.template.findFirstOrThrow({
      where: { status: 'APPROVED', name: 'order_shipped_v2', channelId: 'acme_corp_whatsapp', language: 'en_US' },
    });
    const q = (quality: 'GREEN' | 'YELLOW' | 'RED') => applyQualityEvent(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', templateId: t.id, quality });
    expect(await q('YELLOW')).toMatchObject({ status: 'APPROVED', qualityScore: 'YELLOW' });
    expect(await q('RED')).toMatchObject({ status: 'PAUSED', reason: 'LOW_QUALITY' });
    expect(await q('GREEN')).toMatchObject({ status: 'APPROVED', reason: null });
    await q('RED');
    expect(await q('RED')).toMatchObject({ status: 'DISABLED' });
    const quality = (await events('template_quality_update')).map((e) => (e.body as any).eventDetails.meta);
    expect(quality.slice(0, 2)).toEqual([
      { previousQualityScore: 'UNKNOWN', newQualityScore: 'YELLOW' },
      { previousQualityScore: 'YELLOW', newQualityScore: 'RED' },
    ]);
    const history = await db.templateStatusChange.findMany({ where: { templateId: t.id }, orderBy: { createdAt: 'asc' } });
    expect(history.map((h) => h.toStatus)).toEqual(['PENDING', 'APPROVED', 'PAUSED', 'APPROVED', 'PAUSED', 'DISABLED']);
    await expect(applyQualityEvent(db, { actor: SYSTEM_ACTOR, accountId: 'someone_else', templateId: t.id, quality: 'RED' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('sandboxReviewDecision', () => {
  it.each(creation.map((c) => [c.name, c]))('approves the reference template %s', (_n, c) => {
    expect(sandboxReviewDecision(storedFromPayload(c))).toEqual({ status: 'APPROVED' });
  });

  it('has documented rejection triggers', () => {
    const body = (text: string, examples: string[] = []) => ({
      name: 'x',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text, examples }],
    });
    const otp = (text: string) => ({ ...creation[4], components: [{ type: 'BODY', text, examples: ['123456'] }] });
    expect(sandboxReviewDecision(storedFromPayload({ ...body('Hello'), name: 'please_reject_me' }))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
    expect(sandboxReviewDecision(storedFromPayload(otp('Your code is {{1}}. Use this coupon today')))).toEqual({
      status: 'REJECTED',
      reason: 'INCORRECT_CATEGORY',
    });
    expect(sandboxReviewDecision(storedFromPayload(otp('Your code is {{1}}. It expires soon')))).toEqual({ status: 'APPROVED' });
    expect(sandboxReviewDecision(storedFromPayload(body('See https://bit.ly/abc now')))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
    expect(sandboxReviewDecision(storedFromPayload(body('Hi {{1}}, {{2}} at {{3}}.', ['a', 'b', 'c'])))).toEqual({
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
    });
  });

  it('approves marketing wording in a UTILITY template as MARKETING, unless another trigger rejects it', () => {
    const body = (text: string, category = 'UTILITY') => storedFromPayload({ name: 'x', language: 'en_US', category, components: [{ type: 'BODY', text }] });
    expect(sandboxReviewDecision(body('Use this coupon today'))).toEqual({ status: 'APPROVED', category: 'MARKETING' });
    expect(sandboxReviewDecision(body('Free shipping on your next order'))).toEqual({ status: 'APPROVED', category: 'MARKETING' });
    expect(sandboxReviewDecision(body('Use this coupon today', 'MARKETING'))).toEqual({ status: 'APPROVED' });
    expect(sandboxReviewDecision(body('Your order has shipped'))).toEqual({ status: 'APPROVED' });
    expect(sandboxReviewDecision(body('Use this coupon: https://bit.ly/abc'))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
  });
});
