import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { createTemplate } from '@/lib/templates/create-template';
import { editTemplate, whyTemplateNotEditable } from '@/lib/templates/edit-template';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { applyQualityEvent } from '@/lib/templates/apply-quality-event';
import { templateJson } from '@/lib/templates/stored-template';
import { getTemplateById } from '@/lib/templates/get-template';

const later = () => new Date(Date.now() + 60_000);
const body = (text: string, examples?: string[]) => [{ type: 'BODY', text, ...(examples ? { examples } : {}) }];
const payload = (name: string, text: string, category = 'UTILITY') => ({ name, language: 'en_US', category, components: body(text) });
const create = (p: unknown) => createTemplate(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', payload: p, source: 'test' });
const edit = (id: string, p: unknown, accountId = 'acme_corp') => editTemplate(db, { actor: SYSTEM_ACTOR, accountId, id, payload: p, source: 'console:test' });
const history = async (id: string) =>
  (await db.templateStatusChange.findMany({ where: { templateId: id }, orderBy: { createdAt: 'asc' } })).map((h) => [
    h.version,
    h.fromStatus,
    h.toStatus,
    h.reason,
  ]);
const statusEvents = async (name: string) =>
  (await db.event.findMany({ where: { eventType: 'template_status_update' }, orderBy: { createdAt: 'asc' } }))
    .map((e) => (e.body as { eventDetails: { templateName: string; meta: unknown } }).eventDetails)
    .filter((d) => d.templateName === name)
    .map((d) => d.meta);
const live = (name: string) => findApprovedTemplate(db, { subAccountId: 'acme_corp_chatapps', name, language: 'en_US' });

async function approved(name: string, text: string, category = 'UTILITY') {
  const t = await create(payload(name, text, category));
  await reviewPendingTemplates(db, later());
  return getTemplateById(db, 'acme_corp', t.id);
}

describe('editing a template as WhatsApp allows', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    await subscribeWebhook(['template_status_update', 'template_category_update']);
  });

  it('a REJECTED template is edited and resubmitted: PENDING as version 2, then the reviewer decides again', async () => {
    const t = await create(payload('shipping_notice', 'Your parcel is on its way: track it at https://bit.ly/abc today.'));
    await reviewPendingTemplates(db, later());
    expect(await getTemplateById(db, 'acme_corp', t.id)).toMatchObject({ status: 'REJECTED', reason: 'INVALID_FORMAT', version: 1 });

    const resubmitted = await edit(t.id, payload('shipping_notice', 'Your parcel is on its way: track it in the app today.'));
    expect(resubmitted).toMatchObject({ status: 'PENDING', reason: null, version: 2, pendingComponents: null });
    expect(resubmitted.components).toEqual(body('Your parcel is on its way: track it in the app today.'));

    await reviewPendingTemplates(db, later());
    expect(await getTemplateById(db, 'acme_corp', t.id)).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(await history(t.id)).toEqual([
      [1, null, 'PENDING', null],
      [1, 'PENDING', 'REJECTED', 'INVALID_FORMAT'],
      [2, 'REJECTED', 'PENDING', null],
      [2, 'PENDING', 'APPROVED', null],
    ]);
  });

  it('a rejected template may change its category when resubmitted', async () => {
    const t = await create({
      name: 'otp_promo_fix',
      language: 'en_US',
      category: 'AUTHENTICATION',
      components: [
        { type: 'BODY', text: 'Your code is {{1}}. Use this coupon today.', examples: ['123456'] },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', examples: ['123456'] }] },
      ],
    });
    await reviewPendingTemplates(db, later());
    expect(await getTemplateById(db, 'acme_corp', t.id)).toMatchObject({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY' });
    const marketing = { ...payload('otp_promo_fix', '', 'MARKETING'), components: body('Thanks for your order, {{1}}: use this coupon today.', ['Maria']) };
    expect(await edit(t.id, marketing)).toMatchObject({ status: 'PENDING', category: 'MARKETING', version: 2 });
  });

  it('an APPROVED template keeps sending its approved version while the edit is in review; approval makes the edit live', async () => {
    const t = await approved('order_update', 'Your order has been packed and will ship soon.');
    const before = templateJson(t);
    const inReview = await edit(t.id, payload('order_update', 'Your order has been packed and ships tomorrow morning.'));
    expect(inReview).toMatchObject({ status: 'APPROVED', version: 1, pendingComponents: body('Your order has been packed and ships tomorrow morning.') });
    // Sends and the API see the approved version, in exactly the shape they saw before.
    expect((await live('order_update'))!.components).toEqual(body('Your order has been packed and will ship soon.'));
    const during = templateJson(await getTemplateById(db, 'acme_corp', t.id));
    expect(Object.keys(during)).toEqual(Object.keys(before));
    expect({ ...during, updatedAt: before.updatedAt }).toEqual(before);

    expect((await reviewPendingTemplates(db, later())).decided).toBe(1);
    const after = await getTemplateById(db, 'acme_corp', t.id);
    expect(after).toMatchObject({ status: 'APPROVED', version: 2, pendingComponents: null });
    expect((await live('order_update'))!.components).toEqual(body('Your order has been packed and ships tomorrow morning.'));
    expect(await history(t.id)).toEqual([
      [1, null, 'PENDING', null],
      [1, 'PENDING', 'APPROVED', null],
      [2, 'APPROVED', 'PENDING', null],
      [2, 'PENDING', 'APPROVED', null],
    ]);
    // Receivers hear that the (new version of the) template is approved.
    expect(await statusEvents('order_update')).toEqual([{ status: 'APPROVED' }, { status: 'APPROVED' }]);
  });

  it('a rejected edit leaves the approved version live, with the rejection in the history and no status event', async () => {
    const t = await approved('delivery_window', 'Your delivery arrives between nine and noon.');
    await edit(t.id, payload('delivery_window', 'Your delivery arrives between nine and noon: details at https://bit.ly/x'));
    await reviewPendingTemplates(db, later());
    const after = await getTemplateById(db, 'acme_corp', t.id);
    expect(after).toMatchObject({ status: 'APPROVED', version: 1, pendingComponents: null, reason: null });
    expect((await live('delivery_window'))!.components).toEqual(body('Your delivery arrives between nine and noon.'));
    expect(await history(t.id)).toEqual([
      [1, null, 'PENDING', null],
      [1, 'PENDING', 'APPROVED', null],
      [2, 'APPROVED', 'PENDING', null],
      [2, 'PENDING', 'REJECTED', 'INVALID_FORMAT'],
    ]);
    expect(await statusEvents('delivery_window')).toEqual([{ status: 'APPROVED' }]);
    // Nothing is due any more.
    expect((await reviewPendingTemplates(db, later())).decided).toBe(0);
  });

  it('an approved edit WhatsApp re-categorises takes the new category, with template_category_update', async () => {
    const t = await approved('weekly_note', 'Here is your weekly account summary.');
    await db.templateStatusChange.updateMany({ where: { templateId: t.id }, data: { createdAt: new Date(Date.now() - 40 * 86_400_000) } });
    await edit(t.id, payload('weekly_note', 'Here is your weekly account summary, and a coupon for 10% off.'));
    await reviewPendingTemplates(db, later());
    const after = await getTemplateById(db, 'acme_corp', t.id);
    expect(after).toMatchObject({ status: 'APPROVED', category: 'MARKETING', version: 2 });
    const moved = await db.event.findMany({ where: { eventType: 'template_category_update' } });
    expect(moved.map((e) => (e.body as { eventDetails: { templateName: string; meta: unknown } }).eventDetails)).toContainEqual(
      expect.objectContaining({ templateName: 'weekly_note', meta: { previousCategory: 'UTILITY', newCategory: 'MARKETING' } }),
    );
  });

  it('a template paused during the review of its edit takes the new content but stays paused', async () => {
    const t = await approved('paused_meanwhile', 'Your table is booked for tonight.');
    await edit(t.id, payload('paused_meanwhile', 'Your table is booked for tonight at eight.'));
    await applyQualityEvent(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', templateId: t.id, quality: 'RED' });
    await reviewPendingTemplates(db, later());
    expect(await getTemplateById(db, 'acme_corp', t.id)).toMatchObject({
      status: 'PAUSED',
      version: 2,
      components: body('Your table is booked for tonight at eight.'),
    });
    expect(await statusEvents('paused_meanwhile')).toEqual([{ status: 'APPROVED' }, { status: 'PAUSED', reason: 'LOW_QUALITY' }]);
  });

  it('refuses what WhatsApp refuses: a new name or language, an approved template’s category, no change at all', async () => {
    const t = await approved('rules_probe', 'Your booking is confirmed.');
    const issues = async (p: unknown) => {
      const err = await edit(t.id, p).catch((e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).issues.map((i) => i.path);
    };
    expect(await issues(payload('rules_probe_2', 'Your booking is confirmed!'))).toEqual(['name']);
    expect(await issues({ ...payload('rules_probe', 'Your booking is confirmed!'), language: 'es' })).toEqual(['language']);
    expect(await issues(payload('rules_probe', 'Your booking is confirmed!', 'MARKETING'))).toEqual(['category']);
    expect(await issues(payload('rules_probe', 'Your booking is confirmed.'))).toEqual(['components']);
    // The payload's own rules apply as on creation.
    expect(await issues(payload('rules_probe', '{{1}} your booking is confirmed.'))).toContain('components.0.text');
    expect((await getTemplateById(db, 'acme_corp', t.id)).pendingComponents).toBeNull();
  });

  it('refuses an edit while in review, of a disabled template, a second edit within 24 hours and an eleventh in 30 days', async () => {
    const pending = await create(payload('still_pending', 'Your order is confirmed.'));
    await expect(edit(pending.id, payload('still_pending', 'Your order is confirmed!'))).rejects.toThrow(/in review/);
    await reviewPendingTemplates(db, later());
    expect(await whyTemplateNotEditable(db, await getTemplateById(db, 'acme_corp', pending.id))).toBeNull();

    await edit(pending.id, payload('still_pending', 'Your order is confirmed!'));
    await expect(edit(pending.id, payload('still_pending', 'Your order is now confirmed.'))).rejects.toThrow(/already in review/);
    await reviewPendingTemplates(db, later());
    await expect(edit(pending.id, payload('still_pending', 'Your order is now confirmed.'))).rejects.toThrow(/one edit in 24 hours/);
    // The template page asks the same question before offering Edit.
    expect(await whyTemplateNotEditable(db, await getTemplateById(db, 'acme_corp', pending.id))).toMatch(/one edit in 24 hours/);

    // Ten edits spread over the last 30 days (none in the last 24 hours) spend the month's allowance.
    await db.templateStatusChange.deleteMany({ where: { templateId: pending.id, fromStatus: 'APPROVED' } });
    for (let d = 2; d < 12; d++)
      await db.templateStatusChange.create({
        data: {
          templateId: pending.id,
          fromStatus: 'APPROVED',
          toStatus: 'PENDING',
          version: 2,
          source: 'test',
          createdAt: new Date(Date.now() - d * 86_400_000),
        },
      });
    const err = await edit(pending.id, payload('still_pending', 'Your order is now confirmed.')).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/10 edits in 30 days/);

    const disabled = await approved('disabled_one', 'Your visit is booked.');
    await db.template.update({ where: { id: disabled.id }, data: { status: 'DISABLED' } });
    await expect(edit(disabled.id, payload('disabled_one', 'Your visit is booked!'))).rejects.toThrow(/disabled/);
  });

  it("404s another account's template", async () => {
    const t = await approved('tenant_probe', 'Your visit is booked.');
    const other = await createOtherTenant();
    await expect(edit(t.id, payload('tenant_probe', 'Your visit is booked!'), other.accountId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
