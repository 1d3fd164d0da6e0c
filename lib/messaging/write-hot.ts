import type { Db } from '@/lib/db/client';
import { type Body, dialectOf, write } from '@/lib/db/tx';

// Every send, receipt and inbound message adds to the same few counter rows (the account's rollup
// buckets, the month's volume, a campaign's counters). On PostgreSQL, serializable transactions that
// update one row at the same time conflict and run again, and under a burst some run out of write()'s
// attempts although each round commits somebody. The hot paths keep trying a while longer, so a burst
// drains instead of failing. SQLite never conflicts (one writer) and goes straight to write().
const MORE_ROUNDS = 8;

/** PostgreSQL's serialization_failure, deadlock_detected and out of room to track them (53200): the transaction did nothing and may run again. */
export function isConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || code === '53200';
}

/** write() for the paths whose transactions meet on hot counter rows. */
export function writeHot<T>(db: Db, body: Body<T>): Promise<T> {
  if (dialectOf(db) === 'sqlite') return write(db, body);
  return keepTrying(db, body);
}

async function keepTrying<T>(db: Db, body: Body<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await write(db, body);
    } catch (err) {
      if (!isConflict(err) || round >= MORE_ROUNDS) throw err;
    }
  }
}
