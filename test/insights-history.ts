import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { insertOutbound } from '@/lib/messaging/enqueue-outbound';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { receiveInbound } from '@/lib/messaging/receive-inbound';

// A message history for the Insights tests (Dashboard, Logs, drawer): the demo tenant's two subaccounts,
// WhatsApp and SMS, both directions, receipts in any order, failures with error codes, over `days` days
// from `start`. Deterministic for a seed, so a failure can be replayed.

export const CHANNELS = [
  { subAccountId: 'acme_corp_chatapps', channelId: 'acme_corp_whatsapp', channel: 'whatsapp' },
  { subAccountId: 'acme_corp', channelId: 'acme_corp_main_whatsapp', channel: 'whatsapp' },
  { subAccountId: 'acme_corp', channelId: 'acme_corp_sms', channel: 'sms' },
] as const;

const NUMBERS = ['+6591234567', '+15551230001', '+447700900123', '+919812345678'];
const FAILURES: StatusUpdate[] = [
  { state: 'undelivered', errorCode: 1003, errorMessage: 'Unreachable destination' },
  { state: 'undelivered', errorCode: 131026, errorMessage: 'Message undeliverable' },
  { state: 'rejected', errorCode: 131050, errorMessage: 'The recipient opted out of marketing messages' },
  { state: 'undelivered', errorCode: 1003, errorMessage: 'Unreachable destination' },
];

export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function insightsHistory(opts: { seed: number; start: string; days: number; messages: number }): Promise<{ umids: string[] }> {
  const rnd = random(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sent: { umid: string; at: Date }[] = [];
  for (let i = 0; i < opts.messages; i++) {
    const at = new Date(Date.parse(opts.start) + Math.floor(rnd() * opts.days * 86_400_000));
    const c = pick(CHANNELS);
    const msisdn = pick(NUMBERS);
    const roll = rnd();
    if (roll < 0.25) {
      await receiveInbound(db, {
        accountId: 'acme_corp',
        subAccountId: c.subAccountId,
        channel: c.channel,
        msisdn,
        type: 'text',
        content: { text: `hi ${i}` },
        timestamp: at,
      });
    } else if (roll < 0.65) {
      const { accepted } = await write(db, (t) =>
        insertOutbound(
          t,
          {
            accountId: 'acme_corp',
            subAccountId: c.subAccountId,
            channelId: c.channelId,
            channel: c.channel,
            to: parseMsisdn(msisdn),
            type: 'text',
            content: { text: `hello ${i}` },
            category: c.channel === 'whatsapp' ? pick(['marketing', 'utility', 'authentication', 'service']) : 'service',
          },
          at,
        ),
      );
      sent.push({ umid: accepted.umid, at });
    } else if (sent.length) {
      const m = pick(sent);
      const r = rnd();
      const update: StatusUpdate = r < 0.2 ? pick(FAILURES) : { state: pick(['sent', 'delivered', 'read', 'delivered'] as const) };
      await write(db, (t) => applyStatus(t, m.umid, update, new Date(m.at.getTime() + 60_000)));
    }
  }
  return { umids: sent.map((s) => s.umid) };
}
