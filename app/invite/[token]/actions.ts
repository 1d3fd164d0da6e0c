'use server';
import { db } from '@/lib/db/client';
import { AppError, ValidationError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { redeemPasswordLink } from '@/lib/partners/redeem-password-link';

export type SetPasswordState = { ok?: boolean; email?: string; error?: string; fieldErrors?: Record<string, string> };

// Public on purpose: the one-time token is the credential (no session yet), and redeemPasswordLink
// checks it, spends it and validates the password inside one transaction.
export async function setPasswordAction(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  try {
    const { email } = await redeemPasswordLink(db, {
      token: String(form.get('token') ?? ''),
      password: String(form.get('password') ?? ''),
      confirm: String(form.get('confirm') ?? ''),
    });
    return { ok: true, email };
  } catch (err) {
    if (err instanceof ValidationError) {
      const fieldErrors: Record<string, string> = {};
      for (const i of err.issues) fieldErrors[i.path || '_'] ??= i.message;
      return { error: fieldErrors.token ?? (fieldErrors.password || fieldErrors.confirm ? undefined : err.message), fieldErrors };
    }
    if (err instanceof AppError) return { error: err.message };
    logger.error({ err }, 'setting a password through a link failed');
    return { error: 'Something went wrong on our side. Nothing was changed; please try again.' };
  }
}
