import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { startTestApiServer, type TestApiServer } from '@/test/api-server';
import {
  BODY_METHODS,
  bodyText,
  buildPath,
  fieldMutations,
  paramKeys,
  probe,
  routesUnderTest,
  send,
  type RouteUnderTest,
  type Sent,
} from '@/test/api-robustness-kit';
import {
  bodiesFor,
  createWebhook,
  createWorkflow,
  deletableValues,
  disposableTemplate,
  freshKeys,
  tenantFixtures,
  withQuery,
  type Tenant,
} from '@/test/api-robustness-fixtures';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { isPublicRoute } from '@/lib/api/openapi/operations';

// An outside-in audit of every /api/v1 route through the production HTTP server, as an 8x8
// integration sending unexpected variations would reach it: never a 5xx, every refusal JSON in the
// 8x8 error shape, nothing written by a refused request, and another tenant's things answered 404.

const routes: RouteUnderTest[] = await routesUnderTest();
const demo: Tenant = { accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps', channelId: 'acme_corp_whatsapp', apiKey: DEMO_API_KEY };
let other: Tenant;
let server: TestApiServer;
let mine: Record<string, string>;
let theirs: Record<string, string>;
let revokedKey: string;
// Things the demo tenant had and deleted (soft-deleted rows are still in the tables).
const deleted: Record<string, string> = {};

beforeAll(async () => {
  await seedDemoTenant();
  const o = await createOtherTenant();
  other = { accountId: o.accountId, subAccountId: o.subAccountId, channelId: o.channelId, apiKey: o.apiKey };
  server = await startTestApiServer();
  mine = await tenantFixtures(server.base, demo);
  // A name of its own, so that a request naming it in the demo channel cannot find the demo's template.
  theirs = await tenantFixtures(server.base, other, 'their_order_shipped');
  deleted['webhooks/[id]'] = await createWebhook(server.base, demo);
  deleted['workflows/[id]'] = await createWorkflow(server.base, demo);
  deleted['templates/[name]'] = await disposableTemplate(demo);
  const acc = '/api/v1/accounts/acme_corp';
  for (const path of [
    `${acc}/webhooks/${deleted['webhooks/[id]']}`,
    `${acc}/workflows/${deleted['workflows/[id]']}`,
    `${acc}/channels/${demo.channelId}/templates/${deleted['templates/[name]']}`,
  ]) {
    const a = await send(server.base, { method: 'DELETE', path, headers: auth() });
    if (a.status >= 300) throw new Error(`could not delete ${path}: ${a.status}`);
  }
  const revoked = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'revoked' });
  await revokeApiKey(db, 'acme_corp', revoked.id, SYSTEM_ACTOR);
  revokedKey = revoked.secret;
});

afterAll(() => server?.close());

const UPSERTS_BY_NUMBER = new Set(['PUT /accounts/[accountId]/contacts/[msisdn]', 'PUT /accounts/[accountId]/opt-outs/[msisdn]']);
const auth = (key = DEMO_API_KEY) => ({ authorization: `Bearer ${key}` });
const json = { 'content-type': 'application/json' };
const text = bodyText;

/** Path values naming the demo tenant's own things; a DELETE gets things of its own to delete. */
async function ownValues(r: RouteUnderTest, method: string): Promise<Record<string, string>> {
  return method === 'DELETE' ? deletableValues(server.base, demo, paramKeys(r.route), mine) : mine;
}

/** A 2xx to the demo key that shows the other tenant's data is a leak; a refusal may echo the id it was given. */
function leaks(status: number, body: string): boolean {
  const own = new Set(Object.values(mine));
  return status < 300 && [other.accountId, ...Object.values(theirs).filter((v) => !own.has(v))].some((v) => body.includes(v));
}

describe('the audit', () => {
  it('finds every route under app/api/v1 and knows a value for each path parameter', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
    const unknown = routes.flatMap((r) =>
      paramKeys(r.route)
        .filter((k) => !(k in mine))
        .map((k) => `${k} in ${r.pattern}`),
    );
    expect(unknown).toEqual([]);
  });
});

