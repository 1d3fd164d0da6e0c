import { AppError } from '@/lib/errors';
import { CredentialsKeyMissingError, decryptJson, encryptJson } from '@/lib/crypto/secret-box';
import type { EightByEightCredentials } from '@/lib/provisioning/channel-input';

/** A server without CREDENTIALS_KEY cannot take carrier credentials: said plainly, not as a 500. */
function keyMissing(): AppError {
  return new AppError('Carrier credentials cannot be stored: this server has no CREDENTIALS_KEY (32 bytes, e.g. openssl rand -base64 32)', 503, 1000);
}

export function sealCredentials(value: EightByEightCredentials): string {
  try {
    return encryptJson(value);
  } catch (err) {
    throw err instanceof CredentialsKeyMissingError ? keyMissing() : err;
  }
}

/**
 * The stored credentials, for merging a partial rotation. Ones that no longer decrypt (the key was
 * replaced) count as absent, so the form asks for all three again instead of failing.
 */
export function openCredentials(stored: string | null): Partial<EightByEightCredentials> {
  if (!stored) return {};
  try {
    return decryptJson<Partial<EightByEightCredentials>>(stored);
  } catch (err) {
    if (err instanceof CredentialsKeyMissingError) throw keyMissing();
    return {};
  }
}
