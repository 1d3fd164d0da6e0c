import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverRoutes, matchRoute, type RouteModule } from '@/lib/http/api-router';
import { routesUnderTest, type RouteUnderTest } from '@/test/api-robustness-kit';
import { API_OPERATIONS, toOpenApiPath } from '@/lib/api/openapi/operations';
import { buildOpenApiDocument } from '@/lib/api/openapi/build-openapi-document';

// The document against the file system: every route.ts under app/api/v1 and each method it exports
// must be documented (with the permission its withApiKey is really given), and every documented
// operation must be served. The [...path] catch-all is the 404 for unknown paths, not an operation.

const HOW = 'list it in lib/api/openapi/operations/*.ts';
let routes: RouteUnderTest[];

beforeAll(async () => {
  routes = (await routesUnderTest()).filter((r) => !r.pattern.includes('[...'));
});

const key = (method: string, path: string) => `${method} ${path}`;

describe('the OpenAPI document covers app/api/v1', () => {
  it('documents every route and method the app serves', () => {
    const documented = new Set(API_OPERATIONS.map((o) => key(o.method, o.path)));
    const missing = routes.flatMap((r) => r.methods.map((m) => key(m, toOpenApiPath(r.pattern)))).filter((k) => !documented.has(k));
    expect(missing.map((m) => `${m} is served but not documented: ${HOW}`)).toEqual([]);
  });

  it('documents no operation that no route serves', () => {
    const served = new Set(routes.flatMap((r) => r.methods.map((m) => key(m, toOpenApiPath(r.pattern)))));
    const extra = API_OPERATIONS.map((o) => key(o.method, o.path)).filter((k) => !served.has(k));
    expect(extra.map((e) => `${e} is documented but no route.ts exports it`)).toEqual([]);
  });

  it('states the permission each route’s withApiKey checks, and marks public exactly the routes without a key', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const mod = (await import(pathToFileURL(r.route.file).href)) as RouteModule;
      for (const m of r.methods) {
        const op = API_OPERATIONS.find((o) => o.method === m && o.path === toOpenApiPath(r.pattern));
        if (!op) continue;
        const handler = mod[m] as unknown as { permission?: unknown };
        const keyed = 'permission' in handler;
        if (op.public && keyed) wrong.push(`${op.operationId} is documented public but the route takes a key`);
        if (!op.public && !keyed) wrong.push(`${op.operationId}: the route is not wrapped in withApiKey`);
        if (keyed && JSON.stringify(handler.permission) !== JSON.stringify(op.permission))
          wrong.push(`${op.operationId}: documented ${JSON.stringify(op.permission)}, the route checks ${JSON.stringify(handler.permission)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has unique operation ids and one operation per method and path', () => {
    const ids = API_OPERATIONS.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const keys = API_OPERATIONS.map((o) => key(o.method, o.path));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is served by its own route, not the [...path] catch-all', () => {
    const all = discoverRoutes(path.join(process.cwd(), 'app', 'api', 'v1'));
    expect(matchRoute(all, ['openapi.json'])?.route.file).toBe(path.join(process.cwd(), 'app', 'api', 'v1', 'openapi.json', 'route.ts'));
  });

  it('answers the document without an API key, cacheable, with a relative server URL', async () => {
    const { GET } = await import('@/app/api/v1/openapi.json/route');
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('cache-control')).toContain('public');
    const doc = await res.json();
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(doc.servers).toEqual([{ url: '/api/v1', description: 'This Parley server' }]);
    expect(doc.paths['/openapi.json'].get.security).toEqual([]);
  });
});
