import { describe, expect, it } from 'vitest';
import { buildSendPayload, curlFor } from '@/lib/templates/build-send-payload';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { storedFromPayload } from '@/lib/templates/fixtures/stored-from-payload';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import sends from '@/lib/templates/fixtures/reference-send-payloads.json';

describe('buildSendPayload', () => {
  it.each(creation.map((c) => [c.name, c]))('builds a send payload for %s that passes the send checks', (_n, c) => {
    const t = storedFromPayload(c);
    const payload = buildSendPayload(t);
    expect(() => checkSendParameters(t, payload.content.template)).not.toThrow();
  });

  it('matches the reference send payload where the reference uses the samples', () => {
    const t = storedFromPayload(creation.find((c) => c.name === 'order_shipped_v2'));
    const ref = sends.find((s) => s.content.template.name === 'order_shipped_v2')!;
    expect(buildSendPayload(t)).toEqual(ref);
  });

  it('quotes the body for the shell', () => {
    expect(curlFor('https://h/api', { text: "it's" })).toContain(`"text": "it'\\''s"`);
  });
});

describe('curlFor', () => {
  it('lets the shell expand the API key variable', () => {
    expect(curlFor('https://h/api', {})).toContain(`-H "Authorization: Bearer $PARLEY_API_KEY"`);
  });
});
