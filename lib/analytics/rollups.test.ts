import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { insertOutbound } from '@/lib/messaging/enqueue-outbound';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { localDay } from '@/lib/analytics/rollup-rows';
import { rebuildRollups } from '@/lib/analytics/rebuild-rollups';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';

// A seeded generator, so a failure can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const COUNTERS = ['messages', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received', 'conversations', 'costMicros'];
type Row = Record<string, string | number>;

// A bucket is the SUM of its shards (one per PostgreSQL connection that wrote to it; only shard 0 on SQLite).
function readRollups(table: 'MessageRollupDay' | 'MessageRollupSlot'): Promise<Row[]> {
  const key = `"accountId", "${table === 'MessageRollupDay' ? 'day' : 'slot'}", "subAccountId", "channel", "direction", "category", "country"`;
  return read(db, (t) =>
    t.all<Row>(
      `SELECT ${key}, ${COUNTERS.map((c) => `SUM("${c}") AS "${c}"`).join(', ')} FROM "${table}" GROUP BY ${key} HAVING SUM("messages") > 0 ORDER BY ${key}`,
    ),
  );
}

function readErrors(): Promise<Row[]> {
  const key = '"accountId", "day", "subAccountId", "channel", "errorCode"';
  return read(db, (t) => t.all<Row>(`SELECT ${key}, SUM("messages") AS "messages" FROM "MessageErrorRollupDay" GROUP BY ${key} ORDER BY ${key}`));
}