for (const r of routes) {
  for (const method of r.methods) {
    const name = `${method} ${r.pattern}`;
    const catchAll = r.pattern.includes('[...');

    describe(name, () => {
      // The OpenAPI document is public: it answers without a key (openapi-coverage.test.ts checks that).
      it.skipIf(isPublicRoute(r.pattern))('refuses a missing, malformed, revoked or unknown key with 401 1200, and another tenant’s key with 404', async () => {
        const problems: string[] = [];
        const path = withQuery(demo, r, method, buildPath(r.route, await ownValues(r, method)));
        const body = BODY_METHODS.includes(method) ? text(bodiesFor(demo, r, method)[0]) : undefined;
        const keys: [string, Record<string, string | string[]>][] = [
          ['no Authorization', {}],
          ['an empty Authorization', { authorization: '' }],
          ['Bearer without a key', { authorization: 'Bearer' }],
          ['a wrong key', { authorization: 'Bearer prl_wrong_0123456789' }],
          ['the key without a scheme', { authorization: DEMO_API_KEY }],
          ['the key as Basic auth', { authorization: `Basic ${Buffer.from(`${DEMO_API_KEY}:`).toString('base64')}` }],
          ['the key with a second token', { authorization: `Bearer ${DEMO_API_KEY} extra` }],
          ['two Authorization headers', { authorization: [`Bearer ${DEMO_API_KEY}`, 'Bearer prl_wrong'] }],
          ['a key with emoji', { authorization: `Bearer ${encodeURIComponent('😀')}` }],
          ['a 10,000-character key', { authorization: `Bearer ${'k'.repeat(10_000)}` }],
          ['a revoked key', auth(revokedKey)],
        ];
        for (const [label, headers] of keys) {
          await probe(server.base, problems, label, { method, path, headers: { ...json, ...headers }, body }, (s) => s === 401);
        }
        for (const [label, header] of [
          ['a lower-case scheme', `bearer ${DEMO_API_KEY}`],
          ['extra spaces', `Bearer   ${DEMO_API_KEY}  `],
        ]) {
          await probe(server.base, problems, label, { method, path, headers: { ...json, authorization: header! }, body }, (s) => s !== 401);
        }
        const foreign = await probe(
          server.base,
          problems,
          "another tenant's key",
          { method, path, headers: { ...json, ...auth(other.apiKey) }, body },
          (s) => s === 404,
        );
        if (leaks(foreign.status, foreign.text)) problems.push(`another tenant's key read ${path}`);
        expect(problems).toEqual([]);
      });

      if (BODY_METHODS.includes(method)) {
        it('refuses malformed JSON and JSON that is not an object with a 4xx', async () => {
          const problems: string[] = [];
          const path = withQuery(demo, r, method, buildPath(r.route, mine));
          const notObjects: [string, string | Buffer][] = [
            ['truncated JSON', '{"user":'],
            ['a trailing comma', '{"a":1,}'],
            ['single quotes', "{'a': 1}"],
            ['two JSON values', '{"a":1}{"b":2}'],
            ['NaN', 'NaN'],
            ['a list', '[]'],
            ['a list of objects', '[{}]'],
            ['a string', '"text"'],
            ['a number', '42'],
            ['a huge number', '1e400'],
            ['null', 'null'],
            ['true', 'true'],
            ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
            ['JSON nested 10,000 levels', `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
          ];
          for (const [label, body] of notObjects)
            await probe(server.base, problems, label, { method, path, headers: { ...json, ...auth() }, body }, (s) => s >= 400 && s < 500);
          for (const [label, body] of [
            ['an empty body', ''],
            ['whitespace', ' \n '],
            ['an empty object', '{}'],
            ['a UTF-8 byte-order mark', '\uFEFF{}'],
          ]) {
            await probe(server.base, problems, label, { method, path, headers: { ...json, ...auth() }, body: body! });
          }
          const huge = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
          await probe(server.base, problems, 'a 6 MB body', { method, path, headers: { ...json, ...auth() }, body: huge }, (s) => s === 413 || s === 400);
          expect(problems).toEqual([]);
        });

        it('never fails on a field left out or of the wrong type, at any depth', async () => {
          const problems: string[] = [];
          const path = withQuery(demo, r, method, buildPath(r.route, mine));
          for (const valid of bodiesFor(demo, r, method)) {
            const top = text(valid).slice(1);
            const extras: [string, string][] = [
              ['an unknown field', `{"unexpected":{"deep":[1]},${top}`],
              ['a __proto__ field', `{"__proto__":{"admin":true},${top}`],
              ['a constructor field', `{"constructor":{"prototype":{"admin":true}},${top}`],
              ['every key twice', `${text(valid).slice(0, -1)},${top}`],
            ];
            for (const [label, body] of extras) await probe(server.base, problems, label, { method, path, headers: { ...json, ...auth() }, body });
            for (const m of fieldMutations(valid)) {
              await probe(server.base, problems, m.label, { method, path, headers: { ...json, ...auth() }, body: text(freshKeys(m.body, valid)) });
            }
          }
          expect(problems).toEqual([]);
        }, 600_000);

        it('reads JSON whatever the content type, and refuses forms and XML with a 4xx', async () => {
          const problems: string[] = [];
          const path = withQuery(demo, r, method, buildPath(r.route, mine));
          const valid = text(bodiesFor(demo, r, method)[0]);
          for (const type of ['text/plain', 'application/json; charset=utf-8', 'application/octet-stream', 'multipart/form-data']) {
            await probe(server.base, problems, `JSON as ${type}`, { method, path, headers: { ...auth(), 'content-type': type }, body: valid });
          }
          await probe(server.base, problems, 'JSON without a content type', { method, path, headers: auth(), body: valid });
          await probe(server.base, problems, 'JSON in ISO-8859-1', {
            method,
            path,
            headers: { ...auth(), 'content-type': 'application/json; charset=iso-8859-1' },
            body: Buffer.from(valid, 'latin1'),
          });
          const refused: [string, string, string][] = [
            ['XML', 'application/xml', '<message><text>Hi</text></message>'],
            ['a charset nobody knows', 'application/json; charset=klingon', valid],
            ['a URL-encoded form', 'application/x-www-form-urlencoded', 'user%5Bmsisdn%5D=%2B6591234567&type=text'],
            ['a multipart form without a file', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\nHi\r\n--b--\r\n'],
            ['a multipart form cut short', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n'],
          ];
          for (const [label, type, body] of refused) {
            await probe(
              server.base,
              problems,
              label,
              { method, path, headers: { ...auth(), 'content-type': type }, body },
              (s) => catchAll || (s >= 400 && s < 500),
            );
          }
          expect(problems).toEqual([]);
        });
      }

      if (method === 'POST') {
        it('never fails on odd multipart uploads', async () => {
          const problems: string[] = [];
          const path = withQuery(demo, r, method, buildPath(r.route, mine));
          const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
          const forms: [string, (f: FormData) => void][] = [
            ['an empty file', (f) => f.set('file', new Blob([]), 'empty.png')],
            ['a file named with a path', (f) => f.set('file', new Blob([png], { type: 'image/png' }), '../../etc/passwd.png')],
            ['a 5,000-character emoji file name', (f) => f.set('file', new Blob([png], { type: 'image/png' }), `${'😀'.repeat(2500)}.png`)],
            [
              'two files',
              (f) => (f.append('file', new Blob([png], { type: 'image/png' }), 'a.png'), f.append('file', new Blob([png], { type: 'image/png' }), 'b.png')),
            ],
            ['a program', (f) => f.set('file', new Blob([Buffer.from('MZ\x90\x00')], { type: 'application/x-msdownload' }), 'setup.exe')],
            ['text claiming to be a PNG', (f) => f.set('file', new Blob(['not a picture'], { type: 'image/png' }), 'a.png')],
            ['a file of an unknown type', (f) => f.set('file', new Blob([png], { type: 'bogus/😀' }), 'a')],
            ['the file as a text field', (f) => f.set('file', 'just text')],
            ['5,000 fields', (f) => Array.from({ length: 5000 }, (_, i) => f.append(`f${i}`, 'x'))],
          ];
          for (const [label, fill] of forms) {
            const form = new FormData();
            fill(form);
            const encoded = new Response(form);
            const body = Buffer.from(await encoded.arrayBuffer());
            await probe(server.base, problems, label, { method, path, headers: { ...auth(), 'content-type': encoded.headers.get('content-type')! }, body });
          }
          const raw: [string, string, string][] = [
            [
              'multipart without a boundary',
              'multipart/form-data',
              '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nx\r\n--b--\r\n',
            ],
            [
              'another boundary than declared',
              'multipart/form-data; boundary=zzz',
              '--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nx\r\n--b--\r\n',
            ],
            ['a part without headers', 'multipart/form-data; boundary=b', '--b\r\n\r\nx\r\n--b--\r\n'],
          ];
          for (const [label, type, body] of raw)
            await probe(server.base, problems, label, { method, path, headers: { ...auth(), 'content-type': type }, body });
          expect(problems).toEqual([]);
        });
      }

      if (paramKeys(r.route).length && !catchAll) {
        it('answers 404 (or 400) for unknown, deleted, foreign and odd ids in the path, and 404 for every id of another tenant or deleted thing', async () => {
          const problems: string[] = [];
          const own = await ownValues(r, method);
          const body = BODY_METHODS.includes(method) ? text(bodiesFor(demo, r, method)[0]) : undefined;
          for (const key of paramKeys(r.route)) {
            const odd: [string, string][] = [
              ['an unknown id', 'does-not-exist'],
              ['an id with emoji', encodeURIComponent('😀 ñ')],
              ['a 3,000-character id', 'x'.repeat(3000)],
              ['a NUL', '%00'],
              ['dot-dot', '%2E%2E'],
              ['an encoded slash', 'a%2Fb'],
              ['a space', '%20'],
              ['SQL', encodeURIComponent("1' OR '1'='1")],
              ['broken percent-encoding', '%E0%A4%A'],
            ];
            for (const [label, value] of odd) {
              const path = withQuery(demo, r, method, buildPath(r.route, own, { [key]: value }));
              await probe(server.base, problems, `${key} as ${label}`, { method, path, headers: { ...json, ...auth() }, body }, (s) => s === 404 || s === 400);
            }
            if (deleted[key]) {
              const path = withQuery(demo, r, method, buildPath(r.route, own, { [key]: deleted[key]! }));
              await probe(server.base, problems, `${key} deleted before`, { method, path, headers: { ...json, ...auth() }, body }, (s) => s === 404);
            }
            // A PUT that upserts by number (contacts, opt-outs) makes another tenant's number this tenant's own: no id to refuse.
            if (theirs[key] !== own[key] && !UPSERTS_BY_NUMBER.has(name)) {
              const path = withQuery(demo, r, method, buildPath(r.route, own, { [key]: theirs[key]! }));
              const a = await probe(
                server.base,
                problems,
                `${key} of another tenant`,
                { method, path, headers: { ...json, ...auth() }, body },
                (s) => s === 404,
              );
              if (leaks(a.status, a.text)) problems.push(`${path} answered another tenant's data`);
            }
          }
          expect(problems).toEqual([]);
        });
      }

      it('never fails on bad, repeated or oversized query parameters', async () => {
        const problems: string[] = [];
        const body = BODY_METHODS.includes(method) ? text(bodiesFor(demo, r, method)[0]) : undefined;
        const queries = [
          'limit=-1',
          'limit=0',
          'limit=abc',
          'limit=100000',
          'limit=1.5',
          'limit=1e3',
          'limit=',
          'limit=1&limit=abc',
          'limit[]=1',
          'cursor=garbage',
          `cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
          `cursor=${Buffer.from('2026-01-01|x').toString('base64url')}`,
          `cursor=${'c'.repeat(5000)}`,
          'from=not-a-date',
          'to=2026-13-45',
          'from=2030-01-01&to=2020-01-01',
          'from=1e400',
          'from=-271821-04-19T00:00:00Z',
          'status=bogus',
          'status=',
          'direction=sideways',
          'channel=fax',
          'country=ZZZ',
          'msisdn=abc',
          'umid=%00',
          'version=abc',
          'version=0',
          'version=99999999999999999999',
          'language=%F0%9F%98%80',
          'language=xx_YY',
          'language=',
          `contains=%25`,
          `contains=${'z'.repeat(10_000)}`,
          'definitionId=nope',
          'trigger=bogus',
          'category=bogus',
          `name=${'n'.repeat(10_000)}`,
          'subAccountId=nope',
          `subAccountId=${encodeURIComponent('😀')}`,
          `subAccountId=${other.subAccountId}`,
          'subAccountId=',
          '%zz=1',
          'a=%E0%A4%A',
          '&&&',
          '=',
        ];
        for (const q of queries) {
          const path = withQuery(demo, r, method, buildPath(r.route, await ownValues(r, method)), q);
          const a = await probe(server.base, problems, `?${q.slice(0, 40)}`, { method, path, headers: { ...json, ...auth() }, body });
          if (leaks(a.status, a.text)) problems.push(`?${q} answered another tenant's data`);
        }
        expect(problems).toEqual([]);
      });
    });
  }
}

// Last, so that it reads what all the probes above stored: an answer that was accepted must not break
// a later read (an account with a thousand workflows once made the workflow list answer 500).
describe('every route, after all the above', () => {
  it('still reads, and answers HEAD, OPTIONS and a method it does not serve without a 5xx, a 405 in the error shape', async () => {
    const problems: string[] = [];
    for (const r of routes) {
      const path = buildPath(r.route, mine);
      if (r.methods.includes('GET') && !r.pattern.includes('[...'))
        await probe(server.base, problems, 'GET', { method: 'GET', path: withQuery(demo, r, 'GET', path), headers: auth() }, (s) => s < 300);
      await probe(server.base, problems, 'HEAD', { method: 'HEAD', path, headers: auth() });
      await probe(server.base, problems, 'OPTIONS', { method: 'OPTIONS', path });
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !r.methods.includes(m))) {
        await probe(server.base, problems, `${method} not served`, { method, path, headers: { ...json, ...auth() }, body: '{}' }, (s) => s === 405);
      }
      const withBody: Sent = { method: 'GET', path, headers: { ...json, ...auth() }, body: '{"user":' };
      await probe(server.base, problems, 'GET with a malformed body', withBody);
    }
    expect(problems).toEqual([]);
  });
});
