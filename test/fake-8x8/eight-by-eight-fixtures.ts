// For the 8x8 contract tests: 8x8 channels of the demo account, the outbox run against the fake 8x8
// server, and 8x8's webhook calls made as 8x8 makes them.
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { encryptJson } from '@/lib/crypto/secret-box';
import { processOutbox, settleOutbox, type OutboxOptions } from '@/lib/messaging/process-outbox';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { POST as WEBHOOK } from '@/app/api/providers/8x8/[channelId]/webhooks/route';
import type { Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';

export const EBE = {
  accountId: 'acme_corp',
  subAccountId: 'acme_8x8',
  whatsapp: 'acme_8x8_whatsapp',
  sms: 'acme_8x8_sms',
  waAddress: '+15550783899',
  smsAddress: 'AcmeAlerts',
  credentials: { apiKey: 'live_key_wa_0123', subAccountId: 'Acme_8x8_Sub', webhookSecret: 'whsec_8x8_wa_secret' },
} as const;

/** A subaccount of the demo account whose WhatsApp and SMS channels send through 8x8 (run after seedDemoTenant). */
export async function createEightByEightChannels(): Promise<void> {
  await db.subAccount.create({ data: { id: EBE.subAccountId, accountId: EBE.accountId, name: 'Acme over 8x8' } });
  const credentials = encryptJson(EBE.credentials);
  await db.channel.createMany({
    data: [
      { id: EBE.whatsapp, subAccountId: EBE.subAccountId, kind: 'whatsapp', name: 'Acme WA (8x8)', address: EBE.waAddress, provider: '8x8', credentials },
      { id: EBE.sms, subAccountId: EBE.subAccountId, kind: 'sms', name: 'Acme SMS (8x8)', address: EBE.smsAddress, provider: '8x8', credentials },
    ],
  });
}

/** Points every 8x8 region at the fake server (the provider reads the override at each call). */
export function useFake8x8(fake: Fake8x8): void {
  env.PARLEY_8X8_BASE_URL = fake.url;
}

/** One outbox pass at `now` (default: the real clock), then waits for every provider call's answer to be stored. */
export async function runOutbox(opts: OutboxOptions = {}): Promise<void> {
  await processOutbox(db, { buckets: new TokenBuckets(), ...opts });
  await settleOutbox();
}

/** 8x8 calling the channel's webhook. */
export async function postWebhook(channelId: string, body: unknown, secret: string | null = EBE.credentials.webhookSecret) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers.authorization = `Bearer ${secret}`;
  const res = await WEBHOOK(
    new Request(`http://localhost/api/providers/8x8/${channelId}/webhooks`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ channelId }) },
  );
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

/** The reference's inbound_message_received (Chat Apps). */
export function inboundEvent(umid: string, msisdn: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    namespace: 'ChatApps',
    eventType: 'inbound_message_received',
    payload: {
      umid,
      subAccountId: EBE.credentials.subAccountId,
      timestamp: new Date().toISOString(),
      user: { msisdn, channelUserId: msisdn.replace('+', '') },
      recipient: { channel: 'whatsapp', channelId: '8x8-channel-id' },
      type: 'Text',
      content: { text },
      ...extra,
    },
  };
}

/** The reference's outbound_message_status_changed. */
export function statusEvent(
  umid: string,
  state: string,
  opts: { clientMessageId?: string; namespace?: string; errorCode?: number; errorMessage?: string; timestamp?: string } = {},
) {
  return {
    namespace: opts.namespace ?? 'ChatApps',
    eventType: 'outbound_message_status_changed',
    description: 'ChatApps outbound message delivery receipt',
    payload: {
      umid,
      ...(opts.clientMessageId ? { clientMessageId: opts.clientMessageId } : {}),
      subAccountId: EBE.credentials.subAccountId,
      channel: 'whatsapp',
      user: { msisdn: '+15551234567' },
      status: {
        state,
        detail: state === 'undelivered' ? 'rejected_by_operator' : `${state}`,
        timestamp: opts.timestamp ?? new Date().toISOString(),
        ...(opts.errorCode ? { errorCode: opts.errorCode, errorMessage: opts.errorMessage } : {}),
      },
    },
  };
}
