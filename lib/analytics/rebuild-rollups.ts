import type { Db } from '@/lib/db/client';
import { all, readDate, readNow, statement, writeTransaction, type Sqlite } from '@/lib/db/sql';
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
  const accounts = opts.accountId
    ? [{ id: opts.accountId }]
    : await readNow(db, (conn) => all<{ id: string }>(conn, 'SELECT "id" FROM "Account" ORDER BY "id"'));
  let messages = 0;
  for (const { id } of accounts) messages += await writeTransaction(db, (conn) => rebuildAccountRollups(conn, id));
  return { accounts: accounts.length, messages };
}

/** Recounts one account's rollups inside the caller's write transaction (a time zone change commits with its recount). */
export function rebuildAccountRollups(conn: Sqlite, accountId: string): number {
  const zone = statement(conn, 'SELECT "timeZone" FROM "Account" WHERE "id" = ?').get(accountId) as { timeZone: string } | undefined;
  const days = new Map<string, Counters>();
  const slots = new Map<string, Counters>();
  const errors = new Map<string, number>();
  let n = 0;
  const rows = statement(
    conn,
    `SELECT "accountId", "subAccountId", "channel", "direction", "category", "country", "status", "priceMicros", "opensConversation", "errorCode", "createdAt"
     FROM "Message" WHERE "accountId" = ?`,
  ).iterate(accountId) as IterableIterator<MessageRow>;
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
  for (const [table, column, map] of [
    ['MessageRollupDay', 'day', days],
    ['MessageRollupSlot', 'slot', slots],
  ] as const) {
    statement(conn, `DELETE FROM "${table}" WHERE "accountId" = ?`).run(accountId);
    const insert = statement(
      conn,
      `INSERT INTO "${table}" ("accountId", "${column}", "subAccountId", "channel", "direction", "category", "country", ${COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const [key, c] of map) insert.run(accountId, ...key.split('\u0000'), ...COLUMNS.map((k) => c[k]));
  }
  statement(conn, 'DELETE FROM "MessageErrorRollupDay" WHERE "accountId" = ?').run(accountId);
  const insertError = statement(
    conn,
    'INSERT INTO "MessageErrorRollupDay" ("accountId", "day", "subAccountId", "channel", "errorCode", "messages") VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [key, count] of errors) {
    const [day, subAccountId, channel, errorCode] = key.split('\u0000');
    insertError.run(accountId, day, subAccountId, channel, Number(errorCode), count);
  }
  return n;
}
