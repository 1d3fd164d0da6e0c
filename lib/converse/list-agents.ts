import type { Db } from '@/lib/db/client';
import { type Dialect, read, type Step, type Tx } from '@/lib/db/tx';
import { requireSupervisor, type ConverseViewer } from '@/lib/converse/converse-viewer';

/** A user who may take tickets in the account, with the tickets they hold now (active or pending). */
export type ConverseAgent = { id: string; name: string; email: string; role: 'agent' | 'supervisor'; openTickets: number };

// Active users of the account's partner whose role holds a Converse permission and who may open the
// account (all accounts, or this one by name).
// The role's permissions (a JSON list) as rows with a "value": json_each on SQLite, jsonb_array_elements_text on PostgreSQL.
const PERMISSIONS: Record<Dialect, string> = {
  sqlite: 'json_each(r."permissions") p',
  postgres: 'jsonb_array_elements_text(r."permissions") AS p("value")',
};
const agentsSql = (d: Dialect) => `SELECT u."id", u."name", u."email",
    EXISTS (SELECT 1 FROM ${PERMISSIONS[d]} WHERE p."value" = 'converse.supervisor') AS "supervisor"
  FROM "Account" a
  JOIN "User" u ON u."partnerId" = a."partnerId"
  JOIN "Role" r ON r."id" = u."roleId"
  WHERE a."id" = ? AND u."status" = 'active'
    AND (u."allAccounts" = TRUE OR EXISTS (SELECT 1 FROM "UserAccountAccess" x WHERE x."userId" = u."id" AND x."accountId" = a."id"))
    AND EXISTS (SELECT 1 FROM ${PERMISSIONS[d]} WHERE p."value" IN ('converse.agent', 'converse.supervisor'))`;
const AGENTS: Record<Dialect, string> = { sqlite: agentsSql('sqlite'), postgres: agentsSql('postgres') };

const OPEN_COUNTS = `SELECT "assigneeId", count(*) AS "n" FROM "ConverseTicket"
  WHERE "accountId" = ? AND "assigneeId" IS NOT NULL AND "status" IN ('active', 'pending') GROUP BY "assigneeId"`;

export function* readAgents(t: Tx, accountId: string): Step<ConverseAgent[]> {
  const counts = new Map((yield* t.all<{ assigneeId: string; n: number }>(OPEN_COUNTS, accountId)).map((r) => [r.assigneeId, r.n]));
  const users = yield* t.all<{ id: string; name: string; email: string; supervisor: number }>(`${AGENTS[t.dialect]} ORDER BY u."name", u."email"`, accountId);
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.supervisor ? 'supervisor' : 'agent',
    openTickets: counts.get(u.id) ?? 0,
  }));
}

/** Whether the user may be given tickets in the account (the same rule as the list). */
export function* isAgent(t: Tx, accountId: string, userId: string): Step<boolean> {
  return (yield* t.all(`${AGENTS[t.dialect]} AND u."id" = ?`, accountId, userId)).length > 0;
}

/** GET /converse/agents: the account's users who may take tickets (supervisors and administrators only). */
export async function listAgents(db: Db, viewer: ConverseViewer): Promise<ConverseAgent[]> {
  requireSupervisor(viewer, 'list the Converse agents');
  return read(db, (t) => readAgents(t, viewer.accountId));
}
