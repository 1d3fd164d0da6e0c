import 'server-only';
import { getConsoleContext } from '@/app/_lib/console-context';
import { requirePermission } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { jsonResponse } from '@/lib/api/json-response';
import { logger } from '@/lib/log/logger';

/**
 * A console GET route (the Logs page's polling, the Reports' CSV): the signed-in user's session, the
 * permission and the account they work in are checked on the server like a page's, and domain errors
 * become JSON with their status instead of a 500.
 */
export function consoleRoute(permission: Permission, fn: (req: Request, accountId: string, params: Record<string, string>) => Promise<Response>) {
  return async (req: Request, ctx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const c = await getConsoleContext();
      requirePermission(c?.principal ?? null, permission);
      if (!c?.account) return jsonResponse({ message: 'No customer account is selected' }, { status: 404 });
      requirePermission(c.principal, permission, c.account.id);
      return await fn(req, c.account.id, await ctx.params);
    } catch (err) {
      if (err instanceof AppError) {
        const issues = 'issues' in err ? (err as { issues: unknown }).issues : undefined;
        return jsonResponse({ code: err.code, message: err.message, ...(issues ? { errors: issues } : {}) }, { status: err.status });
      }
      logger.error({ err }, 'console route failed');
      return jsonResponse({ message: 'Something went wrong on our side; please try again.' }, { status: 500 });
    }
  };
}

/** The query string as an object (repeated keys keep their last value). */
export const queryOf = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);
