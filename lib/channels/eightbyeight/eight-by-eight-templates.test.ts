import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { logger } from '@/lib/log/logger';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { call } from '@/test/messaging-helpers';
import { POST as CREATE } from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/route';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { fake8x8Error, startFake8x8, type Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, postWebhook, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// A template on an 8x8 channel goes to WhatsApp's review through 8x8's templates endpoint instead of
// the sandbox's simulated reviewer; 8x8's template_status_update then decides it.
let fake: Fake8x8;
const url = `/api/v1/accounts/${EBE.accountId}/channels/${EBE.whatsapp}/templates`;
const params = { accountId: EBE.accountId, channelId: EBE.whatsapp };

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  await subscribeWebhook(['template_status_update']);
  fake = await startFake8x8();
  useFake8x8(fake);
});
afterEach(() => {
  fake.respond();
  vi.restoreAllMocks();
});
afterAll(() => fake.close());

const payload = (name: string) => ({
  language: 'en_US',
  name,
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, this is a reminder for your appointment on {{2}}.', examples: ['Maria', 'Nov 10, 2025'] }],
});

const statusUpdate = (name: string, status: string, reason?: string) => ({
  eventId: `evt-${name}-${status}`,
  timestamp: '2025-01-01T00:00:00.00Z',
  provider: 'WhatsApp',
  eventType: 'template_status_update',
  eventDetails: { templateName: name, templateLanguage: 'en_US', meta: { status, ...(reason ? { reason } : {}) } },
});

describe('templates on an 8x8 channel', () => {
  it('are submitted to 8x8 (reference creation payload) and wait PENDING for 8x8’s decision, not the sandbox reviewer’s', async () => {
    const res = await call(CREATE, 'POST', url, params, payload('appointment_reminder_v1'));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({
      method: 'POST',
      path: `/api/v1/accounts/${EBE.accountId}/channels/${EBE.whatsapp}/templates`,
      headers: { authorization: `Bearer ${EBE.credentials.apiKey}` },
      body: payload('appointment_reminder_v1'),
    });
    const t = await db.template.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(t).toMatchObject({ status: 'PENDING', reviewDueAt: null });
    await reviewPendingTemplates(db, new Date(Date.now() + 3_600_000));
    expect((await db.template.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('PENDING');

    const approved = await postWebhook(EBE.whatsapp, statusUpdate('appointment_reminder_v1', 'APPROVED'));
    expect(approved).toEqual({ status: 200, json: { templateId: t.id, applied: true } });
    const after = await db.template.findUniqueOrThrow({ where: { id: t.id }, include: { history: { orderBy: { createdAt: 'asc' } } } });
    expect(after.status).toBe('APPROVED');
    expect(after.history.map((h) => [h.toStatus, h.source])).toEqual([
      ['PENDING', 'api'],
      ['APPROVED', '8x8'],
    ]);
    const events = await db.event.findMany({ where: { accountId: EBE.accountId, eventType: 'template_status_update' } });
    expect(events.map((e) => (e.body as { eventDetails: { templateName: string; meta: { status: string } } }).eventDetails)).toContainEqual(
      expect.objectContaining({ templateName: 'appointment_reminder_v1', meta: { status: 'APPROVED' } }),
    );
    expect(await db.auditEvent.findFirst({ where: { entityId: t.id, action: 'template.review' } })).toMatchObject({ actorLabel: 'WhatsApp (8x8)' });

    // Redelivered: nothing changes.
    expect((await postWebhook(EBE.whatsapp, statusUpdate('appointment_reminder_v1', 'APPROVED'))).json).toEqual({ templateId: t.id, applied: false });
    expect(await db.templateStatusChange.count({ where: { templateId: t.id } })).toBe(2);
  });

  it('takes a rejection with its reason, and a later pause', async () => {
    const res = await call(CREATE, 'POST', url, params, payload('order_update_v1'));
    await postWebhook(EBE.whatsapp, statusUpdate('order_update_v1', 'REJECTED', 'INCORRECT_CATEGORY'));
    expect(await db.template.findUniqueOrThrow({ where: { id: res.json.id } })).toMatchObject({ status: 'REJECTED', reason: 'INCORRECT_CATEGORY' });
    await postWebhook(EBE.whatsapp, {
      ...statusUpdate('order_update_v1', 'paused'),
      eventDetails: { templateName: 'order_update_v1', templateLanguage: 'en-US', meta: { status: 'paused' } },
    });
    expect(await db.template.findUniqueOrThrow({ where: { id: res.json.id } })).toMatchObject({ status: 'PAUSED', reason: null });
  });

  it('a status for a template the channel does not have is 404 and logged', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const res = await postWebhook(EBE.whatsapp, statusUpdate('never_submitted', 'APPROVED'));
    expect(res.status).toBe(404);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('8x8 refusing the template: the API answers 400 with 8x8’s words and code, nothing is stored', async () => {
    fake.respond(() => fake8x8Error(400, 1005, "Invalid parameter(s): 'components'"));
    const res = await call(CREATE, 'POST', url, params, payload('refused_v1'));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 1005 });
    expect(res.json.message).toContain("Invalid parameter(s): 'components'");
    expect(await db.template.count({ where: { name: 'refused_v1' } })).toBe(0);
  });

  it('8x8 unavailable: 503, nothing stored, and the same submission works once 8x8 is back', async () => {
    fake.respond(() => fake8x8Error(503, 1000, 'Maintenance'));
    const res = await call(CREATE, 'POST', url, params, payload('retry_me_v1'));
    expect(res.status).toBe(503);
    expect(res.json.message).toMatch(/try again/);
    expect(await db.template.count({ where: { name: 'retry_me_v1' } })).toBe(0);
    fake.respond();
    expect((await call(CREATE, 'POST', url, params, payload('retry_me_v1'))).status).toBe(201);
  });

  it('sandbox channels keep the simulated review and never call 8x8', async () => {
    const before = fake.requests.length;
    const res = await call(
      CREATE,
      'POST',
      `/api/v1/accounts/${EBE.accountId}/channels/acme_corp_whatsapp/templates`,
      { accountId: EBE.accountId, channelId: 'acme_corp_whatsapp' },
      payload('sandbox_only_v1'),
    );
    expect(res.status).toBe(201);
    expect(fake.requests.length).toBe(before);
    expect((await db.template.findUniqueOrThrow({ where: { id: res.json.id } })).reviewDueAt).not.toBeNull();
  });
});
