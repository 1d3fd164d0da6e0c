import { db } from '@/lib/db/client';
import { authenticateApiKey, type ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { NotFoundError } from '@/lib/errors';
import { errorResponse, toErrorResponse } from '@/lib/api/error-response';

export type ApiContext<P> = { req: Request; key: ApiKeyPrincipal; params: P };
type RouteContext<P> = { params: Promise<P> };

/**
 * Every /api/v1 route handler is wrapped in this: it authenticates the API key (401 code 1200), checks
 * that an {accountId} in the path is the key's own account (404 otherwise), and maps thrown domain
 * errors to the 8x8 error shape in one place.
 */
export function withApiKey<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const key = await authenticateApiKey(db, req.headers.get('authorization'));
      if (!key) return errorResponse(401, 1200, 'Unauthorized: the Authorization: Bearer header is missing or the API key is incorrect');
      const params = ((await route?.params) ?? {}) as P;
      if ('accountId' in params && params.accountId !== key.accountId) throw new NotFoundError(`Account '${params.accountId}' not found`);
      return await handler({ req, key, params });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}
