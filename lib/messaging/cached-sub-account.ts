import type { Db } from '@/lib/db/client';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';

// The send path looks up the same subaccount and its channels on every request; they change rarely
// (channel setup), so a found subaccount is kept for a few seconds. Misses are never cached, so a new
// subaccount is usable at once and another tenant's is still a 404.
const TTL_MS = 5_000;
type SubAccountWithChannels = Awaited<ReturnType<typeof findSubAccount>>;
const cache = new Map<string, { value: SubAccountWithChannels; until: number }>();

export async function findSubAccountCached(db: Db, accountId: string, subAccountId: string): Promise<SubAccountWithChannels> {
  const k = `${accountId}\u0000${subAccountId}`;
  const hit = cache.get(k);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await findSubAccount(db, accountId, subAccountId);
  if (cache.size > 10_000) cache.clear();
  cache.set(k, { value, until: Date.now() + TTL_MS });
  return value;
}
