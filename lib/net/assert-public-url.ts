import dns from 'node:dns/promises';
import net from 'node:net';
import { env } from '@/lib/env';
import { isBlockedAddress } from '@/lib/net/is-blocked-address';

export type BlockedUrlReason = 'invalid' | 'scheme' | 'credentials' | 'unresolvable' | 'blocked';

/** A URL Parley will not call; callers turn it into their own wording (a form error, a failed step). */
export class BlockedUrlError extends Error {
  constructor(
    readonly reason: BlockedUrlReason,
    message: string,
  ) {
    super(message);
    this.name = 'BlockedUrlError';
  }
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Every address a host name resolves to (dns.lookup with all: true); injectable for tests. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export type GuardOptions = {
  /** Defaults to ALLOW_PRIVATE_NETWORK, read at each call. */
  allowPrivate?: boolean;
  resolve?: Resolve;
};

export type PublicTarget = {
  url: URL;
  /** The checked addresses to connect to; empty when private networks are allowed (Node resolves). */
  addresses: ResolvedAddress[];
};

// A resolver that never answers must not hold an API request, a delivery or a workflow step open.
export const LOOKUP_TIMEOUT_MS = 5000;

const systemResolve: Resolve = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new BlockedUrlError('unresolvable', what)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

// Names that mean this machine or a private zone whatever the resolver says (it may not be asked).
const LOCAL_NAME = /^(localhost|.+\.localhost|.+\.internal|.+\.home\.arpa)$/i;

/**
 * Checks that a URL is http(s) without credentials and that its host is, or resolves to, nothing but public addresses,
 * and returns those addresses: connect to exactly them (guardedFetch does), never resolve again, or
 * a second answer (DNS rebinding) could lead somewhere else. Throws BlockedUrlError.
 */
export async function assertPublicUrl(input: string | URL, opts: GuardOptions = {}): Promise<PublicTarget> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new BlockedUrlError('invalid', `'${String(input)}' is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BlockedUrlError('scheme', `Only http and https URLs can be called (got ${url.protocol})`);
  // fetch refuses these too; a secret in a URL ends up in logs and run timelines.
  if (url.username || url.password) throw new BlockedUrlError('credentials', 'URLs with credentials cannot be called: send them in a header');
  if (opts.allowPrivate ?? env.ALLOW_PRIVATE_NETWORK) return { url, addresses: [] };

  // URL parsing already wrote any IP literal canonically (127.1 -> 127.0.0.1, [::ffff:127.0.0.1] -> [::ffff:7f00:1]).
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const refuse = (address: string) =>
    new BlockedUrlError(
      'blocked',
      `Requests to ${host}${address === host ? '' : ` (${address})`} are not allowed: loopback, private, link-local and metadata addresses are blocked`,
    );
  const family = net.isIP(host);
  if (family) {
    if (isBlockedAddress(host)) throw refuse(host);
    return { url, addresses: [{ address: host, family: family === 6 ? 6 : 4 }] };
  }
  const name = host.replace(/\.+$/, '');
  if (name === '' || LOCAL_NAME.test(name)) throw refuse(host);
  let addresses: ResolvedAddress[];
  try {
    addresses = await withTimeout((opts.resolve ?? systemResolve)(host), LOOKUP_TIMEOUT_MS, `DNS lookup of '${host}' timed out`);
  } catch (err) {
    if (err instanceof BlockedUrlError) throw err;
    throw new BlockedUrlError('unresolvable', `The host '${host}' could not be resolved`);
  }
  if (addresses.length === 0) throw new BlockedUrlError('unresolvable', `The host '${host}' could not be resolved`);
  // One private answer refuses the host: which address a connection picks is not ours to predict.
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  if (bad) throw refuse(bad.address);
  return { url, addresses };
}
