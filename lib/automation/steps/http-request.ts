import { guardedFetch, type GuardedFetch } from '@/lib/net/guarded-fetch';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '@/lib/api/read-json-body';
import { defineExecutor } from './define-executor';
import { httpRequestDefinition } from './http-request-definition';
import { str } from './lenient-inputs';

/**
 * The transport, replaceable in tests (the reference examples call https://sample.api.com). In
 * production it is guardedFetch, which refuses private addresses (ALLOW_PRIVATE_NETWORK aside) and
 * checks the address it connects to; nothing in lib/ replaces it.
 */
export const httpClient: { fetch: GuardedFetch } = { fetch: guardedFetch };

const MAX_BODY = 1024 * 1024;

/**
 * HttpRequest: JSON body (scripts already evaluated), `parameters` as the query string, `timeoutSeconds`
 * (default 30). A JSON response is parsed into step.responseBody; other bodies stay text. Any answer,
 * 4xx/5xx included, completes the step (branch on step.responseCode); no answer fails it.
 */
export const httpRequestStep = defineExecutor(httpRequestDefinition, {
  async run(_ctx, inputs) {
    const { method, timeoutSeconds } = inputs;
    let url: URL;
    try {
      url = new URL(inputs.url);
    } catch {
      return { kind: 'fail', error: `Call failed. '${inputs.url}' is not a valid URL` };
    }
    for (const [k, v] of Object.entries(inputs.parameters ?? {})) url.searchParams.set(k, str(v) ?? '');
    const headers = new Headers();
    for (const [k, v] of Object.entries(inputs.headers ?? {})) headers.set(k, str(v) ?? '');
    let body: string | undefined;
    if (inputs.body !== undefined && inputs.body !== null && method !== 'GET' && method !== 'HEAD') {
      body = typeof inputs.body === 'string' ? inputs.body : JSON.stringify(inputs.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    try {
      // A 3xx is the answer (guardedFetch follows no redirect), so a redirect cannot reach a blocked address.
      const res = await httpClient.fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
      const text = (await res.text()).slice(0, MAX_BODY);
      let responseBody: unknown = text;
      if (/json/i.test(res.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text)) {
        try {
          const parsed: unknown = JSON.parse(text);
          // A body nested thousands deep parses, but would overflow the stack of everything that walks
          // it next (storing the step's outputs, scripts): such a body stays text.
          if (!nestedDeeperThan(parsed, MAX_JSON_DEPTH)) responseBody = parsed;
        } catch {
          responseBody = text;
        }
      }
      return { kind: 'done', results: { responseCode: res.status, reasonPhrase: res.statusText, responseBody } };
    } catch (err) {
      const e = err as Error;
      const why = e.name === 'TimeoutError' ? `no answer within ${timeoutSeconds} s` : e.message;
      return { kind: 'fail', error: `Call failed. ${why}: ${method} ${url.toString()}` };
    }
  },
});
