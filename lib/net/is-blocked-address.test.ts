import { describe, expect, it } from 'vitest';
import { canonicalAddress, embeddedIpv4, isBlockedAddress } from '@/lib/net/is-blocked-address';

// Every spelling of an address Parley must not reach, as resolvers, URL parsers and users write it.
const BLOCKED_ADDRESSES: [form: string, address: string][] = [
  ['IPv4 loopback', '127.0.0.1'],
  ['IPv4 loopback, elsewhere in 127/8', '127.255.255.254'],
  ['IPv4 loopback, short form', '127.1'],
  ['IPv4 loopback, decimal', '2130706433'],
  ['IPv4 loopback, hex', '0x7f000001'],
  ['IPv4 loopback, octal', '017700000001'],
  ['IPv4 loopback, dotted octal', '0177.0.0.1'],
  ['IPv4 loopback, dotted hex', '0x7f.0.0.1'],
  ['unspecified IPv4', '0.0.0.0'],
  ['unspecified IPv4, short form', '0'],
  ['"this network" 0/8', '0.1.2.3'],
  ['private 10/8', '10.1.2.3'],
  ['private 172.16/12', '172.16.0.1'],
  ['private 172.16/12, top', '172.31.255.255'],
  ['private 192.168/16', '192.168.1.1'],
  ['carrier-grade NAT 100.64/10', '100.64.0.1'],
  ['carrier-grade NAT 100.64/10, top', '100.127.255.254'],
  ['link-local / cloud metadata', '169.254.169.254'],
  ['cloud metadata, decimal', '2852039166'],
  ['IETF protocol assignments 192.0.0/24', '192.0.0.170'],
  ['documentation 192.0.2/24', '192.0.2.1'],
  ['documentation 198.51.100/24', '198.51.100.7'],
  ['documentation 203.0.113/24', '203.0.113.9'],
  ['benchmarking 198.18/15', '198.19.0.1'],
  ['6to4 relay anycast', '192.88.99.1'],
  ['multicast 224/4', '224.0.0.1'],
  ['multicast 224/4, top', '239.255.255.250'],
  ['reserved 240/4', '240.0.0.1'],
  ['broadcast', '255.255.255.255'],
  ['IPv6 loopback', '::1'],
  ['IPv6 loopback, long form', '0:0:0:0:0:0:0:1'],
  ['unspecified IPv6', '::'],
  ['IPv6 in brackets', '[::1]'],
  ['IPv4-mapped loopback, dotted', '::ffff:127.0.0.1'],
  ['IPv4-mapped loopback, as URL parsing writes it', '::ffff:7f00:1'],
  ['IPv4-mapped loopback, long form', '0:0:0:0:0:ffff:7f00:1'],
  ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
  ['IPv4-mapped metadata, as URL parsing writes it', '::ffff:a9fe:a9fe'],
  ['IPv4-mapped private', '::ffff:10.0.0.1'],
  ['IPv4-mapped unspecified', '::ffff:0.0.0.0'],
  ['SIIT-translated loopback ::ffff:0:0:0/96', '::ffff:0:7f00:1'],
  ['IPv4-compatible loopback', '::127.0.0.1'],
  ['IPv4-compatible loopback, hex', '::7f00:1'],
  ['IPv4-compatible public address (deprecated form)', '::8.8.8.8'],
  ['NAT64 64:ff9b::/96 loopback', '64:ff9b::7f00:1'],
  ['NAT64 64:ff9b::/96 metadata', '64:ff9b::169.254.169.254'],
  ['NAT64 64:ff9b::/96 private', '64:ff9b::a00:1'],
  ['local-use NAT64 64:ff9b:1::/48', '64:ff9b:1::808:808'],
  ['6to4 of loopback', '2002:7f00:1::'],
  ['6to4 of metadata', '2002:a9fe:a9fe::1'],
  ['6to4 of private', '2002:c0a8:101::1'],
  ['Teredo 2001::/32', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
  ['ORCHIDv2', '2001:20::1'],
  ['documentation 2001:db8::/32', '2001:db8::1'],
  ['documentation 3fff::/20', '3fff::1'],
  ['discard-only 100::/64', '100::1'],
  ['unique-local fc00::/7', 'fc00::1'],
  ['unique-local fd00::/8', 'fd12:3456:789a::1'],
  ['link-local fe80::/10', 'fe80::1'],
  ['link-local with a zone', 'fe80::1%eth0'],
  ['link-local, top of fe80::/10', 'febf::1'],
  ['site-local (deprecated) fec0::/10', 'fec0::1'],
  ['multicast ff00::/8', 'ff02::1'],
  ['multicast, global scope', 'ff0e::101'],
  ['AWS metadata over IPv6', 'fd00:ec2::254'],
  ['not an address at all', 'example.com'],
  ['empty', ''],
];

const PUBLIC_ADDRESSES: [form: string, address: string][] = [
  ['public IPv4', '93.184.216.34'],
  ['public IPv4 next to 172.16/12', '172.32.0.1'],
  ['public IPv4 next to 100.64/10', '100.128.0.1'],
  ['public IPv4, decimal', '134744072'],
  ['public IPv6', '2606:4700:4700::1111'],
  ['public IPv6, next to Teredo', '2001:4860:4860::8888'],
  ['IPv4-mapped public', '::ffff:8.8.8.8'],
  ['IPv4-mapped public, hex', '::ffff:808:808'],
  ['NAT64 of a public address', '64:ff9b::808:808'],
  ['6to4 of a public address', '2002:808:808::1'],
];

describe('isBlockedAddress', () => {
  it.each(BLOCKED_ADDRESSES)('blocks %s (%s)', (_form, address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(PUBLIC_ADDRESSES)('allows %s (%s)', (_form, address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });
});

describe('canonicalAddress and embeddedIpv4', () => {
  it('read legacy IPv4 spellings and IPv6 forms the way a connection would', () => {
    expect(['127.1', '2130706433', '0x7f000001', '017700000001', '0177.0.0.1'].map(canonicalAddress)).toEqual(Array(5).fill('127.0.0.1'));
    expect(canonicalAddress('[FE80::1%eth0]')).toBe('fe80::1');
    expect(canonicalAddress('localhost')).toBeNull();
    expect(canonicalAddress('1.2.3.4.5')).toBeNull();
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('64:ff9b::a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIpv4('2002:a00:1::')).toBe('10.0.0.1');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
  });
});
