import type { Db } from '@/lib/db/client';
import { readDate } from '@/lib/db/sql';
import { read, type Step, type Tx, write } from '@/lib/db/tx';
import { COUNTED_STATES, localDay, quarterHour } from '@/lib/analytics/rollup-rows';

type Counters = Record<(typeof COUNTED_STATES)[number] | 'messages' | 'conversations' | 'costMicros', number>;
type MessageRow = {
  accountId: string;
  subAccountId: string;
  channel: string;
  direction: string;
  category: string | null;
  country: string | null;
  status: string;
  priceMicros: number | null;
  opensConversation: number;
  errorCode: number | null;
  createdAt: string;
};

const COLUMNS = ['messages', ...COUNTED_STATES, 'conversations', 'costMicros'] as const;

/**
 * Recounts the rollups from the Message table (`npm run analytics:rebuild`), for one account or all: after
 * a change of an account's time zone, or to repair. Each account is recounted in one write transaction, so
 * the dashboard never sees it half done and no message change slips between the recount and the swap.
 */
export async function rebuildRollups(db: Db, opts: { accountId?: string } = {}): Promise<{ accounts: number; messages: number }> {
  const accounts = opts.accountId ? [{ id: opts.accountId }] : await read(db, (t) => t.all<{ id: string }>('SELECT "id" FROM "Account" ORDER BY "id"'));
  let messages = 0;
  for (const { id } of accounts) messages += await write(db, (t) => rebuildAccountRollups(t, id));
  return { accounts: accounts.length, messages };
}

// The account's messages are read in batches along its (accountId, createdAt) index, so a large
// account is never held in memory at once.
const BATCH = 10_000;
const MESSAGE_COLUMNS =
  '"accountId", "subAccountId", "channel", "direction", "category", "country", "status", "priceMicros", "opensConversation", "errorCode", "createdAt"';

/** Recounts one account's rollups inside the caller's write transaction (a time zone change commits with its recount). */
export function* rebuildAccountRollups(t: Tx, accountId: string): Step<number> {
  const zone = yield* t.one<{ timeZone: string }>('SELECT "timeZone" FROM "Account" WHERE "id" = ?', accountId);
  const days = new Map<string, Counters>();
  const slots = new Map<string, Counters>();
  const errors = new Map<string, number>();
  let n = 0;
  let after: string | null = null;
  for (;;) {
    const batch: MessageRow[] = yield* t.all<MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM "Message" WHERE "accountId" = ?${after === null ? '' : ' AND "createdAt" > ?'} ORDER BY "createdAt" LIMIT ?`,
      ...(after === null ? [accountId] : [accountId, after]),
      BATCH,
    );
    if (batch.length === 0) break;
    let rows = batch;
    if (batch.length === BATCH) {
      // The batch may have stopped inside a group of messages of the same instant: take that instant whole.
      const last = batch.at(-1)!.createdAt;
      rows = batch.filter((m) => m.createdAt !== last);
      for (const m of yield* t.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM "Message" WHERE "accountId" = ? AND "createdAt" = ?`, accountId, last))
        rows.push(m);
      after = last;
    }
    for (const m of rows) {
      n++;
      if (!(COUNTED_STATES as readonly string[]).includes(m.status)) continue;
      const at = readDate(m.createdAt);
      if ((m.status === 'undelivered' || m.status === 'rejected') && m.errorCode != null) {
        const key = [localDay(at, zone?.timeZone ?? 'UTC'), m.subAccountId, m.channel, m.errorCode].join('\u0000');
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      const dims = [m.subAccountId, m.channel, m.direction, m.category ?? '', m.country ?? ''].join('\u0000');
      for (const [map, bucket] of [
        [days, localDay(at, zone?.timeZone ?? 'UTC')],
        [slots, quarterHour(at)],
      ] as const) {
        const key = `${bucket}\u0000${dims}`;
        let c = map.get(key);
        if (!c) map.set(key, (c = Object.fromEntries(COLUMNS.map((k) => [k, 0])) as Counters));
        c.messages++;
        c[m.status as keyof Counters]++;
        c.conversations += m.opensConversation ? 1 : 0;
        c.costMicros += m.priceMicros ?? 0;
      }
    }
    if (batch.length < BATCH) break;
  }
  for (const [table, column, map] of [
    ['MessageRollupDay', 'day', days],
    ['MessageRollupSlot', 'slot', slots],
  ] as const) {
    yield* t.run(`DELETE FROM "${table}" WHERE "accountId" = ?`, accountId);
    const insert = `INSERT INTO "${table}" ("accountId", "${column}", "subAccountId", "channel", "direction", "category", "country", ${COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})`;
    for (const [key, c] of map) yield* t.run(insert, accountId, ...key.split('\u0000'), ...COLUMNS.map((k) => c[k]));
  }
  yield* t.run('DELETE FROM "MessageErrorRollupDay" WHERE "accountId" = ?', accountId);
  for (const [key, count] of errors) {
    const [day, subAccountId, channel, errorCode] = key.split('\u0000');
    yield* t.run(
      'INSERT INTO "MessageErrorRollupDay" ("accountId", "day", "subAccountId", "channel", "errorCode", "messages") VALUES (?, ?, ?, ?, ?, ?)',
      accountId,
      day,
      subAccountId,
      channel,
      Number(errorCode),
      count,
    );
  }
  return n;
}
