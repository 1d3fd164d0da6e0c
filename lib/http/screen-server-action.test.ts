import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { screenServerAction } from '@/lib/http/screen-server-action';
import { send } from '@/test/api-robustness-kit';

// Stands in for Next behind the screen: reports what it would decode (the stashed body, or the stream).
let base: string;
const server = http.createServer(async (req, res) => {
  if (await screenServerAction(req, res)) return;
  const stashed = (req as unknown as Record<symbol, { actionBody?: Buffer } | undefined>)[Symbol.for('NextInternalRequestMeta')]?.actionBody;
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  res.end(JSON.stringify({ next: true, stashed: stashed?.toString() ?? null, stream: Buffer.concat(chunks).toString() }));
});

const action = (body: string, contentType = 'text/plain;charset=UTF-8') =>
  send(base, { method: 'POST', path: '/templates', headers: { 'next-action': '7f' + 'ab'.repeat(20), 'content-type': contentType }, body });

describe('screenServerAction', () => {
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('answers a body that is not an encoded argument list with 400, before Next decodes it (Next: 500)', async () => {
    for (const body of ['', '{', 'not json', '{"id":"x"}', '"x"', '42', '\u0000\u00ff']) {
      const a = await action(body);
      expect(a.status, JSON.stringify(body)).toBe(400);
      expect(a.text).toBe('Invalid Server Action request.');
    }
  });

  it('answers a multipart body that does not parse, or whose argument row is not JSON, with 400 (Next: 500)', async () => {
    const broken = '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{broken';
    const badRow = '--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{broken\r\n--zz--\r\n';
    for (const body of [broken, badRow]) expect((await action(body, 'multipart/form-data; boundary=zz')).status).toBe(400);
    // Without Next-Action (a form posted to a page): only whether it parses.
    expect(
      (await send(base, { method: 'POST', path: '/settings/webhooks', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: broken })).status,
    ).toBe(400);
  });

  it('hands a well-formed body to Next as its action body, and leaves every other request alone', async () => {
    expect((await action('[{"id":"wf_1"}]')).json).toEqual({ next: true, stashed: '[{"id":"wf_1"}]', stream: '' });
    const form =
      '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--b\r\nContent-Disposition: form-data; name="1_id"\r\n\r\nwf_1\r\n--b--\r\n';
    expect((await action(form, 'multipart/form-data; boundary=b')).json).toEqual({ next: true, stashed: form, stream: '' });
    // Not screened: route handlers under /api, bodies that cannot be server actions, large uploads.
    expect(
      (await send(base, { method: 'POST', path: '/api/auth/callback', headers: { 'next-action': 'x', 'content-type': 'text/plain' }, body: '{' })).json,
    ).toEqual({ next: true, stashed: null, stream: '{' });
    expect((await send(base, { method: 'POST', path: '/signin', headers: { 'content-type': 'application/json' }, body: 'plain' })).json).toEqual({
      next: true,
      stashed: null,
      stream: 'plain',
    });
    const upload = `--b\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n${'x'.repeat(1024 * 1024)}`;
    const big = await action(upload, 'multipart/form-data; boundary=b');
    expect(big.json).toMatchObject({ next: true, stashed: null });
    expect(big.json.stream).toHaveLength(upload.length);
  });
});
