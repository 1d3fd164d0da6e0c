import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import type { StepContext } from '@/lib/automation/runner/types';
import { httpClient, httpRequestStep } from '@/lib/automation/steps/http-request';
import { guardedFetch } from '@/lib/net/guarded-fetch';
import { BLOCKED_URLS } from '@/lib/net/ssrf-cases';

const run = (inputs: Record<string, unknown>) => httpRequestStep.run({ inputs } as unknown as StepContext);

beforeAll(() => {
  env.ALLOW_PRIVATE_NETWORK = false;
});
afterAll(() => {
  env.ALLOW_PRIVATE_NETWORK = true;
});

describe('HttpRequest refuses private destinations (ALLOW_PRIVATE_NETWORK=false)', () => {
  it('calls through the network guard unless a test replaced the transport', () => {
    expect(httpClient.fetch).toBe(guardedFetch);
  });

  it.each(BLOCKED_URLS)('%s: %s', async (_form, url) => {
    for (const method of ['GET', 'POST']) {
      const outcome = await run({ url, method, body: { a: 1 }, timeoutSeconds: 2 });
      expect(outcome).toMatchObject({
        kind: 'fail',
        error: expect.stringMatching(/^Call failed\. Requests to .+ are not allowed: loopback, private, link-local and metadata addresses are blocked: /),
      });
    }
  });

  it('says why other URLs cannot be called', async () => {
    expect(await run({ url: 'file:///etc/passwd' })).toMatchObject({
      kind: 'fail',
      error: 'Call failed. Only http and https URLs can be called (got file:): GET file:///etc/passwd',
    });
    expect(await run({ url: 'http://user:secret@example.com/' })).toMatchObject({
      kind: 'fail',
      error: expect.stringMatching(/^Call failed\. URLs with credentials cannot be called/),
    });
  });
});
