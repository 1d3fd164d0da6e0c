import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { readDate, sqlDate } from '@/lib/db/sql';
import { read, write } from '@/lib/db/tx';
import { CLAIM, claimAbandonedAndLoad, claimWaitingAndLoad } from './resume-instance';
import { FairQueue } from '@/lib/jobs/fair-queue';
import { runSafely } from './start-instance';

const BATCH = 200;
const PARALLEL = 8;
// One account's instances take at most this many of the lanes, so a tenant with hundreds of due
// timers (or long-running instances) leaves lanes for the others; accounts take turns for them.
const PER_ACCOUNT = 6;
const IDLE_MS = 1000;

/** Runs `fn` over `items`, PARALLEL at once, accounts taking turns (FairQueue). */
async function pool<T extends { accountId: string }>(items: T[], fn: (item: T) => Promise<unknown>) {
  const queue = new FairQueue<T>(PER_ACCOUNT);
  for (const item of items) queue.push(item.accountId, item);
  let failure: unknown = null;
  await new Promise<void>((resolve) => {
    let running = 0;
    const pump = () => {
      for (let next = running < PARALLEL ? queue.take() : null; next; next = running < PARALLEL ? queue.take() : null) {
        const { account, item } = next;
        running++;
        void fn(item)
          .catch((err: unknown) => (failure ??= err))
          .finally(() => {
            running--;
            queue.release(account);
            pump();
          });
      }
      if (running === 0) resolve();
    };
    pump();
  });
  if (failure) throw failure;
}

/**
 * One pass of the runner's background work: fire due timers (Wait and wait timeouts) and take over
 * instances whose runner died mid-step. Each is claimed (compare-and-swap) and read in one write
 * transaction just before it runs, so its lease starts when its run does. Returns how long to sleep.
 */
export async function runDueWork(db: Db, now = new Date()): Promise<number> {
  const at = sqlDate(now);
  const { due, abandoned } = await read(db, function* (t) {
    const due = yield* t.all<{ id: string; waitSeq: number; accountId: string }>(
      `SELECT "id", "waitSeq", "accountId" FROM "WorkflowInstance" WHERE "waitUntil" <= ? AND "status" = 'waiting' ORDER BY "waitUntil" LIMIT ?`,
      at,
      BATCH,
    );
    const abandoned = yield* t.all<{ id: string; leaseUntil: string; accountId: string }>(
      `SELECT "id", "leaseUntil", "accountId" FROM "WorkflowInstance" WHERE "leaseUntil" < ? AND "status" = 'running' ORDER BY "leaseUntil" LIMIT ?`,
      at,
      BATCH,
    );
    return { due, abandoned };
  });
  await pool(due, async (d) => {
    const claimed = await write(db, (t) => claimWaitingAndLoad(t, d, { kind: 'timeout' }), CLAIM);
    if (claimed) await runSafely(db, d.id, claimed);
  });
  await pool(abandoned, async (a) => {
    const claimed = await write(db, (t) => claimAbandonedAndLoad(t, a), CLAIM);
    if (claimed) {
      logger.info({ instanceId: a.id }, 'taking over a workflow instance whose runner stopped');
      await runSafely(db, a.id, claimed);
    }
  });
  if (due.length === BATCH || abandoned.length === BATCH) return 0;
  const next = await read(db, function* (t) {
    const row = yield* t.one<{ waitUntil: string }>(
      `SELECT "waitUntil" FROM "WorkflowInstance" WHERE "waitUntil" IS NOT NULL AND "status" = 'waiting' ORDER BY "waitUntil" LIMIT 1`,
    );
    return row?.waitUntil;
  });
  const untilTimer = next ? readDate(next).getTime() - Date.now() : IDLE_MS;
  return Math.max(0, Math.min(IDLE_MS, untilTimer, env.AUTOMATION_LEASE_MS));
}

/** Deletes instances (and their step runs) that finished more than AUTOMATION_RETENTION_DAYS ago. */
export async function pruneFinishedInstances(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.AUTOMATION_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const old = await db.workflowInstance.findMany({
      where: { finishedAt: { lt: cutoff }, status: { in: ['completed', 'failed', 'cancelled'] } },
      take: 500,
      select: { id: true },
    });
    if (!old.length) return total;
    const ids = old.map((o) => o.id);
    await db.$transaction([
      db.workflowStepRun.deleteMany({ where: { instanceId: { in: ids } } }),
      db.workflowInstance.deleteMany({ where: { id: { in: ids } } }),
    ]);
    total += ids.length;
  }
}
