import type { Db } from '@/lib/db/client';
import { readDate, sqlDate } from '@/lib/db/sql';
import { type Dialect, dialectOf, read } from '@/lib/db/tx';
import type { InstanceFilter, InstanceStatus, InstanceSummary } from './read-instances';

export type RunCustomer = { msisdn: string; name: string | null };
export type RunListItem = InstanceSummary & { customer: RunCustomer | null };
export type RunListFilter = InstanceFilter & {
  /** A number (any part of it, 3 digits or more) or a contact's name (any part of it). */
  customer?: string;
};

// The customer of a run started by an inbound message: the sender of its trigger event, which stays
// in the run's data (data.payload.user.msisdn, for WhatsApp and SMS alike). HTTP-triggered runs have none.
// The SQL that reads it, and finds a part of a number in it, differs by database.
const CUSTOMER: Record<Dialect, string> = {
  sqlite: `json_extract("data", '$.payload.user.msisdn')`,
  postgres: `("data" #>> '{payload,user,msisdn}')`,
};
const CONTAINS: Record<Dialect, (text: string) => string> = {
  sqlite: (text) => `instr(${text}, ?) > 0`,
  postgres: (text) => `strpos(${text}, CAST(? AS TEXT)) > 0`,
};
const MAX_NAMED = 500;

type Row = {
  id: string;
  definitionId: string;
  version: number;
  subAccountId: string;
  status: string;
  currentStepId: string | null;
  error: string | null;
  waitKind: string | null;
  waitUntil: string | null;
  createdAt: string;
  updatedAt: string;
  customer: unknown;
};

/**
 * The Runs page: an account's runs, newest first, each with its customer (number, and name when the
 * account has them as a contact), filtered by workflow, status, page and customer. A customer filter
 * matches a part of the number or of a contact's name.
 */
export async function listRuns(db: Db, accountId: string, filter: RunListFilter = {}): Promise<RunListItem[]> {
  const dialect = dialectOf(db);
  const customer = CUSTOMER[dialect];
  const where = ['"accountId" = ?'];
  const args: unknown[] = [accountId];
  const and = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    args.push(...values);
  };
  if (filter.definitionId) and('"definitionId" = ?', filter.definitionId);
  if (filter.status) and('"status" = ?', filter.status);
  if (filter.subAccountId) and('"subAccountId" = ?', filter.subAccountId);
  if (filter.before) and('"createdAt" < ?', sqlDate(filter.before));
  const q = filter.customer?.trim();
  if (q) {
    const digits = q.replace(/\D/g, '');
    // A part of the name in any case: SQLite's LIKE ignores case, PostgreSQL is told to.
    const name = dialect === 'postgres' ? { contains: q, mode: 'insensitive' as const } : { contains: q };
    const named = await db.contact.findMany({ where: { accountId, name }, select: { msisdn: true }, take: MAX_NAMED });
    const any: string[] = [];
    const anyArgs: unknown[] = [];
    if (digits.length >= 3) {
      any.push(CONTAINS[dialect](customer));
      anyArgs.push(digits);
    }
    if (named.length) {
      any.push(`${customer} IN (${named.map(() => '?').join(', ')})`);
      anyArgs.push(...named.map((c) => c.msisdn));
    }
    if (!any.length) return [];
    and(`(${any.join(' OR ')})`, ...anyArgs);
  }
  args.push(Math.min(Math.max(filter.limit ?? 50, 1), 500));
  const rows = await read(db, (t) =>
    t.all<Row>(
      `SELECT "id", "definitionId", "version", "subAccountId", "status", "currentStepId", "error", "waitKind", "waitUntil", "createdAt", "updatedAt", ${customer} AS "customer"
       FROM "WorkflowInstance" WHERE ${where.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
      ...args,
    ),
  );
  const numbers = [...new Set(rows.map((r) => r.customer).filter((c): c is string => typeof c === 'string' && c.length > 0))];
  const contacts = numbers.length ? await db.contact.findMany({ where: { accountId, msisdn: { in: numbers } }, select: { msisdn: true, name: true } }) : [];
  const names = new Map(contacts.map((c) => [c.msisdn, c.name]));
  return rows.map((r) => ({
    workflowId: r.id,
    definitionId: r.definitionId,
    version: r.version,
    subAccountId: r.subAccountId,
    status: r.status as InstanceStatus,
    currentStepId: r.currentStepId,
    error: r.error,
    waitKind: r.waitKind,
    waitUntil: r.waitUntil ? readDate(r.waitUntil).toISOString() : null,
    createdAt: readDate(r.createdAt).toISOString(),
    updatedAt: readDate(r.updatedAt).toISOString(),
    customer: typeof r.customer === 'string' && r.customer ? { msisdn: r.customer, name: names.get(r.customer) || null } : null,
  }));
}
