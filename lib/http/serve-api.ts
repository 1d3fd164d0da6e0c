import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, toErrorResponse } from '@/lib/api/error-response';
import { discoverRoutes, matchRoute, type RouteModule } from '@/lib/http/api-router';
import { BodyTooLargeError, sendWebResponse, toWebRequest } from '@/lib/http/node-web-bridge';
import { MAX_JSON_BYTES } from '@/lib/api/read-json-body';
import { MAX_UPLOAD_BODY } from '@/lib/media/media-types';
import { MAX_CAMPAIGN_BODY_BYTES } from '@/lib/campaigns/audience/audience-file';

// Media uploads (multipart POST /subaccounts/{id}/files) are the largest bodies: documents up to
// 100 MB. Every other route reads JSON. The limit follows the route, never the Content-Type the client
// claims: "multipart/form-data" on a JSON route once bought a 20 MB JSON body.
const UPLOAD_ROUTES = new Set([path.join('subaccounts', '[subAccountId]', 'files', 'route.ts')]);
// Campaign audiences (multipart POST /accounts/{id}/campaigns, CSVs up to 200 MB) go to disk as they
// arrive: the body is passed on as a stream, under this cap, and the route caps each part itself.
const STREAMED_ROUTES = new Map([[path.join('accounts', '[accountId]', 'campaigns', 'route.ts'), MAX_CAMPAIGN_BODY_BYTES]]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export type ApiServer = { prefix: string; handle(req: IncomingMessage, res: ServerResponse): Promise<void> };

/**
 * Serves the route handlers of `<root>/app/api/v1` under /api/v1 straight from Node's http server.
 * The handlers are the very modules Next serves in development; they authenticate and answer in the
 * 8x8 error shape themselves (lib/api/with-api-key.ts).
 */
export function createApiServer(root: string, prefix = '/api/v1'): ApiServer {
  const apiDir = path.join(root, 'app', ...prefix.split('/').filter(Boolean));
  const routes = discoverRoutes(apiDir);
  const bodyLimit = (file: string) => (UPLOAD_ROUTES.has(path.relative(apiDir, file)) ? MAX_UPLOAD_BODY : MAX_JSON_BYTES);
  const modules = new Map<string, Promise<RouteModule>>();
  const load = (file: string) => {
    let m = modules.get(file);
    if (!m) modules.set(file, (m = import(pathToFileURL(file).href) as Promise<RouteModule>));
    return m;
  };

  async function respond(req: IncomingMessage): Promise<{ response: Response; withBody: boolean }> {
    const url = req.url ?? '/';
    const pathname = url.split('?', 1)[0]!;
    // No id or filter holds a NUL (bodies with one are refused too: lib/api/read-json-body.ts), and
    // PostgreSQL refuses it in a query's text: a clean 400 rather than a failed lookup.
    if (/%00/i.test(url)) return { response: errorResponse(400, 1005, 'Invalid parameter(s): the URL holds a NUL character (%00)'), withBody: true };
    let parts: string[];
    try {
      parts = pathname.slice(prefix.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return { response: errorResponse(400, 1005, 'Invalid parameter(s): the path is not valid URL encoding'), withBody: true };
    }
    const match = matchRoute(routes, parts);
    const method = (req.method ?? 'GET').toUpperCase();
    const mod = match ? await load(match.route.file) : null;
    const allowed = mod ? METHODS.filter((m) => typeof mod[m] === 'function') : [];
    if (method === 'OPTIONS') return { response: new Response(null, { status: 204, headers: { allow: [...allowed, 'OPTIONS'].join(', ') } }), withBody: false };
    const handler = mod?.[method === 'HEAD' ? 'GET' : method];
    if (!match || !handler) {
      const response = errorResponse(match ? 405 : 404, 1005, match ? `Method ${method} is not allowed here` : `No API endpoint ${method} ${pathname}`);
      if (match) response.headers.set('allow', allowed.join(', '));
      return { response, withBody: true };
    }
    let request: Request;
    try {
      const streamed = STREAMED_ROUTES.get(path.relative(apiDir, match.route.file));
      request = await toWebRequest(req, streamed ?? bodyLimit(match.route.file), streamed !== undefined);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        // The rest of the body is still on its way: close the connection after answering, so it is
        // not read as the next request.
        const response = errorResponse(413, 1005, err.message);
        response.headers.set('connection', 'close');
        return { response, withBody: true };
      }
      throw err;
    }
    return { response: await handler(request, { params: Promise.resolve(match.params) }), withBody: method !== 'HEAD' };
  }

  return {
    prefix,
    async handle(req, res) {
      let out: { response: Response; withBody: boolean };
      try {
        out = await respond(req);
      } catch (err) {
        out = { response: toErrorResponse(err), withBody: true };
      }
      // A streamed body refused before it was all read (a bad key, a 413): close the connection after
      // answering, so the rest of it is not read as the next request.
      if (!req.complete && out.response.status >= 400) out.response.headers.set('connection', 'close');
      await sendWebResponse(res, out.response, out.withBody);
    },
  };
}
