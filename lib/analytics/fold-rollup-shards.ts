import type { Db } from '@/lib/db/client';
import { dialectOf, write } from '@/lib/db/tx';
import type { BackgroundTask } from '@/lib/jobs/background-loop';
import { logger } from '@/lib/log/logger';
import { COUNTED_STATES, ROLLUP_DIMENSIONS, ROLLUP_TABLES } from '@/lib/analytics/rollup-rows';

// On PostgreSQL every connection counts into a rollup shard of its own (lib/db/postgres/shards.ts), so a
// busy bucket gains a row per connection that wrote to it. Readers SUM the shards, so this changes no
// figure: it folds the shards of buckets that are no longer current into shard 0 (which no connection
// holds), keeping the reports' scans as short as one row per bucket. Late receipts for an old bucket
// simply start a new shard row that the next fold merges. SQLite has only shard 0: nothing to do.

export const ROLLUP_FOLD_TASK = 'rollup-fold';
const FOLD_EVERY_MS = 5 * 60_000;
const COUNTERS = [...COUNTED_STATES, 'messages', 'conversations', 'costMicros'];

const TABLES = [
  { table: ROLLUP_TABLES.day, bucket: 'day', key: ROLLUP_DIMENSIONS, counters: COUNTERS },
  { table: ROLLUP_TABLES.slot, bucket: 'slot', key: ROLLUP_DIMENSIONS, counters: COUNTERS },
  { table: 'MessageErrorRollupDay', bucket: 'day', key: ['subAccountId', 'channel', 'errorCode'], counters: ['messages'] },
] as const;

/** Folds shards of day buckets before yesterday (UTC) and of quarter hours over an hour old; returns the rows folded. */
export async function foldRollupShards(db: Db, now = new Date()): Promise<number> {
  if (dialectOf(db) !== 'postgres') return 0;
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString().slice(0, 16);
  return write(db, function* (t) {
    let folded = 0;
    for (const { table, bucket, key, counters } of TABLES) {
      const columns = ['accountId', bucket, ...key].map((c) => `"${c}"`).join(', ');
      const sums = counters.map((c) => `SUM("${c}")`).join(', ');
      const adds = counters.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');
      folded += yield* t.run(
        `WITH moved AS (DELETE FROM "${table}" WHERE "shard" <> 0 AND "${bucket}" < ? RETURNING *)
         INSERT INTO "${table}" (${columns}, "shard", ${counters.map((c) => `"${c}"`).join(', ')})
         SELECT ${columns}, 0, ${sums} FROM moved GROUP BY ${columns}
         ON CONFLICT (${columns}, "shard") DO UPDATE SET ${adds}`,
        bucket === 'slot' ? hourAgo : yesterday,
      );
    }
    return folded;
  });
}

/** The fold as a singleton background loop (one process folds when several share the database). */
export function rollupFoldTask(db: Db): BackgroundTask {
  return {
    name: ROLLUP_FOLD_TASK,
    singleton: true,
    tick: async () => {
      try {
        const folded = await foldRollupShards(db);
        if (folded) logger.debug({ folded }, 'rollup shards folded');
      } catch (err) {
        // Conflicting with live writers to an old bucket past every retry: the next fold takes it.
        logger.warn({ err }, 'rollup shard fold failed; retrying at the next');
      }
      return FOLD_EVERY_MS;
    },
  };
}
