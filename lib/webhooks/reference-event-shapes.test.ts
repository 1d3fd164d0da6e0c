import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { POST } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { call, drainOutbox, msgUrl } from '@/test/messaging-helpers';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { changeTemplateStatus } from '@/lib/templates/change-template-status';
import { changeMessagingTier } from '@/lib/messaging/change-messaging-tier';

// The webhook bodies Parley emits, against the samples printed in the reference docs: every field of
// a sample is present with the same JSON type (Parley may add fields, e.g. clientMessageId).

const INBOUND_SAMPLE = {
  namespace: 'ChatApps',
  eventType: 'inbound_message_received',
  payload: {
    umid: 'abc...123',
    subAccountId: 'Your_SubAccount',
    timestamp: '2025-11-09T14:35:01.000Z',
    user: { msisdn: '+15551234567', channelUserId: '15551234567' },
    recipient: { channel: 'whatsapp', channelId: '8x8-channel-id-...' },
    type: 'Text',
    content: { text: '1' },
  },
};

// "Asynchronous Error Webhook Payload"; the docs elide the user object as { ... }.
const STATUS_SAMPLE = {
  namespace: 'ChatApps',
  eventType: 'outbound_message_status_changed',
  description: 'ChatApps outbound message delivery receipt',
  payload: {
    umid: '<UNIQUE_MESSAGE_ID>',
    subAccountId: '<SUBACCOUNT_ID>',
    channel: 'whatsapp',
    user: {},
    status: {
      state: 'undelivered',
      detail: 'rejected_by_operator',
      timestamp: '2025-11-10T10:30:05Z',
      errorCode: 1022,
      errorMessage: 'Message window expired',
    },
  },
};

const TEMPLATE_SAMPLE = {
  eventId: '0f88f5c4-...',
  timestamp: '2025-01-01T00:00:00.00Z',
  provider: 'WhatsApp',
  eventType: 'template_status_update',
  eventDetails: { templateName: '<YOUR_TEMPLATE_NAME>', templateLanguage: 'en_US', meta: { status: 'REJECTED', reason: 'INCORRECT_CATEGORY' } },
};

// "Sample Payload (Messaging Limit Upgrade)".
const PHONE_SAMPLE = {
  eventId: '0f88f5c4-...',
  timestamp: '2025-01-01T00:00:00.00Z',
  provider: 'WhatsApp',
  eventType: 'phone_number_quality_update',
  eventDetails: { displayPhoneNumber: '15550783881', meta: { event: 'UPGRADE', currentLimit: 'TIER_10K', oldLimit: 'TIER_1K' } },
};

