import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { accessHolder, type AuditActor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { NotFoundError } from '@/lib/errors';
import { loadHeldAccess } from '@/lib/partners/load-held-access';
import { accountView, ACCOUNT_VIEW_SELECT, type CustomerAccountView } from '@/lib/provisioning/account-view';
import { findManagedAccount } from '@/lib/provisioning/find-managed-account';

export const listCustomerAccountsQuery = z.object({
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1).max(500).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

/**
 * The partner's customer accounts the actor may manage, newest first, a page at a time (cursor: the
 * last id of the previous page). A person sees the accounts they hold access to, and so does a key
 * made by them; a seeded key its partner's.
 */
export async function listCustomerAccounts(
  db: Db,
  actor: AuditActor,
  raw: z.input<typeof listCustomerAccountsQuery> = {},
): Promise<{ data: CustomerAccountView[]; nextCursor: string | null }> {
  const q = parseWith(listCustomerAccountsQuery, raw);
  const person = accessHolder(actor);
  const ids = person ? [...(await loadHeldAccess(db, actor.partnerId, person)).accountIds] : null;
  const where = { partnerId: actor.partnerId, ...(ids ? { id: { in: ids } } : {}) };
  if (q.cursor && !(await db.account.findFirst({ where: { ...where, id: q.cursor }, select: { id: true } }))) {
    throw new NotFoundError(`Cursor '${q.cursor}' does not name an account of this list`);
  }
  const rows = await db.account.findMany({
    where,
    select: ACCOUNT_VIEW_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(accountView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}

/** One account the actor may manage (404 for any other). */
export async function getCustomerAccount(db: Db, actor: AuditActor, accountId: string): Promise<CustomerAccountView> {
  return accountView(await findManagedAccount(db, actor, accountId));
}
