import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '@/lib/auth/client-address';

const headers = (h: Record<string, string>) => new Headers(h);

describe('clientAddress', () => {
  it('ignores a client-sent X-Forwarded-For unless a trusted proxy is configured', () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '1.2.3.4' });
    expect(clientAddress(h, false)).toBe('203.0.113.9');
  });

  it('behind a trusted proxy takes the entry the proxy appended, not what the client claimed before it', () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 198.51.100.20' });
    expect(clientAddress(h, true)).toBe('198.51.100.20');
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '10.0.0.2' }), true)).toBe('10.0.0.2');
  });

  it('gives one key per client: IPv4-mapped addresses unwrapped, IPv6 by /64', () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '::ffff:192.0.2.1' }), false)).toBe('192.0.2.1');
    const a = clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '2001:db8:0:1::5' }), false);
    const b = clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: '2001:0db8:0000:0001:ffff:1:2:3' }), false);
    expect(a).toBe('2001:db8:0:1::/64');
    expect(b).toBe(a);
    expect(clientAddress(headers({}), false)).toBe('unknown');
  });
});
