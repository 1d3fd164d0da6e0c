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
  yield* addToBuckets(t, m, yield* buckets(t, m), {
    messages: 1,
    [m.status]: 1,
    conversations: m.opensConversation ? 1 : 0,
    costMicros: m.priceMicros ?? 0,
  });
}

/**
 * A message moved from one state to another (and may have been priced): moved in its buckets. The move
 * is written into this transaction's shard, which need not be the one that counted the message: a
 * shard's row may go below zero in a state, the bucket's sum never does.
 */
export function* countStatusChange(t: Tx, m: RollupDimensions & { from: string; to: string; addedCostMicros: number; errorCode?: number | null }): Step<void> {
  if (!isCounted(m.from) || !isCounted(m.to)) return;
  const periods = yield* buckets(t, m);
  if ((m.to === 'undelivered' || m.to === 'rejected') && m.errorCode != null) {
    yield* t.run(
      `INSERT INTO "MessageErrorRollupDay" ("accountId", "day", "subAccountId", "channel", "errorCode", "shard", "messages") VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT ("accountId", "day", "subAccountId", "channel", "errorCode", "shard") DO UPDATE SET "messages" = "MessageErrorRollupDay"."messages" + 1`,
      m.accountId,
      periods.day,
      m.subAccountId,
      m.channel,
      m.errorCode,
      t.shard,
    );
  }
  yield* addToBuckets(t, m, periods, { [m.from]: -1, [m.to]: 1, costMicros: m.addedCostMicros });
}

/** What a rollup row adds up, in the order addToBuckets passes the amounts. */
const COUNTERS = ['messages', ...COUNTED_STATES, 'conversations', 'costMicros'] as const;
type Counter = (typeof COUNTERS)[number];

/**
 * The upsert adding COUNTERS' amounts to a bucket's row of `kind`; `p(i)` is the placeholder of parameter
 * i of [...amounts, accountId, day, slot, ...dimensions, shard] (PostgreSQL's `$n`; SQLite's plain `?`s
 * take the text's order instead, which leaves out the other kind's bucket).
 */
function upsert(kind: keyof typeof ROLLUP_TABLES, p: (i: number) => string): string {
  const table = ROLLUP_TABLES[kind];
  const at = (from: number, n: number) => Array.from({ length: n }, (_, i) => p(from + i)).join(', ');
  const period = kind === 'day' ? p(COUNTERS.length + 1) : p(COUNTERS.length + 2);
  const rest = COUNTERS.length + 3;
  return `INSERT INTO "${table}" (${COUNTERS.map((c) => `"${c}"`).join(', ')}, "accountId", "${kind}", ${KEY}, "shard")
    VALUES (${at(0, COUNTERS.length)}, ${p(COUNTERS.length)}, ${period}, ${at(rest, ROLLUP_DIMENSIONS.length + 1)})
    ON CONFLICT ("accountId", "${kind}", ${KEY}, "shard") DO UPDATE SET ${COUNTERS.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ')}`;
}

/**
 * Adds `amounts` to the message's day and quarter-hour rows, as the transaction commits (Tx.addAtEnd):
 * the changes of one transaction to the same buckets (a batch of a campaign, a message queued and sent)
 * are summed into one write. On PostgreSQL both rows are written by one statement (every statement is a
 * round trip); SQLite cannot modify in a WITH, and its statements cost no round trip.
 */
function* addToBuckets(t: Tx, m: RollupDimensions, periods: Periods, amounts: Partial<Record<Counter, number>>): Step<void> {
  const values = COUNTERS.map((c) => amounts[c] ?? 0);
  const key = ['rollup', m.accountId, periods.day, periods.slot, ...dimensions(m), t.shard].join('|');
  if (t.dialect === 'postgres') {
    yield* t.addAtEnd(key, POSTGRES_UPSERT, values, [m.accountId, periods.day, periods.slot, ...dimensions(m), t.shard]);
    return;
  }
  for (const kind of ['day', 'slot'] as const)
    yield* t.addAtEnd(`${key}|${kind}`, SQLITE_UPSERTS[kind], values, [m.accountId, periods[kind], ...dimensions(m), t.shard]);
}

const KEY = ROLLUP_DIMENSIONS.map((c) => `"${c}"`).join(', ');
const POSTGRES_UPSERT = `WITH "dayRow" AS (${upsert('day', (i) => `$${i + 1}`)}) ${upsert('slot', (i) => `$${i + 1}`)}`;
// Plain `?`s, in the order of the text: the amounts, then accountId, this bucket, the dimensions, the shard.
const SQLITE_UPSERTS = { day: upsert('day', () => '?'), slot: upsert('slot', () => '?') };

/** A bucket's key after the account and the period, in the tables' column order. */
function dimensions(m: RollupDimensions): [string, string, string, string, string] {
  return [m.subAccountId, m.channel, m.direction, m.category ?? '', m.country ?? ''];
}

// An account's zone as a PostgreSQL transaction first read it: a dispatch batch counts hundreds of
// messages, each would cost a round trip. On SQLite the read is a function call (and its Tx is shared).
const zonesRead = new WeakMap<Tx, Map<string, string>>();

type Periods = Record<keyof typeof ROLLUP_TABLES, string>;

function* buckets(t: Tx, m: RollupDimensions): Step<Periods> {
  const known = t.dialect === 'postgres' ? (zonesRead.get(t) ?? zonesRead.set(t, new Map()).get(t)!) : null;
  let zone = known?.get(m.accountId);
  if (zone === undefined) {
    zone = (yield* t.one<{ timeZone: string }>('SELECT "timeZone" FROM "Account" WHERE "id" = ?', m.accountId))?.timeZone ?? 'UTC';
    known?.set(m.accountId, zone);
  }
  return { day: localDay(m.createdAt, zone), slot: quarterHour(m.createdAt) };
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
