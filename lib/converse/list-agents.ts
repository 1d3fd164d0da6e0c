import type { Db } from '@/lib/db/client';
import { all, readNow, type Sqlite } from '@/lib/db/sql';
import { requireSupervisor, type ConverseViewer } from '@/lib/converse/converse-viewer';

/** A user who may take tickets in the account, with the tickets they hold now (active or pending). */
export type ConverseAgent = { id: string; name: string; email: string; role: 'agent' | 'supervisor'; openTickets: number };

// Active users of the account's partner whose role holds a Converse permission and who may open the
// account (all accounts, or this one by name).
const AGENTS = `SELECT u."id", u."name", u."email",
    EXISTS (SELECT 1 FROM json_each(r."permissions") p WHERE p."value" = 'converse.supervisor') AS "supervisor"
  FROM "Account" a
  JOIN "User" u ON u."partnerId" = a."partnerId"
  JOIN "Role" r ON r."id" = u."roleId"
  WHERE a."id" = ? AND u."status" = 'active'
    AND (u."allAccounts" = 1 OR EXISTS (SELECT 1 FROM "UserAccountAccess" x WHERE x."userId" = u."id" AND x."accountId" = a."id"))
    AND EXISTS (SELECT 1 FROM json_each(r."permissions") p WHERE p."value" IN ('converse.agent', 'converse.supervisor'))`;

const OPEN_COUNTS = `SELECT "assigneeId", count(*) AS "n" FROM "ConverseTicket"
  WHERE "accountId" = ? AND "assigneeId" IS NOT NULL AND "status" IN ('active', 'pending') GROUP BY "assigneeId"`;

export function readAgents(conn: Sqlite, accountId: string): ConverseAgent[] {
  const counts = new Map(all<{ assigneeId: string; n: number }>(conn, OPEN_COUNTS, accountId).map((r) => [r.assigneeId, r.n]));
  return all<{ id: string; name: string; email: string; supervisor: number }>(conn, `${AGENTS} ORDER BY u."name", u."email"`, accountId).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.supervisor ? 'supervisor' : 'agent',
    openTickets: counts.get(u.id) ?? 0,
  }));
}

/** Whether the user may be given tickets in the account (the same rule as the list). */
export function isAgent(conn: Sqlite, accountId: string, userId: string): boolean {
  return all(conn, `${AGENTS} AND u."id" = ?`, accountId, userId).length > 0;
}

/** GET /converse/agents: the account's users who may take tickets (supervisors and administrators only). */
export async function listAgents(db: Db, viewer: ConverseViewer): Promise<ConverseAgent[]> {
  requireSupervisor(viewer, 'list the Converse agents');
  return readNow(db, (conn) => readAgents(conn, viewer.accountId));
}
