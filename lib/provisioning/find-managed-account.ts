import { accessHolder, type AuditActor } from '@/lib/audit/record-audit-event';
import { NotFoundError } from '@/lib/errors';
import { loadHeldAccess } from '@/lib/partners/load-held-access';
import type { Tx } from '@/lib/partners/tx';
import { ACCOUNT_VIEW_SELECT } from '@/lib/provisioning/account-view';

/**
 * An account the actor may manage: one of their partner's, and for a person one they hold access to
 * (as the partner rules give it: "all accounts" or their list). An API key reaches the accounts its
 * maker holds now (a seeded key, made by nobody, its partner's). Anything else is a 404, exactly like
 * an account that does not exist.
 */
export async function findManagedAccount(tx: Tx, actor: AuditActor, accountId: string) {
  const account = await tx.account.findFirst({ where: { id: accountId, partnerId: actor.partnerId }, select: ACCOUNT_VIEW_SELECT });
  if (!account) throw new NotFoundError(`Account '${accountId}' not found`);
  const person = accessHolder(actor);
  if (person) {
    const held = await loadHeldAccess(tx, actor.partnerId, person);
    if (!held.accountIds.has(accountId)) throw new NotFoundError(`Account '${accountId}' not found`);
  }
  return account;
}
