import { env } from '@/lib/env';
import { createMailer, type Mailer } from '@/lib/email/mailer';

let mailer: Mailer | null | undefined;

/** The mailer SMTP_URL configures, made once per process; null without SMTP (links are shown on screen). */
export function getMailer(): Mailer | null {
  if (mailer === undefined) {
    mailer = env.SMTP_URL ? createMailer({ url: env.SMTP_URL, from: env.SMTP_FROM, timeoutMs: env.SMTP_TIMEOUT_MS }) : null;
  }
  return mailer;
}
