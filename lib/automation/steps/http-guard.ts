import dns from 'node:dns/promises';
import net from 'node:net';
import { env } from '@/lib/env';

// HttpRequest must not reach the machine it runs on or its private network (SSRF): loopback, private,
// link-local (cloud metadata at 169.254.169.254), CGNAT, multicast and unspecified addresses are refused
// unless ALLOW_PRIVATE_NETWORK=true (tests and local development).

const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(addr, prefix, 'ipv4');
for (const [addr, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(addr, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1], 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

/** Throws when the URL may not be called from here. */
export async function assertPublicUrl(url: URL, allowPrivate = env.ALLOW_PRIVATE_NETWORK): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Only http and https URLs can be called (got ${url.protocol})`);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (/^localhost$|\.localhost$|\.internal$/i.test(host)) throw new Error(`Requests to ${host} are not allowed (private network)`);
  const addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new Error(`Requests to ${host} (${bad}) are not allowed: loopback, private and link-local addresses are blocked`);
}