/** Every key of `sample` exists in `actual` with a value of the same JSON type, at any depth. */
function expectShape(actual: unknown, sample: unknown, path = 'body') {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  expect(kind(actual), path).toBe(kind(sample));
  if (kind(sample) !== 'object') return;
  for (const [k, v] of Object.entries(sample as object)) expectShape((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
}

const isoTime = (v: unknown) => expect(new Date(v as string).toISOString()).toBe(v);
const eventBody = async (eventType: string) =>
  (await db.event.findFirstOrThrow({ where: { eventType }, orderBy: { createdAt: 'desc' } })).body as Record<string, any>;

beforeAll(async () => {
  await seedDemoTenant();
  await subscribeWebhook([
    'inbound_message_received',
    'outbound_message_status_changed',
    'template_status_update',
    'template_category_update',
    'phone_number_quality_update',
  ]);
});

describe('webhook bodies in the reference shape', () => {
  it('inbound_message_received', async () => {
    const { umid } = await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      msisdn: '+15551234567',
      type: 'text',
      content: { text: '1' },
    });
    const body = await eventBody('inbound_message_received');
    expectShape(body, INBOUND_SAMPLE);
    expect(body).toMatchObject({
      ...INBOUND_SAMPLE,
      payload: {
        ...INBOUND_SAMPLE.payload,
        umid,
        subAccountId: 'acme_corp_chatapps',
        timestamp: expect.any(String),
        recipient: { channel: 'whatsapp', channelId: 'acme_corp_whatsapp' },
      },
    });
    isoTime(body.payload.timestamp);
  });

  it('outbound_message_status_changed for a freeform message outside the window (1022)', async () => {
    const r = await call(
      POST,
      'POST',
      msgUrl('acme_corp_chatapps'),
      { subAccountId: 'acme_corp_chatapps' },
      { user: { msisdn: '+15557654321' }, type: 'text', content: { text: 'Late reply' } },
    );
    await drainOutbox();
    const body = await eventBody('outbound_message_status_changed');
    expectShape(body, STATUS_SAMPLE);
    expect(body).toMatchObject({
      ...STATUS_SAMPLE,
      payload: {
        umid: r.json.umid,
        subAccountId: 'acme_corp_chatapps',
        channel: 'whatsapp',
        user: { msisdn: '+15557654321', channelUserId: '15557654321' },
        status: { ...STATUS_SAMPLE.payload.status, timestamp: expect.any(String) },
      },
    });
    isoTime(body.payload.status.timestamp);
  });

  it('template_status_update', async () => {
    const t = await db.template.create({
      data: {
        accountId: 'acme_corp',
        subAccountId: 'acme_corp_chatapps',
        channelId: 'acme_corp_whatsapp',
        name: 'promo_as_utility',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Sale!' }],
        status: 'PENDING',
      },
    });
    await db.$transaction((tx) => changeTemplateStatus(tx, t.id, { to: 'REJECTED', reason: 'INCORRECT_CATEGORY', source: 'test' }));
    const body = await eventBody('template_status_update');
    expectShape(body, TEMPLATE_SAMPLE);
    expect(body).toMatchObject({
      ...TEMPLATE_SAMPLE,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: expect.any(String),
      eventDetails: { ...TEMPLATE_SAMPLE.eventDetails, templateName: 'promo_as_utility' },
    });
    isoTime(body.timestamp);
  });

  it("template_category_update (no sample in the docs: the template envelope, with 8x8's previousCategory/newCategory)", async () => {
    const t = await db.template.create({
      data: {
        accountId: 'acme_corp',
        subAccountId: 'acme_corp_chatapps',
        channelId: 'acme_corp_whatsapp',
        name: 'sale_as_utility',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Sale!' }],
        status: 'PENDING',
      },
    });
    await db.$transaction((tx) => changeTemplateStatus(tx, t.id, { to: 'APPROVED', category: 'MARKETING', source: 'test' }));
    const body = await eventBody('template_category_update');
    expectShape(body, { ...TEMPLATE_SAMPLE, eventType: 'template_category_update', eventDetails: { ...TEMPLATE_SAMPLE.eventDetails, meta: {} } });
    expect(body.eventDetails).toEqual({
      templateName: 'sale_as_utility',
      templateLanguage: 'en_US',
      channelId: 'acme_corp_whatsapp',
      meta: { previousCategory: 'UTILITY', newCategory: 'MARKETING' },
    });
    isoTime(body.timestamp);
  });

  it('phone_number_quality_update', async () => {
    await changeMessagingTier(db, { accountId: 'acme_corp', to: 'TIER_10K', actor: { partnerId: 'demo_partner', label: 'test' }, reason: 'test' });
    const events = await db.event.findMany({ where: { eventType: 'phone_number_quality_update' } });
    const body = events.map((e) => e.body as Record<string, any>).find((b) => b.eventDetails.displayPhoneNumber === '15550783881')!;
    expectShape(body, PHONE_SAMPLE);
    expect(body).toMatchObject({ ...PHONE_SAMPLE, eventId: expect.stringMatching(/^[0-9a-f-]{36}$/), timestamp: expect.any(String) });
    isoTime(body.timestamp);
  });
});
