import type { EmailMessage } from '@/lib/email/email-message';
import { formatExpiry } from '@/lib/email/format-expiry';
import { renderEmailLayout, renderEmailText, type EmailContent } from '@/lib/email/render-email-layout';
import { singleLine } from '@/lib/email/single-line';

export type InvitationEmailInput = { to: string; name: string; inviter: string; partner: string; url: string; expiresAt: Date };

/** The invitation a new team member receives, with the one-time link to set their password. */
export function invitationEmail(i: InvitationEmailInput): EmailMessage {
  const content: EmailContent = {
    preheader: `${i.inviter} invited you to ${i.partner} on Parley.`,
    heading: `Join ${i.partner} on Parley`,
    greeting: `Hi ${i.name},`,
    paragraphs: [`${i.inviter} invited you to join ${i.partner} on Parley. Choose a password to start; you sign in with this address, ${i.to}.`],
    action: { label: 'Set your password', url: i.url },
    notes: [
      `The link works once and expires on ${formatExpiry(i.expiresAt)}. After that, ask ${i.inviter} for a new one.`,
      'If you were not expecting this invitation, you can ignore this email.',
    ],
    footer: `Sent by Parley for ${i.partner}.`,
  };
  return {
    to: i.to,
    subject: singleLine(`${i.inviter} invited you to ${i.partner} on Parley`),
    text: renderEmailText(content),
    html: renderEmailLayout(content),
  };
}
