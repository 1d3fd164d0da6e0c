import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { createTemplate } from '@/lib/templates/create-template';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { applyQualityEvent } from '@/lib/templates/apply-quality-event';
import { sandboxReviewDecision } from '@/lib/templates/sandbox-review-decision';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

const create = (payload: unknown, channelId = 'acme_corp_whatsapp') => createTemplate(db, { accountId: 'acme_corp', channelId, payload, source: 'test' });
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

  it('404s another tenant\'s channel and refuses a non-WhatsApp channel', async () => {
    const other = await createOtherTenant();
    await expect(create(creation[0], other.channelId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(create(creation[0], 'acme_corp_sms')).rejects.toBeInstanceOf(ValidationError);
  });

  it('the sandbox reviewer approves, or rejects with a reason, and fires template_status_update', async () => {
    const bad = await create({ ...creation[0], name: 'spring_sale_utility', components: [{ type: 'BODY', text: 'Our spring sale: 20% off everything, {{1}}!', examples: ['Maria'] }] });
    const before = (await events('template_status_update')).length;
    const { decided } = await reviewPendingTemplates(db, later());
    expect(decided).toBe(4);
    const rows = await db.template.findMany({ include: { history: { orderBy: { createdAt: 'asc' } } } });
    const rejected = rows.find((r) => r.id === bad.id)!;
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY', reviewDueAt: null });
    expect(rejected.history.map((h) => [h.fromStatus, h.toStatus, h.reason, h.source])).toEqual([
      [null, 'PENDING', null, 'test'],
      ['PENDING', 'REJECTED', 'INCORRECT_CATEGORY', 'sandbox-reviewer'],
    ]);
    expect(rows.filter((r) => r.status === 'APPROVED')).toHaveLength(3);
    const fired = (await events('template_status_update')).slice(before);
    expect(fired).toHaveLength(4);
    expect(fired.find((e) => (e.body as any).eventDetails.templateName === 'spring_sale_utility')).toMatchObject({
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      body: { provider: 'WhatsApp', eventType: 'template_status_update', eventDetails: { templateLanguage: 'en_US', meta: { status: 'REJECTED', reason: 'INCORRECT_CATEGORY' } } },
    });
    // Nothing is due any more: the next run decides nothing.
    expect((await reviewPendingTemplates(db, later())).decided).toBe(0);
  });

  it('does not decide before the review is due', async () => {
    const t = await create({ ...creation[0], name: 'not_yet_due' });
    expect((await reviewPendingTemplates(db, new Date(Date.now() - 60_000))).decided).toBe(0);
    expect((await db.template.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('PENDING');
    await reviewPendingTemplates(db, later());
  });

  it('quality events pause, disable and restore with both events', async () => {
    const t = await db.template.findFirstOrThrow({ where: { status: 'APPROVED', name: 'order_shipped_v2', channelId: 'acme_corp_whatsapp', language: 'en_US' } });
    const q = (quality: 'GREEN' | 'YELLOW' | 'RED') => applyQualityEvent(db, { accountId: 'acme_corp', templateId: t.id, quality });
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
    await expect(applyQualityEvent(db, { accountId: 'someone_else', templateId: t.id, quality: 'RED' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('sandboxReviewDecision', () => {
  it.each(creation.map((c) => [c.name, c]))('approves the reference template %s', (_n, c) => {
    expect(sandboxReviewDecision(storedFromPayload(c))).toEqual({ status: 'APPROVED' });
  });

  it('has documented rejection triggers', () => {
    const body = (text: string, examples: string[] = []) => ({ name: 'x', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text, examples }] });
    expect(sandboxReviewDecision(storedFromPayload({ ...body('Hello'), name: 'please_reject_me' }))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
    expect(sandboxReviewDecision(storedFromPayload(body('Use this coupon today')))).toEqual({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY' });
    expect(sandboxReviewDecision(storedFromPayload({ ...body('Use this coupon today'), category: 'MARKETING' }))).toEqual({ status: 'APPROVED' });
    expect(sandboxReviewDecision(storedFromPayload(body('See https://bit.ly/abc now')))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
    expect(sandboxReviewDecision(storedFromPayload(body('Hi {{1}}, {{2}} at {{3}}.', ['a', 'b', 'c'])))).toEqual({ status: 'REJECTED', reason: 'INVALID_FORMAT' });
  });
});
