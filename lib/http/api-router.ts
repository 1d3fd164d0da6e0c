import fs from 'node:fs';
import path from 'node:path';

// File-system routing for the REST API, as Next does it for app/api/v1/**/route.ts: a folder named
// [x] is a parameter, [...x] catches the rest; static segments win over parameters, parameters over
// catch-alls. The custom server (scripts/serve.ts) uses it to call the same route handlers without
// Next's page machinery, which costs ~1.5 ms a request on this class of machine (bench/messaging).

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
export type RouteModule = Partial<Record<string, RouteHandler>>;

type Segment = { kind: 'static'; value: string } | { kind: 'param'; name: string } | { kind: 'rest'; name: string };
export type ApiRoute = { file: string; segments: Segment[] };
export type ApiMatch = { route: ApiRoute; params: Record<string, string | string[]> };

function segmentOf(name: string): Segment {
  const rest = /^\[\.\.\.(.+)\]$/.exec(name);
  if (rest) return { kind: 'rest', name: rest[1]! };
  const param = /^\[(.+)\]$/.exec(name);
  if (param) return { kind: 'param', name: param[1]! };
  return { kind: 'static', value: name };
}

const rank = (s: Segment) => (s.kind === 'static' ? 0 : s.kind === 'param' ? 1 : 2);

/** Every route.ts under `dir` (e.g. app/api/v1), served under `prefix` (e.g. /api/v1), most specific first. */
export function discoverRoutes(dir: string): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (folder: string, segments: Segment[]) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), [...segments, segmentOf(entry.name)]);
      else if (entry.name === 'route.ts' || entry.name === 'route.js') routes.push({ file: path.join(folder, entry.name), segments });
    }
  };
  walk(dir, []);
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const d = rank(a.segments[i]!) - rank(b.segments[i]!);
      if (d) return d;
    }
    return b.segments.length - a.segments.length;
  });
}

/** The route serving `parts` (the path below the prefix, split on "/", URL-decoded), with its params. */
export function matchRoute(routes: ApiRoute[], parts: string[]): ApiMatch | null {
  outer: for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    for (let i = 0; i < route.segments.length; i++) {
      const seg = route.segments[i]!;
      if (seg.kind === 'rest') {
        if (i >= parts.length) continue outer;
        params[seg.name] = parts.slice(i);
        return { route, params };
      }
      const part = parts[i];
      if (part === undefined) continue outer;
      if (seg.kind === 'static' ? seg.value !== part : false) continue outer;
      if (seg.kind === 'param') params[seg.name] = part;
    }
    if (route.segments.length === parts.length) return { route, params };
  }
  return null;
}
