import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx, write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { wakeBackgroundTask } from '@/lib/jobs/wake';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { configSchema } from '@/lib/converse/converse-schemas';
import { requireSupervisor, type ConverseViewer } from '@/lib/converse/converse-viewer';

/** The account's Converse configuration (reference docs, "Configuration"). */
export type ConverseConfig = { resolvedToClosedHours: number; pendingToClosedHours: number; maxAssignedTicketsPerAgent: number };

/** The reference docs' defaults: tickets close 1 hour after they were resolved or set pending; 5 tickets per agent. */
export const DEFAULT_CONFIG: ConverseConfig = { resolvedToClosedHours: 1, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 5 };

export const AUTO_CLOSE_TASK = 'converse-auto-close';

export function* readConfig(t: Tx, accountId: string): Step<ConverseConfig> {
  const r = yield* t.one<ConverseConfig>(
    'SELECT "resolvedToClosedHours", "pendingToClosedHours", "maxAssignedTicketsPerAgent" FROM "ConverseConfig" WHERE "accountId" = ?',
    accountId,
  );
  return r ? { ...r } : { ...DEFAULT_CONFIG };
}

/** GET /converse/config and the Configuration page: supervisors and administrators only. */
export async function getConverseConfig(db: Db, viewer: ConverseViewer): Promise<ConverseConfig> {
  requireSupervisor(viewer, 'see the Converse configuration');
  return read(db, (t) => readConfig(t, viewer.accountId));
}

/**
 * PUT /converse/config and "Save changes": applied at once (the auto-close task is woken to look again
 * with the new hours; assignments check the new limit from their next attempt). Fields left out keep
 * their value. Audited with the change.
 */
export async function updateConverseConfig(db: Db, viewer: ConverseViewer, body: unknown): Promise<ConverseConfig> {
  requireSupervisor(viewer, 'change the Converse configuration');
  const input = parseWith(configSchema, body === undefined ? {} : body);
  const saved = await write(db, function* (t) {
    const now = new Date();
    const before = yield* readConfig(t, viewer.accountId);
    const after: ConverseConfig = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    yield* t.run(
      `INSERT INTO "ConverseConfig" ("accountId", "resolvedToClosedHours", "pendingToClosedHours", "maxAssignedTicketsPerAgent", "updatedAt") VALUES (?, ?, ?, ?, ?)
       ON CONFLICT ("accountId") DO UPDATE SET "resolvedToClosedHours" = excluded."resolvedToClosedHours", "pendingToClosedHours" = excluded."pendingToClosedHours",
         "maxAssignedTicketsPerAgent" = excluded."maxAssignedTicketsPerAgent", "updatedAt" = excluded."updatedAt"`,
      viewer.accountId,
      after.resolvedToClosedHours,
      after.pendingToClosedHours,
      after.maxAssignedTicketsPerAgent,
      sqlDate(now),
    );
    yield* insertAuditRow(
      t,
      viewer.actor,
      {
        accountId: viewer.accountId,
        action: 'converse.config.update',
        entityType: 'converse_config',
        entityId: viewer.accountId,
        summary: `Converse configuration: resolved tickets close after ${after.resolvedToClosedHours} h, pending after ${after.pendingToClosedHours} h, at most ${after.maxAssignedTicketsPerAgent} tickets per agent`,
        changes: { before, after },
      },
      now,
    );
    return after;
  });
  wakeBackgroundTask(AUTO_CLOSE_TASK);
  return saved;
}
