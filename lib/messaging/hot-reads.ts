import type { Tx } from '@/lib/messaging/tx';

// Point reads on the send path, written as plain SQL: for a single-row lookup by an index, Prisma's
// query compiler costs more than the query itself (profiled in bench/messaging/send-bench.ts).
// Tagged $queryRaw keeps the placeholders right for SQLite and PostgreSQL.

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

export async function findMessageByClientId(db: Tx, subAccountId: string, clientMessageId: string): Promise<{ id: string; clientMessageId: string; createdAt: Date } | null> {
  const rows = await db.$queryRaw<Array<{ id: string; createdAt: unknown }>>`SELECT "id", "createdAt" FROM "Message" WHERE "subAccountId" = ${subAccountId} AND "clientMessageId" = ${clientMessageId} LIMIT 1`;
  const r = rows[0];
  return r ? { id: r.id, clientMessageId, createdAt: toDate(r.createdAt)! } : null;
}

export async function findWindow(db: Tx, subAccountId: string, msisdn: string) {
  const rows = await db.$queryRaw<Array<{ cswExpiresAt: unknown; fepEligibleUntil: unknown; fepExpiresAt: unknown }>>`SELECT "cswExpiresAt", "fepEligibleUntil", "fepExpiresAt" FROM "ConversationWindow" WHERE "subAccountId" = ${subAccountId} AND "msisdn" = ${msisdn} LIMIT 1`;
  const r = rows[0];
  return r ? { cswExpiresAt: toDate(r.cswExpiresAt), fepEligibleUntil: toDate(r.fepEligibleUntil), fepExpiresAt: toDate(r.fepExpiresAt) } : null;
}