/** The day rollups counted straight from the Message table, the slow way. */
async function recountDays(): Promise<Row[]> {
  const messages = await read(db, (t) =>
    t.all<Row>(
      `SELECT m.*, a."timeZone" FROM "Message" m JOIN "Account" a ON a."id" = m."accountId" WHERE m."status" IN ('queued','sent','delivered','read','undelivered','rejected','received')`,
    ),
  );
  const byKey = new Map<string, Row>();
  for (const m of messages) {
    const day = localDay(new Date(String(m.createdAt)), String(m.timeZone));
    const key = [m.accountId, day, m.subAccountId, m.channel, m.direction, m.category ?? '', m.country ?? ''].join('|');
    let r = byKey.get(key);
    if (!r) {
      r = {
        accountId: m.accountId,
        day,
        subAccountId: m.subAccountId,
        channel: m.channel,
        direction: m.direction,
        category: m.category ?? '',
        country: m.country ?? '',
      };
      for (const c of COUNTERS) r[c] = 0;
      byKey.set(key, r);
    }
    (r.messages as number)++;
    (r[String(m.status)] as number)++;
    (r.conversations as number) += Number(m.opensConversation);
    (r.costMicros as number) += Number(m.priceMicros ?? 0);
  }
  const keyOf = (r: Row) => [r.accountId, r.day, r.subAccountId, r.channel, r.direction, r.category, r.country].join('|');
  return [...byKey.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
}

describe('message rollups', () => {
  let other: Awaited<ReturnType<typeof createOtherTenant>>;

  beforeAll(async () => {
    await seedDemoTenant();
    other = await createOtherTenant();
    // Two zones whose days end at different instants: Asia/Kolkata is +05:30, acme stays UTC.
    await db.account.update({ where: { id: other.accountId }, data: { timeZone: 'Asia/Kolkata' } });
  });

  it('equal a full recount and a rebuild after a random history of sends, receipts, duplicates and inbound messages around midnight', async () => {
    const rnd = random(20261205);
    const tenants = [
      { accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps', channelId: 'acme_corp_whatsapp' },
      { accountId: other.accountId, subAccountId: other.subAccountId, channelId: other.channelId },
    ];
    const numbers = ['+6591234567', '+15551230001', '+447700900123', '+919812345678', '+4915112345678'];
    // Around both tenants' midnights: 23:00–01:00 UTC and 18:00–20:00 UTC (00:00 in Kolkata is 18:30 UTC).
    const base = [Date.parse('2026-12-04T23:00:00Z'), Date.parse('2026-12-04T18:00:00Z')];
    const sent: string[] = [];
    const states: StatusUpdate['state'][] = ['sent', 'delivered', 'read', 'undelivered', 'rejected'];

    for (let i = 0; i < 400; i++) {
      const t = tenants[Math.floor(rnd() * tenants.length)]!;
      const at = new Date(base[Math.floor(rnd() * 2)]! + Math.floor(rnd() * 2 * 3600_000));
      const msisdn = numbers[Math.floor(rnd() * numbers.length)]!;
      const roll = rnd();
      if (roll < 0.25) {
        await receiveInbound(db, {
          accountId: t.accountId,
          subAccountId: t.subAccountId,
          channel: 'whatsapp',
          msisdn,
          type: 'text',
          content: { text: 'hi' },
          timestamp: at,
        });
      } else if (roll < 0.6) {
        const category = ['marketing', 'utility', 'authentication'][Math.floor(rnd() * 3)]!;
        // Some sends repeat an earlier clientMessageId: idempotent, counted once.
        const clientMessageId = rnd() < 0.2 ? `dup-${Math.floor(rnd() * 5)}` : null;
        const { accepted } = await write(db, (tx) =>
          insertOutbound(
            tx,
            {
              ...t,
              channel: 'whatsapp',
              to: parseMsisdn(msisdn),
              type: 'template',
              content: { template: { name: 'x', language: 'en_US' } },
              templateName: 'x',
              templateLanguage: 'en_US',
              category,
              clientMessageId,
            },
            at,
          ),
        );
        sent.push(accepted.umid);
      } else if (sent.length) {
        // Receipts in any order, repeated, late: only forward moves count.
        const umid = sent[Math.floor(rnd() * sent.length)]!;
        const state = states[Math.floor(rnd() * states.length)]!;
        const update: StatusUpdate =
          state === 'undelivered'
            ? { state, errorCode: 1003, errorMessage: 'Unreachable destination' }
            : state === 'rejected'
              ? { state, errorCode: 131050, errorMessage: 'Opted out' }
              : { state };
        await write(db, (tx) => applyStatus(tx, umid, update, new Date(at.getTime() + 1000)));
      }
    }

    const incremental = await readRollups('MessageRollupDay');
    const recount = await recountDays();
    const strip = (rows: Row[]) =>
      rows.map((r) =>
        Object.fromEntries(['accountId', 'day', 'subAccountId', 'channel', 'direction', 'category', 'country', ...COUNTERS].map((k) => [k, r[k]])),
      );
    expect(strip(incremental)).toEqual(strip(recount));
    // The history crossed both tenants' midnights, and something was priced and some conversation opened.
    expect(new Set(incremental.map((r) => `${r.accountId}|${r.day}`)).size).toBeGreaterThanOrEqual(4);
    expect(incremental.some((r) => Number(r.costMicros) > 0)).toBe(true);
    expect(incremental.some((r) => Number(r.conversations) > 0 && r.direction === 'inbound')).toBe(true);

    const slotsBefore = await readRollups('MessageRollupSlot');
    const errorsBefore = await readErrors();
    expect(errorsBefore.length).toBeGreaterThan(0);
    expect(errorsBefore.reduce((n, r) => n + Number(r.messages), 0)).toBe(
      incremental.filter((r) => r.direction === 'outbound').reduce((n, r) => n + Number(r.undelivered) + Number(r.rejected), 0),
    );
    await rebuildRollups(db);
    expect(await readErrors()).toEqual(errorsBefore);
    expect(strip(await readRollups('MessageRollupDay'))).toEqual(strip(incremental));
    expect(await readRollups('MessageRollupSlot')).toEqual(slotsBefore);
  });

  it('count an account-local day: 18:45 UTC is the next day in Kolkata', () => {
    expect(localDay(new Date('2026-12-04T18:45:00Z'), 'Asia/Kolkata')).toBe('2026-12-05');
    expect(localDay(new Date('2026-12-04T18:15:00Z'), 'Asia/Kolkata')).toBe('2026-12-04');
    expect(localDay(new Date('2026-12-04T18:45:00Z'), 'UTC')).toBe('2026-12-04');
  });
});
