import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type AuditActor } from '@/lib/audit/record-audit-event';
import type { Mailer } from '@/lib/email/mailer';
import type { EmailMessage } from '@/lib/email/email-message';
import { invitationEmail } from '@/lib/email/invitation-email';
import { passwordResetEmail } from '@/lib/email/password-reset-email';
import { logger } from '@/lib/log/logger';
import type { PasswordLinkPurpose } from '@/lib/partners/create-password-link';
import { findUser } from '@/lib/partners/find-user';

/**
 * What became of a one-time link after it was made: emailed, not emailed because no SMTP is
 * configured (the admin passes it on, as before email existed), or not emailed because sending
 * failed. In the last two cases the admin is shown the link.
 */
export type LinkDelivery = { status: 'manual' } | { status: 'emailed'; to: string } | { status: 'failed'; to: string; reason: string };

const NOUN: Record<PasswordLinkPurpose, string> = { invite: 'invitation', reset: 'password reset link' };

/**
 * Emails a one-time link that was just made (its row committed) to the user it belongs to. Never
 * throws and waits at most the mailer's timeout: the user and the link exist whatever happens here,
 * so a failure becomes an outcome the admin sees, a log line and an audit entry, not an error that
 * would read as "nothing was changed". The link itself is never logged nor audited.
 */
export async function emailPasswordLink(
  db: Db,
  actor: AuditActor,
  args: { userId: string; purpose: PasswordLinkPurpose; url: string; expiresAt: Date },
  mailer: Mailer | null,
): Promise<LinkDelivery> {
  if (!mailer) return { status: 'manual' };
  let to = '';
  try {
    const user = await findUser(db, actor.partnerId, args.userId);
    to = user.email;
    const message = await composeMessage(db, actor, { ...args, to: user.email, name: user.name });
    const sent = await mailer.send(message);
    const action = `user.${args.purpose}.${sent.ok ? 'emailed' : 'email_failed'}`;
    if (!sent.ok) {
      logger.warn({ userId: args.userId, purpose: args.purpose, code: sent.code, detail: sent.detail }, 'could not email a one-time link');
    }
    await recordAuditEvent(db, actor, {
      action,
      entityType: 'user',
      entityId: args.userId,
      summary: sent.ok ? `Emailed the ${NOUN[args.purpose]} to ${to}` : `Could not email the ${NOUN[args.purpose]} to ${to}: ${sent.reason}`,
      changes: { after: sent.ok ? { to } : { to, reason: sent.reason, code: sent.code } },
    }).catch((err) => logger.error({ err, userId: args.userId, action }, 'could not audit an email of a one-time link'));
    return sent.ok ? { status: 'emailed', to } : { status: 'failed', to, reason: sent.reason };
  } catch (err) {
    logger.error({ err, userId: args.userId, purpose: args.purpose }, 'could not email a one-time link');
    return { status: 'failed', to, reason: 'Parley could not prepare the email' };
  }
}

async function composeMessage(
  db: Db,
  actor: AuditActor,
  a: { purpose: PasswordLinkPurpose; url: string; expiresAt: Date; to: string; name: string },
): Promise<EmailMessage> {
  const [partner, sender] = await Promise.all([
    db.partner.findUniqueOrThrow({ where: { id: actor.partnerId }, select: { name: true } }),
    actor.userId ? db.user.findFirst({ where: { id: actor.userId, partnerId: actor.partnerId }, select: { name: true } }) : null,
  ]);
  const by = sender?.name || actor.label;
  const common = { to: a.to, name: a.name, partner: partner.name, url: a.url, expiresAt: a.expiresAt };
  return a.purpose === 'invite' ? invitationEmail({ ...common, inviter: by }) : passwordResetEmail({ ...common, resetBy: by });
}
