import type { Step, Tx } from '@/lib/db/tx';

// Rollup upkeep inside the transaction of the message change it counts (see prisma/schema/analytics.prisma).
// A leaf module: lib/messaging calls it, so it imports nothing of messaging.

/** The states a message is counted under: its current one, one column each. */
export const COUNTED_STATES = ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'] as const;
type CountedState = (typeof COUNTED_STATES)[number];
const isCounted = (s: string): s is CountedState => (COUNTED_STATES as readonly string[]).includes(s);

/** What a rollup row is keyed by, apart from its bucket. */
export type RollupDimensions = {
  accountId: string;
  subAccountId: string;
  channel: string;
  direction: string;
  category: string | null;
  country: string | null;
  createdAt: Date;
};

export const ROLLUP_TABLES = { day: 'MessageRollupDay', slot: 'MessageRollupSlot' } as const;
/** A bucket's dimensions after the account and the period, in the tables' column order. */
export const ROLLUP_DIMENSIONS = ['subAccountId', 'channel', 'direction', 'category', 'country'] as const;

/** A new message: one more in its buckets, under its state (and a conversation if it opened one). */
export function* countNewMessage(t: Tx, m: RollupDimensions & { status: string; opensConversation: boolean; priceMicros?: number | null }): Step<void> {
  if (!isCounted(m.status)) return;
  const conversations = m.opensConversation ? 1 : 0;
  const cost = m.priceMicros ?? 0;
  for (const [kind, bucket] of yield* buckets(t, m)) {
    const table = ROLLUP_TABLES[kind];
    yield* t.run(
      `INSERT INTO "${table}" ("accountId", "${kind}", ${KEY}, "shard", "messages", "${m.status}", "conversations", "costMicros")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)
       ON CONFLICT ("accountId", "${kind}", ${KEY}, "shard") DO UPDATE SET "messages" = "${table}"."messages" + 1, "${m.status}" = "${table}"."${m.status}" + 1,
         "conversations" = "${table}"."conversations" + excluded."conversations", "costMicros" = "${table}"."costMicros" + excluded."costMicros"`,
      m.accountId,
      bucket,
      ...dimensions(m),
      t.shard,
      conversations,
      cost,
    );
  }
}

/**
 * A message moved from one state to another (and may have been priced): moved in its buckets. The move
 * is written into this transaction's shard, which need not be the one that counted the message: a
 * shard's row may go below zero in a state, the bucket's sum never does.
 */
export function* countStatusChange(t: Tx, m: RollupDimensions & { from: string; to: string; addedCostMicros: number; errorCode?: number | null }): Step<void> {
  if (!isCounted(m.from) || !isCounted(m.to)) return;
  const all = yield* buckets(t, m);
  if ((m.to === 'undelivered' || m.to === 'rejected') && m.errorCode != null) {
    yield* t.run(
      `INSERT INTO "MessageErrorRollupDay" ("accountId", "day", "subAccountId", "channel", "errorCode", "shard", "messages") VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT ("accountId", "day", "subAccountId", "channel", "errorCode", "shard") DO UPDATE SET "messages" = "MessageErrorRollupDay"."messages" + 1`,
      m.accountId,
      all[0]![1],
      m.subAccountId,
      m.channel,
      m.errorCode,
      t.shard,
    );
  }
  for (const [kind, bucket] of all) {
    const table = ROLLUP_TABLES[kind];
    yield* t.run(
      `INSERT INTO "${table}" ("accountId", "${kind}", ${KEY}, "shard", "${m.from}", "${m.to}", "costMicros")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, -1, 1, ?)
       ON CONFLICT ("accountId", "${kind}", ${KEY}, "shard") DO UPDATE SET "${m.from}" = "${table}"."${m.from}" - 1, "${m.to}" = "${table}"."${m.to}" + 1,
         "costMicros" = "${table}"."costMicros" + excluded."costMicros"`,
      m.accountId,
      bucket,
      ...dimensions(m),
      t.shard,
      m.addedCostMicros,
    );
  }
}

const KEY = ROLLUP_DIMENSIONS.map((c) => `"${c}"`).join(', ');

/** A bucket's key after the account and the period, in the tables' column order. */
function dimensions(m: RollupDimensions): [string, string, string, string, string] {
  return [m.subAccountId, m.channel, m.direction, m.category ?? '', m.country ?? ''];
}

function* buckets(t: Tx, m: RollupDimensions): Step<[keyof typeof ROLLUP_TABLES, string][]> {
  const zone = (yield* t.one<{ timeZone: string }>('SELECT "timeZone" FROM "Account" WHERE "id" = ?', m.accountId))?.timeZone ?? 'UTC';
  return [
    ['day', localDay(m.createdAt, zone)],
    ['slot', quarterHour(m.createdAt)],
  ];
}

/** "2026-12-05T09:45": the UTC quarter hour the instant falls in. */
export function quarterHour(at: Date): string {
  const iso = at.toISOString();
  const minutes = Math.floor(Number(iso.slice(14, 16)) / 15) * 15;
  return `${iso.slice(0, 14)}${String(minutes).padStart(2, '0')}`;
}

// Formatting a date in a zone costs a few microseconds; a zone's offset only changes at quarter-hour
// boundaries (in practice at whole hours), so the day of each quarter hour is remembered.
const formatters = new Map<string, Intl.DateTimeFormat>();
const daysBySlot = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** "2026-12-05": the calendar day of the instant in the IANA zone. */
export function localDay(at: Date, timeZone: string): string {
  const key = `${timeZone}|${quarterHour(at)}`;
  const known = daysBySlot.get(key);
  if (known) return known;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const day = f.format(at);
  if (daysBySlot.size >= MAX_REMEMBERED) daysBySlot.clear();
  daysBySlot.set(key, day);
  return day;
}
