import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import { v6Words } from '@/lib/net/is-blocked-address';

// Next keeps a client-sent X-Forwarded-For and only fills it in from the socket when it is missing,
// so that header proves nothing by itself. The production server (scripts/serve.ts) writes the
// socket's address into this header on every request, replacing whatever the client sent.
export const CLIENT_ADDRESS_HEADER = 'x-parley-client-address';

/** Called by the HTTP server before anything else sees the request. */
export function stampClientAddress(req: IncomingMessage): void {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

/**
 * The address a sign-in attempt came from: the socket's, or with `trustProxy` the last entry of
 * X-Forwarded-For (the one our own proxy appended; earlier entries are whatever the client claimed).
 * Without either (e.g. `next dev`) every client shares one 'unknown' bucket, which errs on the side
 * of throttling.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const last = headers.get('x-forwarded-for')?.split(',').pop()?.trim();
    if (last) return normalize(last);
  }
  return normalize(headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
}

// IPv4 clients of a dual-stack socket show up as ::ffff:1.2.3.4; one client must have one key. An
// IPv6 client usually holds a whole /64, so it counts as one address per /64.
function normalize(address: string): string {
  const a = address.trim().toLowerCase().slice(0, 64);
  if (a.startsWith('::ffff:') && a.includes('.')) return a.slice(7);
  if (isIPv6(a))
    return `${v6Words(a.split('%')[0]!)
      .slice(0, 4)
      .map((w) => w.toString(16))
      .join(':')}::/64`;
  return a || 'unknown';
}
