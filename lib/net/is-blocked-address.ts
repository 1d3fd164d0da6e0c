import net from 'node:net';

// What Parley may not connect to on a user's behalf (SSRF): this machine, its private networks, cloud
// metadata (169.254.169.254), and everything that is not ordinary public unicast.

const v4Blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  v4Blocked.addSubnet(addr, prefix, 'ipv4');

// Only 2000::/3 is global unicast, so everything outside it is refused (loopback, unspecified,
// IPv4-compatible ::a.b.c.d, local-use NAT64 64:ff9b:1::/48, discard 100::/64, unique-local fc00::/7,
// link-local fe80::/10, site-local fec0::/10, multicast ff00::/8), and inside it the special blocks.
// Forms that embed an IPv4 address a router will reach are judged by that address first (below).
const v6Blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['::', 3],
  ['4000::', 2],
  ['8000::', 1],
  ['2001::', 23], // IETF protocol assignments: Teredo 2001::/32 (tunnels to any v4), ORCHID, benchmarking
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
] as const)
  v6Blocked.addSubnet(addr, prefix, 'ipv6');

function v4Words(dotted: string): number[] {
  const [a, b, c, d] = dotted.split('.').map(Number) as [number, number, number, number];
  return [(a << 8) | b, (c << 8) | d];
}

/** The eight 16-bit groups of an address net.isIPv6 accepted (zone already removed). */
/** The eight 16-bit groups of an IPv6 address (any spelling: '::', an embedded dotted IPv4). */
export function v6Words(ip: string): number[] {
  const groups = (part: string) => (part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? v4Words(g) : [parseInt(g, 16)])));
  const [head = '', tail] = ip.split('::');
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  return [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

const dotted = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 address an IPv6 address carries when packets to it end up at that IPv4 host: IPv4-mapped
 * ::ffff:a.b.c.d (URL parsing writes it ::ffff:7f00:1), SIIT ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96 and
 * 6to4 2002:AABB:CCDD::/48.
 */
export function embeddedIpv4(ipv6: string): string | null {
  const w = v6Words(ipv6);
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return dotted(w[6]!, w[7]!);
  if (zeros(0, 4) && w[4] === 0xffff && w[5] === 0) return dotted(w[6]!, w[7]!);
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return dotted(w[6]!, w[7]!);
  if (w[0] === 0x2002) return dotted(w[1]!, w[2]!);
  return null;
}

/**
 * The address as a connection would use it: IPv4 in dotted quads, IPv6 without its zone, or null when
 * it is not an address. Accepts the legacy IPv4 spellings resolvers and URL parsers also accept
 * (2130706433, 0x7f000001, 017700000001, 0177.0.0.1, 127.1), read the way WHATWG URL reads them.
 */
export function canonicalAddress(input: string): string | null {
  const s = input.trim().replace(/^\[(.*)\]$/, '$1');
  const unzoned = s.replace(/%.*$/, '');
  if (net.isIPv4(s)) return s;
  if (net.isIPv6(unzoned)) return unzoned.toLowerCase();
  if (!/^[0-9a-fx.]+$/i.test(s)) return null;
  try {
    const host = new URL(`http://${s}/`).hostname;
    return net.isIPv4(host) ? host : null;
  } catch {
    return null;
  }
}

/** True unless the address is public unicast. Anything that is not an address is blocked too. */
export function isBlockedAddress(input: string): boolean {
  const ip = canonicalAddress(input);
  if (ip === null) return true;
  if (net.isIPv4(ip)) return v4Blocked.check(ip, 'ipv4');
  const v4 = embeddedIpv4(ip);
  if (v4 !== null) return v4Blocked.check(v4, 'ipv4');
  return v6Blocked.check(ip, 'ipv6');
}
