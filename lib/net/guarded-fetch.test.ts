import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertPublicUrl, BlockedUrlError } from '@/lib/net/assert-public-url';
import { guardedFetch } from '@/lib/net/guarded-fetch';
import { BLOCKED_URLS } from '@/lib/net/ssrf-cases';

let server: http.Server;
let base = '';
const seen: { url: string; method: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
      if (req.url === '/slow') return;
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/redirect') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (req.url === '/gzip')
        return res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(zlib.gzipSync('{"zipped":true}'));
      res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-one': 'a' }).end(JSON.stringify({ body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('assertPublicUrl and guardedFetch refuse every non-public destination', () => {
  it.each(BLOCKED_URLS)('%s: %s', async (_form, url) => {
    const resolve = async () => {
      throw new Error('a blocked literal or local name must be refused before any lookup');
    };
    await expect(assertPublicUrl(url, { allowPrivate: false, resolve })).rejects.toMatchObject({
      name: 'BlockedUrlError',
      reason: 'blocked',
      message: expect.stringMatching(/not allowed/),
    });
    await expect(guardedFetch(url, {}, { allowPrivate: false, resolve })).rejects.toBeInstanceOf(BlockedUrlError);
  });

  it('refuses other schemes, credentials and bad URLs whatever ALLOW_PRIVATE_NETWORK says', async () => {
    for (const allowPrivate of [false, true]) {
      await expect(guardedFetch('file:///etc/passwd', {}, { allowPrivate })).rejects.toMatchObject({
        reason: 'scheme',
        message: expect.stringMatching(/http and https/),
      });
      await expect(guardedFetch('gopher://127.0.0.1:6379/_x', {}, { allowPrivate })).rejects.toMatchObject({ reason: 'scheme' });
      await expect(guardedFetch('http://user:pw@example.com/', {}, { allowPrivate })).rejects.toMatchObject({ reason: 'credentials' });
      await expect(guardedFetch('not a url', {}, { allowPrivate })).rejects.toMatchObject({ reason: 'invalid' });
    }
  });

  it('refuses a name when any of its addresses is private, and one that does not resolve', async () => {
    const both = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: '::ffff:7f00:1', family: 6 as const },
    ];
    await expect(assertPublicUrl('https://mixed.example/', { allowPrivate: false, resolve: both })).rejects.toMatchObject({
      reason: 'blocked',
      message: expect.stringContaining('::ffff:7f00:1'),
    });
    const none = async () => [];
    await expect(assertPublicUrl('https://none.example/', { allowPrivate: false, resolve: none })).rejects.toMatchObject({ reason: 'unresolvable' });
    const failing = async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    await expect(assertPublicUrl('https://nx.example/', { allowPrivate: false, resolve: failing })).rejects.toMatchObject({
      reason: 'unresolvable',
      message: "The host 'nx.example' could not be resolved",
    });
    const publicOnly = async () => [{ address: '2606:4700:4700::1111', family: 6 as const }];
    await expect(assertPublicUrl('https://ok.example./x', { allowPrivate: false, resolve: publicOnly })).resolves.toMatchObject({
      addresses: [{ address: '2606:4700:4700::1111', family: 6 }],
    });
  });

  it('gives up on a resolver that never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = assertPublicUrl('https://slow.example/', { allowPrivate: false, resolve: () => new Promise(() => undefined) });
      const check = expect(pending).rejects.toMatchObject({ reason: 'unresolvable', message: "DNS lookup of 'slow.example' timed out" });
      await vi.advanceTimersByTimeAsync(5000);
      await check;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('guardedFetch as a transport (private network allowed, as in development)', () => {
  it('sends method, headers and body, and answers like fetch', async () => {
    const res = await guardedFetch(
      `${base}/echo?q=1`,
      { method: 'post', headers: { 'content-type': 'application/json', authorization: 'Bearer t' }, body: '{"n":"é"}' },
      { allowPrivate: true },
    );
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Made');
    expect(res.headers.get('x-one')).toBe('a');
    expect(await res.json()).toEqual({ body: '{"n":"é"}' });
    expect(seen.at(-1)).toMatchObject({
      url: '/echo?q=1',
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-length': String(Buffer.byteLength('{"n":"é"}')), host: base.slice('http://'.length) },
    });
  });

  it('does not let the caller set connection headers (Host, Transfer-Encoding, ...)', async () => {
    const headers = {
      host: 'internal.example',
      'transfer-encoding': 'chunked',
      'content-length': '1',
      connection: 'upgrade',
      upgrade: 'websocket',
      'x-kept': 'yes',
    };
    await (await guardedFetch(`${base}/echo`, { method: 'POST', headers, body: 'abc' }, { allowPrivate: true })).text();
    const got = seen.at(-1)!;
    expect(got).toMatchObject({ body: 'abc', headers: { host: base.slice('http://'.length), 'content-length': '3', 'x-kept': 'yes' } });
    expect(got.headers['transfer-encoding']).toBeUndefined();
    expect(got.headers.upgrade).toBeUndefined();
  });

  it('decodes a gzip answer, answers 204 without a body, and does not follow a redirect', async () => {
    expect(await (await guardedFetch(`${base}/gzip`, {}, { allowPrivate: true })).json()).toEqual({ zipped: true });
    const empty = await guardedFetch(`${base}/empty`, {}, { allowPrivate: true });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const redirect = await guardedFetch(`${base}/redirect`, {}, { allowPrivate: true });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('rejects with the signal reason when the answer does not come in time', async () => {
    const started = Date.now();
    await expect(guardedFetch(`${base}/slow`, { signal: AbortSignal.timeout(300) }, { allowPrivate: true })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
