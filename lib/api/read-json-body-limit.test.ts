import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '@/lib/errors';
import { MAX_JSON_BYTES, readJsonBody } from './read-json-body';

// The limit is on what is parsed, so a route reached without the custom server (Next in development)
// or past a server that trusted a claimed Content-Type still refuses an oversized JSON body.
describe('readJsonBody size limit', () => {
  const body = (bytes: number, type = 'application/json') =>
    new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ a: 'x'.repeat(bytes) }) });

  it('parses a body just under the limit', async () => {
    await expect(readJsonBody(body(MAX_JSON_BYTES - 100))).resolves.toMatchObject({ a: expect.any(String) });
  });

  it('refuses a body over the limit with 413, whatever the Content-Type says', async () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x']) {
      const err = await readJsonBody(body(MAX_JSON_BYTES + 10, type)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PayloadTooLargeError);
      expect(err).toMatchObject({ status: 413, code: 1005 });
    }
  });

  it('counts bytes, not characters: 2 MB of a 3-byte character is over 5 MB', async () => {
    const err = await readJsonBody(new Request('http://x/', { method: 'POST', body: JSON.stringify({ a: '€'.repeat(2 * 1024 * 1024) }) })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PayloadTooLargeError);
  });
});
