// For lib/http/api-robustness.test.ts: the routes of app/api/v1 as the file system has them, a raw
// HTTP client (fetch refuses a GET with a body, duplicate headers and broken bodies, which real
// integrations do send) and the checks every answer must pass.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { db } from '@/lib/db/client';
import { discoverRoutes, type ApiRoute, type RouteModule } from '@/lib/http/api-router';

export const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export type RouteUnderTest = { pattern: string; route: ApiRoute; methods: string[] };

/** Every route.ts under app/api/v1 with the methods it exports: a new route is audited without listing it. */
export async function routesUnderTest(): Promise<RouteUnderTest[]> {
  const routes = discoverRoutes(path.join(process.cwd(), 'app', 'api', 'v1'));
  return Promise.all(
    routes.map(async (route) => {
      const mod = (await import(pathToFileURL(route.file).href)) as RouteModule;
      const pattern = '/' + route.segments.map((s) => (s.kind === 'static' ? s.value : s.kind === 'param' ? `[${s.name}]` : `[...${s.name}]`)).join('/');
      return { pattern, route, methods: METHODS.filter((m) => typeof mod[m] === 'function') };
    }),
  );
}

/**
 * A path parameter is known by the static segment before it ("webhooks/[id]" and "workflows/[id]"
 * are different things). Values are raw path text: already URL-encoded.
 */
export function paramKey(route: ApiRoute, index: number): string {
  const seg = route.segments[index]!;
  const prev = route.segments
    .slice(0, index)
    .reverse()
    .find((s) => s.kind === 'static');
  const name = seg.kind === 'rest' ? `[...${seg.name}]` : seg.kind === 'param' ? `[${seg.name}]` : seg.value;
  return `${prev && prev.kind === 'static' ? prev.value : ''}/${name}`;
}

export function paramKeys(route: ApiRoute): string[] {
  return route.segments.flatMap((s, i) => (s.kind === 'static' ? [] : [paramKey(route, i)]));
}

/** The URL path of `route` with each parameter from `values` (keyed by paramKey), `override` winning. */
export function buildPath(route: ApiRoute, values: Record<string, string>, override: Record<string, string> = {}): string {
  const parts = route.segments.map((s, i) => {
    if (s.kind === 'static') return s.value;
    const key = paramKey(route, i);
    const v = override[key] ?? values[key];
    if (v === undefined) throw new Error(`No value for path parameter ${key} of ${route.file}`);
    return v;
  });
  return `/api/v1/${parts.join('/')}`;
}

export type Sent = { method: string; path: string; headers?: Record<string, string | string[]>; body?: string | Buffer };
export type Answer = { status: number; contentType: string; text: string; json: any };

/** One request over a fresh connection, exactly as given. */
export function send(base: string, req: Sent): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const r = http.request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text, json });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

// The tables a request can write to. A refused request must leave every count as it was.
const COUNTED = {
  message: () => db.message.count(),
  messageJob: () => db.messageJob.count(),
  template: () => db.template.count(),
  workflow: () => db.workflow.count(),
  workflowVersion: () => db.workflowVersion.count(),
  workflowInstance: () => db.workflowInstance.count(),
  webhookEndpoint: () => db.webhookEndpoint.count(),
  webhookDelivery: () => db.webhookDelivery.count(),
  mediaFile: () => db.mediaFile.count(),
  event: () => db.event.count(),
  auditEvent: () => db.auditEvent.count(),
  contact: () => db.contact.count(),
  contactTag: () => db.contactTag.count(),
  optOut: () => db.optOut.count(),
};

export async function rowCounts(): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(COUNTED).map(async ([k, f]) => [k, await f()] as const));
  return Object.fromEntries(entries);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What is wrong with an answer: a 5xx, or a 4xx that is not JSON in the 8x8 error shape. */
export function shapeProblems(a: Answer): string[] {
  if (a.status >= 500) return [`answered ${a.status}: ${a.text.slice(0, 200)}`];
  if (a.status < 400) return [];
  const out: string[] = [];
  const b = a.json;
  if (!a.contentType.includes('application/json') || !b || typeof b !== 'object' || Array.isArray(b))
    return [`${a.status} is not a JSON object (${a.contentType}): ${a.text.slice(0, 200)}`];
  if (typeof b.code !== 'number') out.push(`${a.status} without a numeric code`);
  if (typeof b.message !== 'string' || !b.message) out.push(`${a.status} without a message`);
  if (typeof b.errorId !== 'string' || !UUID.test(b.errorId)) out.push(`${a.status} without an errorId`);
  if (typeof b.timestamp !== 'string' || new Date(b.timestamp).toISOString() !== b.timestamp) out.push(`${a.status} without an ISO timestamp`);
  if (b.errors !== undefined && (!Array.isArray(b.errors) || b.errors.some((e: any) => typeof e?.path !== 'string' || typeof e?.message !== 'string')))
    out.push(`${a.status} with a malformed errors[]`);
  if (a.status === 401 && b.code !== 1200) out.push(`401 with code ${b.code}, not 1200`);
  return out;
}

