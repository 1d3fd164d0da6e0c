import { db } from '@/lib/db/client';
import { authenticateApiKey, type ApiKeyPrincipal } from '@/lib/auth/api-keys';
import { permissionLabel, type Permission } from '@/lib/auth/permissions';
import { AccountSuspendedError, NotFoundError, PermissionError, RateLimitError } from '@/lib/errors';
import { errorResponse, toErrorResponse } from '@/lib/api/error-response';
import { takeApiCall } from '@/lib/api/api-rate-limit';

export type ApiContext<P> = { req: Request; key: ApiKeyPrincipal; params: P };
type RouteContext<P> = { params: Promise<P> };

export type ApiKeyOptions = {
  /**
   * What the route does, as the role permissions name it; a list needs all of them. null: any valid
   * key (account structure, unknown paths). Required, so that no route is left open by omission.
   */
  permission: Permission | Permission[] | null;
};

/** Refuses a key whose scopes lack one of `required` (scopes null: a key from before scopes, full access). */
function assertKeyMay(key: Pick<ApiKeyPrincipal, 'scopes'>, required: Permission | Permission[] | null): void {
  if (!key.scopes || !required) return;
  const missing = (Array.isArray(required) ? required : [required]).find((p) => !key.scopes!.includes(p));
  if (missing) throw new PermissionError(`Forbidden: this API key does not have the '${permissionLabel(missing)}' (${missing}) permission`);
}

/**
 * Every /api/v1 route handler is wrapped in this: it authenticates the API key (401 code 1200), holds
 * the key to its rate (429 with Retry-After), checks the key's scopes against the route's permission
 * (403), checks that an {accountId} in the path is the key's own account and a {partnerId} its partner
 * (404 otherwise), refuses every call of a suspended account's key (403 code 1200), and maps
 * thrown domain errors to the 8x8 error shape in one place.
 */
export function withApiKey<P extends Record<string, string> = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
  options: ApiKeyOptions,
) {
  const wrapped = async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const key = await authenticateApiKey(db, req.headers.get('authorization'));
      if (!key) return errorResponse(401, 1200, 'Unauthorized: the Authorization: Bearer header is missing or the API key is incorrect');
      if (key.suspended) throw new AccountSuspendedError(key.accountId, 'its API keys are');
      const limit = await takeApiCall(key, db);
      if (limit.retryAfterMs > 0) return tooManyRequests(limit.ratePerSecond, limit.burst, limit.retryAfterMs);
      assertKeyMay(key, options.permission);
      const params = ((await route?.params) ?? {}) as P;
      // Partner routes (/partners/{partnerId}/accounts/{accountId}) reach the partner's other accounts:
      // the partner is the key's own, and the domain checks the account belongs to it.
      if ('partnerId' in params && params.partnerId !== key.partnerId) throw new NotFoundError(`Partner '${params.partnerId}' not found`);
      if ('accountId' in params && !('partnerId' in params) && params.accountId !== key.accountId) {
        throw new NotFoundError(`Account '${params.accountId}' not found`);
      }
      return await handler({ req, key, params });
    } catch (err) {
      return toErrorResponse(err);
    }
  };
  // Read by the OpenAPI coverage test: the document states the permission the route really checks.
  return Object.assign(wrapped, { permission: options.permission });
}

function tooManyRequests(ratePerSecond: number, burst: number, retryAfterMs: number): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const err = new RateLimitError(
    `Too many requests: this API key may make ${ratePerSecond} requests per second (bursts of up to ${burst}); retry after ${seconds} s`,
  );
  return errorResponse(err.status, err.code, err.message, undefined, { 'retry-after': String(seconds) });
}
