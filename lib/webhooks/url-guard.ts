import dns from 'node:dns/promises';
import net from 'node:net';
import { env } from '@/lib/env';
import { ValidationError } from '@/lib/errors';

// Webhooks must not become a way to reach Parley's own network: loopback, private, link-local,
// carrier-grade NAT and cloud metadata addresses are refused unless ALLOW_PRIVATE_NETWORK=true.

function isPrivateV4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
}

export function isPrivateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return isPrivateV4(ip);
  const v6 = ip.toLowerCase();
  const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateV4(mapped[1]!);
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe8') || v6.startsWith('fe9') || v6.startsWith('fea') || v6.startsWith('feb') || v6.startsWith('ff');
}

// A resolver that never answers must not hold the API request (or a delivery) open.
const LOOKUP_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms)))]).finally(() => clearTimeout(timer));
}

/** Throws ValidationError (path "url") unless the URL is http(s) and resolves only to public addresses. */
export async function assertDeliverableUrl(raw: string, opts: { allowPrivate?: boolean } = {}): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message: 'Enter an absolute URL such as https://example.com/webhooks' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message: 'Only http and https URLs can receive webhooks' }]);
  }
  if (url.username || url.password) {
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message: 'Put credentials in your receiver, not in the URL' }]);
  }
  if (opts.allowPrivate ?? env.ALLOW_PRIVATE_NETWORK) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await withTimeout(dns.lookup(host, { all: true }), LOOKUP_TIMEOUT_MS)).map((a) => a.address);
  } catch {
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message: `The host '${host}' could not be resolved` }]);
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message: 'Private, loopback and metadata addresses cannot receive webhooks' }]);
  }
  return url;
}
