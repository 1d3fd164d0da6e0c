import type { Db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { claimAbandoned, claimWaiting } from './resume-instance';
import { runSafely } from './start-instance';

const BATCH = 200;
const PARALLEL = 8;
const IDLE_MS = 1000;

async function pool<T>(items: T[], fn: (item: T) => Promise<unknown>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
      while (i < items.length) await fn(items[i++]);
    }),
  );
}

/**
 * One pass of the runner's background work: fire due timers (Wait and wait timeouts) and take over
 * instances whose runner died mid-step. Returns how long to sleep.
 */
export async function runDueWork(db: Db, now = new Date()): Promise<number> {
  const due = await db.workflowInstance.findMany({
    where: { status: 'waiting', waitUntil: { lte: now } },
    orderBy: { waitUntil: 'asc' },
    take: BATCH,
    select: { id: true, waitSeq: true },
  });
  const abandoned = await db.workflowInstance.findMany({
    where: { status: 'running', leaseUntil: { lt: now } },
    orderBy: { leaseUntil: 'asc' },
    take: BATCH,
    select: { id: true, leaseUntil: true },
  });
  await pool(due, async (d) => {
    if (await claimWaiting(db, d, { kind: 'timeout' })) await runSafely(db, d.id);
  });
  await pool(abandoned, async (a) => {
    if (await claimAbandoned(db, a)) {
      logger.info({ instanceId: a.id }, 'taking over a workflow instance whose runner stopped');
      await runSafely(db, a.id);
    }
  });
  if (due.length === BATCH || abandoned.length === BATCH) return 0;
  const next = await db.workflowInstance.findFirst({ where: { status: 'waiting', waitUntil: { not: null } }, orderBy: { waitUntil: 'asc' }, select: { waitUntil: true } });
  const untilTimer = next?.waitUntil ? next.waitUntil.getTime() - Date.now() : IDLE_MS;
  return Math.max(0, Math.min(IDLE_MS, untilTimer, env.AUTOMATION_LEASE_MS));
}

/** Deletes instances (and their step runs) that finished more than AUTOMATION_RETENTION_DAYS ago. */
export async function pruneFinishedInstances(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.AUTOMATION_RETENTION_DAYS * 86_400_000);
  let total = 0;
  for (;;) {
    const old = await db.workflowInstance.findMany({ where: { finishedAt: { lt: cutoff }, status: { in: ['completed', 'failed', 'cancelled'] } }, take: 500, select: { id: true } });
    if (!old.length) return total;
    const ids = old.map((o) => o.id);
    await db.$transaction([db.workflowStepRun.deleteMany({ where: { instanceId: { in: ids } } }), db.workflowInstance.deleteMany({ where: { id: { in: ids } } })]);
    total += ids.length;
  }
}