/**
 * Sends `req` and records, under `label`, anything wrong with the answer, a write made by a refused
 * request, or a status outside `expect` (when given). Requests go one at a time so that a change in
 * the counts belongs to the request that made it.
 */
export async function probe(base: string, problems: string[], label: string, req: Sent, expect?: (status: number) => boolean): Promise<Answer> {
  const before = await rowCounts();
  const a = await send(base, req);
  // A HEAD answer has no body to be in any shape.
  const found = req.method === 'HEAD' ? (a.status >= 500 ? [`answered ${a.status}`] : []) : shapeProblems(a);
  if (expect && !expect(a.status)) found.push(`unexpected ${a.status}: ${a.text.slice(0, 200)}`);
  if (a.status >= 400) {
    const after = await rowCounts();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    if (changed.length) found.push(`refused with ${a.status} but wrote to ${changed.join(', ')}`);
  }
  for (const f of found) problems.push(`${label} — ${req.method} ${req.path.slice(0, 160)}: ${f}`);
  return a;
}

const LONG = 'x'.repeat(100_000);
// Right-to-left override, a NUL, a lone surrogate escape, emoji with a skin tone and CJK.
const ODD_TEXT = 'Olá 😀👍🏽 中文 \u202etxet\u0000 \ud800';

// JSON can write a number too large for a double ("1e400" parses as Infinity); JSON.stringify cannot.
const HUGE_NUMBER = '__huge_number__';

/** JSON text of `body`, with HUGE_NUMBER written as 1e400. */
export const bodyText = (body: unknown) => JSON.stringify(body).replaceAll(`"${HUGE_NUMBER}"`, '1e400');

/** Values of every JSON type, to put where a field of another type belongs. */
export const WRONG_VALUES: [string, unknown][] = [
  ['null', null],
  ['a number', 12345],
  ['a number too large for a double', HUGE_NUMBER],
  ['a negative number', -1],
  ['a fraction', 1.5],
  ['true', true],
  ['a string', 'x'],
  ['an empty string', ''],
  ['a 100,000-character string', LONG],
  ['unicode and emoji', ODD_TEXT],
  ['digits as text', '42'],
  ['a date-time in year 0', '0000-01-01T00:00:00Z'],
  ['a date-time on 30 February', '2026-02-30T10:00:00Z'],
  ['a template expression', '{{data.x}} {{1}} ${x}'],
  ['an integer beyond 2^53', 2 ** 60],
  ['an object', { a: 1 }],
  ['an empty object', {}],
  ['a list', [1, 'a']],
  ['an empty list', []],
];

type Mutation = { label: string; body: unknown };

/** The body with one field at a time removed or replaced by a value of each other type, at any depth. */
export function* fieldMutations(body: unknown, at: (string | number)[] = []): Generator<Mutation> {
  if (!body || typeof body !== 'object') return;
  const keys: (string | number)[] = Array.isArray(body) ? body.map((_, i) => i) : Object.keys(body);
  for (const k of keys) {
    const where = [...at, k].join('.');
    const current = (body as any)[k];
    if (!Array.isArray(body)) yield { label: `${where} left out`, body: replaceAt(body, k, undefined) };
    for (const [name, v] of WRONG_VALUES) {
      if (JSON.stringify(v) !== JSON.stringify(current)) yield { label: `${where} as ${name}`, body: replaceAt(body, k, v) };
    }
    for (const m of fieldMutations(current, [...at, k])) yield { label: m.label, body: replaceAt(body, k, m.body) };
  }
}

function replaceAt(container: unknown, key: string | number, value: unknown): unknown {
  if (Array.isArray(container)) return container.map((v, i) => (i === key ? value : v));
  const copy: Record<string, unknown> = { ...(container as Record<string, unknown>) };
  if (value === undefined) delete copy[key as string];
  else copy[key as string] = value;
  return copy;
}
