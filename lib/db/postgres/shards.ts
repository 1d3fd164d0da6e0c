import type pg from 'pg';

// Counter shards for PostgreSQL. Rows that every write adds to (an account's rollup buckets) are kept
// per shard, and each pooled connection writes only into its own: a transaction runs on one connection
// at a time, so no two concurrent transactions ever update the same counter row. Under SERIALIZABLE each
// such update would otherwise conflict with every concurrent one ("could not serialize access due to
// concurrent update") and run again, so N workers would commit one transaction per round between them.
//
// A connection's shard is the lowest number no other live connection holds, held by a session advisory
// lock: unique among the live connections of every process, released when the connection ends, and
// reused by the next, so a bucket has at most as many rows as there were connections at once. Shard 0 is
// never held by a connection; it is the rebuild's and the fold's (lib/analytics/fold-rollup-shards.ts).

const shards = new WeakMap<pg.ClientBase, number>();
const MAX_SHARD = 1024;

/** The shard `conn` writes its counters into, taken on its first write transaction. */
export async function shardOf(conn: pg.ClientBase): Promise<number> {
  const known = shards.get(conn);
  if (known !== undefined) return known;
  // Tried in order, stopping at the first lock taken (a Limit over a filtered function scan). More than
  // MAX_SHARD connections at once would share shard 0 with the fold: correct, only conflict-prone.
  const row = await conn.query<{ k: number }>(
    "SELECT k FROM generate_series(1, $1::int) AS k WHERE pg_try_advisory_lock(hashtext('parley.shard'), k) LIMIT 1",
    [MAX_SHARD],
  );
  const shard = row.rows[0]?.k ?? 0;
  shards.set(conn, shard);
  return shard;
}
