import { forgetAccountKeys } from '@/lib/auth/api-keys';
import { forgetSubAccounts } from '@/lib/messaging/cached-sub-account';

/**
 * After an account's suspension changes: its keys and subaccounts are looked up again at once in this
 * process (another process sees the change within its caches' few seconds).
 */
export function forgetAccountCaches(accountId: string): void {
  forgetAccountKeys(accountId);
  forgetSubAccounts(accountId);
}
