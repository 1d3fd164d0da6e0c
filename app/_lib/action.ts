import 'server-only';
import type { z } from 'zod';
import { requirePermission } from '@/lib/auth/guard';
import type { Permission } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { AppError, ConflictError, fieldErrorsFrom, NotFoundError, PermissionError, ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/api/read-json';
import { assertStorableText } from '@/lib/api/read-json-body';
import { logger } from '@/lib/log/logger';
import { isBusy } from '@/lib/db/is-busy';
import { getConsoleContext } from '@/app/_lib/console-context';
import type { AuditActor } from '@/lib/audit/record-audit-event';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type ActionContext = { principal: Principal; accountId: string; actor: AuditActor };
export type PartnerActionContext = { principal: Principal; actor: AuditActor };

function failure(err: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  if (err instanceof ValidationError) return { ok: false, error: err.issues[0]?.message ?? err.message, fieldErrors: fieldErrorsFrom(err.issues) };
  if ((err instanceof PermissionError || err instanceof ConflictError) && err.issues.length)
    return { ok: false, error: err.message, fieldErrors: fieldErrorsFrom(err.issues) };
  if (err instanceof AppError) return { ok: false, error: err.message };
  // Load, not a fault: the write rolled back and the same action will succeed in a moment.
  if (isBusy(err)) {
    logger.warn({ reason: (err as Error)?.message }, 'server action met a busy database');
    return { ok: false, error: 'Parley is busy right now. Nothing was changed; please try again in a moment.' };
  }
  logger.error({ err }, 'server action failed');
  return { ok: false, error: 'Something went wrong on our side. Nothing was changed; please try again.' };
}

/**
 * Every server action that works inside a customer account is built with this: it checks the
 * session, the permission and the current account on the server, parses the input with the
 * domain's zod schema, and turns domain errors into a message for the form.
 */
export function accountAction<S extends z.ZodType, R>(permission: Permission, schema: S, fn: (input: z.infer<S>, ctx: ActionContext) => Promise<R>) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    try {
      const ctx = await getConsoleContext();
      const principal = requirePermission(ctx?.principal ?? null, permission);
      if (!ctx?.account) throw new NotFoundError('No customer account is selected');
      requirePermission(principal, permission, ctx.account.id);
      // Before the schema: PostgreSQL refuses such text mid-write, which would be a 500, not a form message.
      assertStorableText(raw);
      const input = parseWith(schema, raw);
      const actor = { partnerId: principal.partnerId, userId: principal.userId, label: principal.email };
      return { ok: true, data: await fn(input, { principal, accountId: ctx.account.id, actor }) };
    } catch (err) {
      return failure(err);
    }
  };
}

/** The same for partner-level actions (roles, users) that are not inside one account. */
export function partnerAction<S extends z.ZodType, R>(permission: Permission, schema: S, fn: (input: z.infer<S>, ctx: PartnerActionContext) => Promise<R>) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    try {
      const ctx = await getConsoleContext();
      const principal = requirePermission(ctx?.principal ?? null, permission);
      assertStorableText(raw);
      const input = parseWith(schema, raw);
      const actor = { partnerId: principal.partnerId, userId: principal.userId, label: principal.email };
      return { ok: true, data: await fn(input, { principal, actor }) };
    } catch (err) {
      return failure(err);
    }
  };
}
