import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * This deployment's origin as the browser reached it: the HTTP trigger URL the editor shows and the
 * public URL of an uploaded template sample. The X-Forwarded-* headers are any client's to set, so
 * they count only behind our own proxy (TRUST_PROXY), as for the sign-in throttle's client address.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const forwarded = (name: string) => (env.TRUST_PROXY ? h.get(name)?.split(',')[0]?.trim() || null : null);
  const host = forwarded('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = forwarded('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}
