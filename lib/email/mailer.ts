import nodemailer from 'nodemailer';
import type { EmailMessage } from '@/lib/email/email-message';
import { describeSendFailure } from '@/lib/email/describe-send-failure';

export type MailerConfig = { url: string; from: string; timeoutMs: number };

/** On failure: `reason` is for the admin; `code` and `detail` (the server's answer) are for the log. */
export type SendOutcome = { ok: true; messageId: string } | { ok: false; reason: string; code: string | null; detail: string };

export type Mailer = { from: string; send(message: EmailMessage): Promise<SendOutcome>; close(): void };

/**
 * A mailer over one SMTP server. Each of the transport's phases (connecting, the greeting, every read)
 * waits at most `timeoutMs`, and so does the whole send: a server that answers slowly but never quite
 * stalls must not hold an admin's request either. Never throws: the caller decides what a failure means.
 */
export function createMailer(config: MailerConfig): Mailer {
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    dnsTimeout: config.timeoutMs,
    // Bodies are strings Parley wrote; nothing is to be read from disk or fetched while composing.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    from: config.from,
    async send(message) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error('Sending took too long'), { code: 'ETIMEDOUT' })), config.timeoutMs);
      });
      try {
        const info = await Promise.race([transport.sendMail({ from: config.from, ...message }), deadline]);
        return { ok: true, messageId: info.messageId };
      } catch (err) {
        return { ok: false, reason: describeSendFailure(err, config.timeoutMs), code: errorCode(err), detail: String((err as Error)?.message ?? err) };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}

function errorCode(err: unknown): string | null {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : null;
}
