import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { dialectOf, postgresTxOf, read, write } from '@/lib/db/tx';
import { driveToEnd, postgresPool } from '@/lib/db/postgres/run-postgres';
import { shardOf } from '@/lib/db/postgres/shards';
import { countNewMessage, countStatusChange, type RollupDimensions } from '@/lib/analytics/rollup-rows';
import { foldRollupShards } from '@/lib/analytics/fold-rollup-shards';

// PostgreSQL only: SQLite has one writer at a time and only shard 0.
const onPostgres = dialectOf(db) === 'postgres';

function message(accountId: string, createdAt: Date): RollupDimensions {
  return { accountId, subAccountId: `${accountId}_sub`, channel: 'WhatsApp', direction: 'outbound', category: 'marketing', country: 'SG', createdAt };
}

function bucketSums(accountId: string) {
  return read(db, (t) =>
    t.all<{ day: string; rows: number; messages: number; queued: number; sent: number; costMicros: number }>(
      `SELECT "day", COUNT(*) AS "rows", SUM("messages") AS "messages", SUM("queued") AS "queued", SUM("sent") AS "sent", SUM("costMicros") AS "costMicros"
       FROM "MessageRollupDay" WHERE "accountId" = ? GROUP BY "day" ORDER BY "day"`,
      accountId,
    ),
  );
}

describe.skipIf(!onPostgres)('rollup shards on PostgreSQL', () => {
  it('two SERIALIZABLE transactions counting into the same bucket at once both commit (each in its connection’s shard)', async () => {
    const pool = postgresPool(db)!;
    const accountId = `acct_${crypto.randomBytes(4).toString('hex')}`;
    const m = { ...message(accountId, new Date()), status: 'queued', opensConversation: false };
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      const [shardA, shardB] = [await shardOf(a), await shardOf(b)];
      expect(shardA).toBeGreaterThan(0);
      expect(shardB).toBeGreaterThan(0);
      expect(shardA).not.toBe(shardB);
      await a.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      await b.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      await driveToEnd(a, (t) => countNewMessage(t, m), postgresTxOf(shardA));
      // Were both in one row, B would wait for A's row lock and fail once A commits (concurrent update).
      const second = driveToEnd(b, (t) => countNewMessage(t, m), postgresTxOf(shardB));
      await a.query('COMMIT');
      await second;
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    expect(await bucketSums(accountId)).toEqual([expect.objectContaining({ rows: 2, messages: 2, queued: 2 })]);
  });

  it('folds the shards of old buckets into shard 0 without changing a sum, and leaves current buckets alone', async () => {
    const pool = postgresPool(db)!;
    const accountId = `acct_${crypto.randomBytes(4).toString('hex')}`;
    const now = new Date('2026-12-06T12:00:00Z');
    const old = message(accountId, new Date('2026-12-01T09:00:00Z'));
    const current = message(accountId, new Date('2026-12-06T11:55:00Z'));
    const conn = await pool.connect();
    try {
      await conn.query('BEGIN');
      // Three connections' worth of counting in the old bucket, a receipt moved in a fourth, and two in today's.
      for (const shard of [3, 7, 9])
        await driveToEnd(conn, (t) => countNewMessage(t, { ...old, status: 'queued', opensConversation: false, priceMicros: 10 }), postgresTxOf(shard));
      await driveToEnd(conn, (t) => countStatusChange(t, { ...old, from: 'queued', to: 'sent', addedCostMicros: 5 }), postgresTxOf(11));
      for (const shard of [3, 7])
        await driveToEnd(conn, (t) => countNewMessage(t, { ...current, status: 'queued', opensConversation: false }), postgresTxOf(shard));
      await conn.query('COMMIT');
    } finally {
      conn.release();
    }
    const before = await bucketSums(accountId);
    expect(before.map((r) => r.rows)).toEqual([4, 2]);

    expect(await foldRollupShards(db, now)).toBeGreaterThanOrEqual(1);
    const after = await bucketSums(accountId);
    expect(after).toEqual([
      { ...before[0], rows: 1 },
      { ...before[1], rows: 2 },
    ]);
    expect(after[0]).toMatchObject({ messages: 3, queued: 2, sent: 1, costMicros: 35 });
    const shards = await read(db, (t) =>
      t.all<{ shard: number }>('SELECT "shard" FROM "MessageRollupDay" WHERE "accountId" = ? AND "day" = ?', accountId, '2026-12-01'),
    );
    expect(shards).toEqual([{ shard: 0 }]);
    // Folding again finds nothing new in that bucket; a late receipt starts a shard row the next fold merges.
    await write(db, (t) => countStatusChange(t, { ...old, from: 'sent', to: 'delivered', addedCostMicros: 0 }));
    await foldRollupShards(db, now);
    expect((await bucketSums(accountId))[0]).toMatchObject({ rows: 1, messages: 3, sent: 0 });
  });
});

describe.skipIf(onPostgres)('rollup shards on SQLite', () => {
  it('counts into shard 0 only, and the fold has nothing to do', async () => {
    const accountId = `acct_${crypto.randomBytes(4).toString('hex')}`;
    await write(db, (t) => countNewMessage(t, { ...message(accountId, new Date('2026-12-01T09:00:00Z')), status: 'queued', opensConversation: false }));
    expect(await foldRollupShards(db, new Date('2026-12-06T12:00:00Z'))).toBe(0);
    expect(await read(db, (t) => t.all('SELECT "shard", "messages" FROM "MessageRollupDay" WHERE "accountId" = ?', accountId))).toEqual([
      { shard: 0, messages: 1 },
    ]);
  });
});
