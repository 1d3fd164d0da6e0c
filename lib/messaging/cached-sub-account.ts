import type { Db } from '@/lib/db/client';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

// The send path looks up the same subaccount and its channels on every request; they change rarely
// (channel setup, suspension), so a found subaccount is kept for a few seconds. Misses are never
// cached, so a new subaccount is usable at once and another tenant's is still a 404. Changes made in
// this process forget the entries they touch; another process sees them within TTL_MS.
const TTL_MS = 5_000;
type SubAccountWithChannels = Awaited<ReturnType<typeof findSubAccount>>;
// On globalThis: Next bundles route handlers and server actions separately, and a change made by one
// (a suspension from the console) must clear the entry the other reads.
const g = globalThis as unknown as { parleySubAccountCache?: Map<string, { value: SubAccountWithChannels; until: number }> };
const cache = (g.parleySubAccountCache ??= new Map());

const keyOf = (accountId: string, subAccountId: string) => `${accountId}\u0000${subAccountId}`;

export async function findSubAccountCached(db: Db, accountId: string, subAccountId: string): Promise<SubAccountWithChannels> {
  const k = keyOf(accountId, subAccountId);
  const hit = cache.get(k);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await findSubAccount(db, accountId, subAccountId);
  if (cache.size > 10_000) cache.clear();
  cache.set(k, { value, until: Date.now() + TTL_MS });
  return value;
}

/** Forgets one subaccount (its channels changed), or every subaccount of the account (suspended or resumed). */
export function forgetSubAccounts(accountId: string, subAccountId?: string): void {
  if (subAccountId !== undefined) {
    cache.delete(keyOf(accountId, subAccountId));
    return;
  }
  const prefix = keyOf(accountId, '');
  for (const k of cache.keys()) if (k.startsWith(prefix)) cache.delete(k);
}
