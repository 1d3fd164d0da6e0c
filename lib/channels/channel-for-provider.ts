import type { ChannelForProvider } from '@/lib/channels/provider';
import { decryptJson } from '@/lib/crypto/secret-box';

export type ChannelProviderRow = {
  id: string;
  accountId: string;
  kind: string;
  address: string;
  provider: string;
  region: string;
  /** As stored: encrypted JSON, or null for the sandbox. */
  credentials: string | null;
};

// Decrypting is cheap but not free, and a busy channel sends hundreds of messages a second: the
// plain credentials are kept per stored ciphertext, so a changed key or secret is read at once.
const cache = new Map<string, { stored: string; value: unknown }>();

/** The channel as a provider sees it, credentials decrypted (null when unreadable: the provider refuses). */
export function toChannelForProvider(row: ChannelProviderRow): ChannelForProvider {
  let credentials: unknown = null;
  if (row.credentials) {
    const hit = cache.get(row.id);
    if (hit && hit.stored === row.credentials) credentials = hit.value;
    else {
      try {
        credentials = decryptJson(row.credentials);
      } catch {
        credentials = null;
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(row.id, { stored: row.credentials, value: credentials });
    }
  }
  return { id: row.id, accountId: row.accountId, kind: row.kind, address: row.address, provider: row.provider, region: row.region, credentials };
}
