import type { EmailMessage } from '@/lib/email/email-message';
import { formatExpiry } from '@/lib/email/format-expiry';
import { renderEmailLayout, renderEmailText, type EmailContent } from '@/lib/email/render-email-layout';

export type PasswordResetEmailInput = { to: string; name: string; resetBy: string; partner: string; url: string; expiresAt: Date };

/** The link someone receives after an admin reset their password: the old one already stopped working. */
export function passwordResetEmail(i: PasswordResetEmailInput): EmailMessage {
  const content: EmailContent = {
    preheader: 'Choose a new password for Parley.',
    heading: 'Choose a new password',
    greeting: `Hi ${i.name},`,
    paragraphs: [
      `${i.resetBy} reset the password of your Parley account at ${i.partner} (${i.to}). Your old password no longer works and you were signed out everywhere.`,
    ],
    action: { label: 'Choose a new password', url: i.url },
    notes: [
      `The link works once and expires on ${formatExpiry(i.expiresAt)}.`,
      `If you did not ask for this, tell ${i.resetBy} or another administrator of ${i.partner}.`,
    ],
    footer: `Sent by Parley for ${i.partner}.`,
  };
  return { to: i.to, subject: 'Choose a new password for Parley', text: renderEmailText(content), html: renderEmailLayout(content) };
}
