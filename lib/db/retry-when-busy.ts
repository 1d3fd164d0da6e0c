import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { isBusy } from '@/lib/db/is-busy';

// Two more tries, a little apart: a lock held by another writer (the background thread's batch, a
// checkpoint) is usually gone within a few hundred milliseconds. Each try may itself wait up to the
// connection's busy_timeout, so more tries would only hold the caller longer before its clean 503.
const DELAYS_MS = [50, 250];

/**
 * Runs `fn` again when it failed only because the database was busy. Only for a unit of work that
 * either committed or left nothing behind (one transaction, nothing sent meanwhile), which is what
 * makes running it again safe. The last busy error is rethrown for the caller's 503.
 */
export async function retryWhenBusy<T>(fn: () => Promise<T>, delaysMs: readonly number[] = DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isBusy(err) || attempt >= delaysMs.length) throw err;
      await new Promise((r) => setTimeout(r, delaysMs[attempt]));
    }
  }
}

/** An interactive transaction, run again from the start when the database was busy. */
export function transactWithRetry<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return retryWhenBusy(() => db.$transaction(fn));
}
