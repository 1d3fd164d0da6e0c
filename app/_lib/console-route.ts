import 'server-only';
import { requirePermission } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { AppError, NotFoundError, PermissionError } from '@/lib/errors';
import { isBusy } from '@/lib/db/is-busy';
import { logger } from '@/lib/log/logger';
import { getConsoleContext } from '@/app/_lib/console-context';

export type ConsoleRouteContext = { accountId: string; actor: AuditActor; params: Record<string, string> };
type Handler = (req: Request, ctx: ConsoleRouteContext) => Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * The console's own route handlers (the Logs' and campaign pages' polls, the downloads, the upload):
 * the same checks as accountAction — a session, the permission, the account chosen in the switcher —
 * answered as JSON the page can show. A write must come from our own pages: the session cookie would
 * also ride on a form another site posts here, so a cross-site request is refused before anything.
 */
export function consoleRoute(permission: Permission, handler: Handler) {
  return async (req: Request, { params }: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req)) throw new PermissionError('Cross-site requests are not accepted');
      const ctx = await getConsoleContext();
      const principal = requirePermission(ctx?.principal ?? null, permission);
      if (!ctx?.account) throw new NotFoundError('No customer account is selected');
      requirePermission(principal, permission, ctx.account.id);
      const actor = { partnerId: principal.partnerId, userId: principal.userId, label: principal.email };
      return await handler(req, { accountId: ctx.account.id, actor, params: await params });
    } catch (err) {
      if (err instanceof AppError) return json(err.status, { error: err.message, ...('issues' in err ? { issues: err.issues } : {}) });
      if (isBusy(err)) return json(503, { error: 'Parley is busy right now; please try again in a moment.' });
      logger.error({ err, url: req.url }, 'console route failed');
      return json(500, { error: 'Something went wrong on our side; please try again.' });
    }
  };
}

export { json as jsonResponse };

/** The query string as an object (repeated keys keep their last value). */
export const queryOf = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);

/** Fetch metadata (every current browser) or, failing that, the Origin header names this host. */
function sameOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.get('host');
  } catch {
    return false;
  }
}
