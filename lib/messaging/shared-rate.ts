import type { Db } from '@/lib/db/client';
import { LOCKING, type Step, type Tx, write } from '@/lib/db/tx';
import { type BucketState, draw, refill, reserveSlots } from '@/lib/messaging/token-bucket';

// Rate buckets every process draws from (the RateBucket table): with four worker processes a WhatsApp
// number still sends at its 80 a second and a campaign at its own rate, where buckets in each process's
// memory gave each process the whole rate. A draw locks the bucket's row to the end of the caller's
// transaction, so callers draw late in a transaction or in one of their own (takeShared).

export type SharedDraw = {
  key: string;
  ratePerSecond: number;
  /** Tokens the bucket holds at most: how large a burst may be after a quiet spell. */
  capacity: number;
  /** Tokens a bucket drawn from for the first time holds (default: full). */
  fresh?: number;
  want: number;
  /** The caller's clock (ms since the epoch), so a test's clock drives the bucket too. */
  now: number;
  /** Also hand the draws that found no token a send slot each (reserveSlots). */
  reserve?: boolean;
};

export type SharedGrant = { granted: number; waitMs: number; slotsMs: number[] };

const SELECT_BUCKET = 'SELECT "tokens", "at", "nextSlot" FROM "RateBucket" WHERE "key" = ?';
const LOCKED_BUCKET = { sqlite: SELECT_BUCKET, postgres: `${SELECT_BUCKET} FOR UPDATE` } as const;

/** Draws up to `want` tokens from the shared bucket `key`, in the caller's write transaction. */
export function* drawShared(t: Tx, d: SharedDraw): Step<SharedGrant> {
  const rate = Math.max(1, d.ratePerSecond);
  const capacity = Math.max(1, d.capacity);
  let row = yield* t.one<BucketState>(LOCKED_BUCKET[t.dialect], d.key);
  if (!row) {
    // A bucket's first draw: of two processes making it at once, one inserts and the other waits for
    // that row and draws from it, so the first second is not granted twice.
    const made = refill(null, d.now, rate, capacity, d.fresh ?? capacity);
    yield* t.run(
      'INSERT INTO "RateBucket" ("key", "tokens", "at", "nextSlot") VALUES (?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING',
      d.key,
      made.tokens,
      made.at,
      0,
    );
    row = (yield* t.one<BucketState>(LOCKED_BUCKET[t.dialect], d.key))!;
  }
  const b = refill(row, d.now, rate, capacity);
  const { granted, waitMs } = draw(b, rate, d.want);
  const slotsMs = d.reserve && granted < d.want ? reserveSlots(b, d.now, rate, waitMs, d.want - granted) : [];
  yield* t.run('UPDATE "RateBucket" SET "tokens" = ?, "at" = ?, "nextSlot" = ? WHERE "key" = ?', b.tokens, b.at, b.nextSlot, d.key);
  return { granted, waitMs, slotsMs };
}

/** drawShared in a short write transaction of its own: the bucket is not held while the caller's work runs. */
export function takeShared(db: Db, d: SharedDraw): Promise<SharedGrant> {
  return write(db, (t) => drawShared(t, d), LOCKING);
}

const GIVE_BACK = {
  sqlite: 'UPDATE "RateBucket" SET "tokens" = MIN("tokens" + ?, ?) WHERE "key" = ?',
  postgres: 'UPDATE "RateBucket" SET "tokens" = LEAST("tokens" + ?, ?) WHERE "key" = ?',
} as const;

/** Puts back tokens drawn but not used (never past `capacity`). */
export function giveBackShared(db: Db, key: string, capacity: number, n: number): Promise<void> {
  return write(
    db,
    function* (t) {
      yield* t.run(GIVE_BACK[t.dialect], n, Math.max(1, capacity), key);
    },
    LOCKING,
  );
}

// A bucket nobody drew from for this long holds what a new one would (full, or one token for a
// campaign, which then starts again without a burst, as a new one does), so it can go: otherwise every
// campaign, deleted channel and revoked key ever would keep its row.
export const IDLE_BUCKET_MS = 60 * 60_000;

/** Deletes buckets idle since before `now - IDLE_BUCKET_MS` with no send slot still ahead; returns how many. */
export function pruneIdleBuckets(db: Db, now: number): Promise<number> {
  return write(db, (t) => t.run('DELETE FROM "RateBucket" WHERE "at" < ? AND "nextSlot" <= ?', now - IDLE_BUCKET_MS, now));
}
