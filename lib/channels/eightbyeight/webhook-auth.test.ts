import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { encryptJson } from '@/lib/crypto/secret-box';
import { logger } from '@/lib/log/logger';
import { seedDemoTenant } from '@/test/factories';
import { webhookSecretMatches } from '@/lib/channels/eightbyeight/authenticate-webhook';
import { createEightByEightChannels, EBE, inboundEvent, postWebhook, statusEvent } from '@/test/fake-8x8/eight-by-eight-fixtures';

// 8x8's webhook: only the channel's own secret gets in, and whatever it cannot read is answered 4xx
// in the 8x8 error shape and logged with its body, never dropped silently.
const ERROR_SHAPE = { code: expect.any(Number), message: expect.any(String), errorId: expect.any(String), timestamp: expect.any(String) };

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  await db.subAccount.create({ data: { id: 'acme_8x8_two', accountId: EBE.accountId, name: 'Second 8x8' } });
  await db.channel.create({
    data: {
      id: 'acme_8x8_two_whatsapp',
      subAccountId: 'acme_8x8_two',
      kind: 'whatsapp',
      name: 'Two',
      address: '+15550783898',
      provider: '8x8',
      credentials: encryptJson({ ...EBE.credentials, webhookSecret: 'whsec_other_channel' }),
    },
  });
});
afterEach(() => vi.restoreAllMocks());

const messages = () => db.message.count({ where: { subAccountId: EBE.subAccountId } });

describe('8x8 webhook authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong secret', 'whsec_wrong'],
    ['the secret with a different case', EBE.credentials.webhookSecret.toUpperCase()],
    ['another channel’s secret', 'whsec_other_channel'],
    ['an empty secret', ''],
  ])('%s: 401 with code 1200, nothing stored', async (_name, secret) => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const before = await messages();
    const res = await postWebhook(EBE.whatsapp, inboundEvent(`auth-${secret}`, '+15551239999', 'hi'), secret);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ ...ERROR_SHAPE, code: 1200 });
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ channelId: EBE.whatsapp }), expect.stringContaining('wrong secret'));
    expect(await messages()).toBe(before);
  });

  it('takes the secret as a Bearer token in any case of "Bearer"', () => {
    expect(webhookSecretMatches('bearer s3cret', 's3cret')).toBe(true);
    expect(webhookSecretMatches('Bearer  s3cret ', 's3cret')).toBe(true);
    expect(webhookSecretMatches('Basic s3cret', 's3cret')).toBe(false);
    expect(webhookSecretMatches('Bearer s3cre', 's3cret')).toBe(false);
  });

  it('an unknown channel, or a sandbox channel (no 8x8 side), is 404', async () => {
    for (const channelId of ['no_such_channel', 'acme_corp_whatsapp']) {
      const res = await postWebhook(channelId, inboundEvent('x', '+15551239999', 'hi'));
      expect(res.status).toBe(404);
      expect(res.json).toEqual(ERROR_SHAPE);
    }
  });
});

describe('8x8 webhook bodies it cannot read', () => {
  it.each([
    ['malformed JSON', '{"eventType": "inbound_message_received",', /malformed JSON/],
    ['an empty body', '', /eventType is required/],
    ['a JSON array', '[1,2]', /eventType is required/],
    ['no eventType', { namespace: 'ChatApps', payload: {} }, /eventType is required/],
    ['an unknown eventType', { namespace: 'ChatApps', eventType: 'message_teleported', payload: {} }, /Unknown eventType 'message_teleported'/],
    [
      'an inbound without umid',
      { ...inboundEvent('u', '+15551239999', 'hi'), payload: { user: { msisdn: '+15551239999' }, type: 'Text', content: { text: 'x' } } },
      /inbound_message_received/,
    ],
    [
      'an inbound without a sender',
      { namespace: 'ChatApps', eventType: 'inbound_message_received', payload: { umid: 'u1', type: 'Text', content: { text: 'x' } } },
      /inbound/,
    ],
    ['an inbound with an unknown namespace', { ...inboundEvent('u2', '+15551239999', 'hi'), namespace: 'Carrier pigeon' }, /inbound/],
    ['a status with an unknown state', statusEvent('c1', 'teleported'), /outbound_message_status_changed/],
    [
      'a status without status',
      { namespace: 'ChatApps', eventType: 'outbound_message_status_changed', payload: { umid: 'c1' } },
      /outbound_message_status_changed/,
    ],
    [
      'a template status with an unknown status',
      { eventType: 'template_status_update', eventDetails: { templateName: 't', templateLanguage: 'en_US', meta: { status: 'MAYBE' } } },
      /template_status_update/,
    ],
    ['an inbound from something that is no phone number', inboundEvent('u4', 'not-a-number', 'hi'), /msisdn/i],
    ['an SMS on a WhatsApp channel', { ...inboundEvent('u3', '+15551239999', 'hi'), namespace: 'SMS' }, /whatsapp channel/],
  ])('%s: 400 in the error shape, logged with the body', async (name, body, message) => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const before = await messages();
    const res = await postWebhook(EBE.whatsapp, body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject(ERROR_SHAPE);
    // 1002 for a sender that is no number (as the send API answers it), 1005 for everything else.
    expect(res.json.code).toBe(name.includes('phone number') ? 1002 : 1005);
    expect(res.json.message).toMatch(message);
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields] = warn.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(fields).toMatchObject({ component: '8x8-webhook', channelId: EBE.whatsapp });
    // What 8x8 sent is in the log (as text when it is not JSON).
    expect(fields).toHaveProperty('body');
    expect(await messages()).toBe(before);
  });

  it('names the fields that are wrong', async () => {
    vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const res = await postWebhook(EBE.whatsapp, statusEvent('c1', 'teleported'));
    expect(res.json.errors).toEqual([expect.objectContaining({ path: 'payload.status.state' })]);
  });

  it('takes the other events the reference lists, and logs them', async () => {
    const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
    const body = {
      eventId: '0f88f5c4-1',
      timestamp: '2025-01-01T00:00:00.00Z',
      provider: 'WhatsApp',
      eventType: 'phone_number_quality_update',
      eventDetails: { displayPhoneNumber: '15550783881', meta: { event: 'UPGRADE', currentLimit: 'TIER_10K', oldLimit: 'TIER_1K' } },
    };
    const res = await postWebhook(EBE.whatsapp, body);
    expect(res).toEqual({ status: 200, json: { logged: true } });
    expect(info).toHaveBeenCalledWith(expect.objectContaining({ body }), expect.stringContaining('phone_number_quality_update'));
  });
});
