import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { createMailer, type Mailer } from '@/lib/email/mailer';
import { logger } from '@/lib/log/logger';
import { createUser } from '@/lib/partners/create-user';
import { resetPassword } from '@/lib/partners/reset-password';
import { emailPasswordLink } from '@/lib/partners/email-password-link';
import { findPasswordLink } from '@/lib/partners/find-password-link';
import { redeemPasswordLink } from '@/lib/partners/redeem-password-link';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import { startSilentServer, startSmtpServer, type SmtpTestServer } from '@/test/smtp-test-server';
import { readMime } from '@/test/read-mime';

const ORIGIN = 'https://parley.example.com';
const FROM = 'Parley <no-reply@parley.test>';
let admin: AuditActor;
let salesRole: string;
let smtp: SmtpTestServer;
let mailer: Mailer;

beforeAll(async () => {
  await seedDemoTenant();
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  admin = { partnerId: 'demo_partner', userId: u.id, label: u.email };
  salesRole = (await db.role.findFirstOrThrow({ where: { name: 'Sales Viewer' } })).id;
  smtp = await startSmtpServer('accept');
  mailer = createMailer({ url: smtp.url, from: FROM, timeoutMs: 2000 });
});
afterAll(() => smtp.close());

/** As the Users page's action does: the user and link are committed, then the link is emailed. */
async function invite(email: string, name: string, m: Mailer | null) {
  const user = await createUser(db, admin, { email, name, roleId: salesRole, accountIds: ['acme_corp'], setup: 'link' });
  const url = `${ORIGIN}${user.link!.path}`;
  const started = performance.now();
  const delivery = await emailPasswordLink(db, admin, { userId: user.id, purpose: 'invite', url, expiresAt: user.link!.expiresAt }, m);
  return { user, url, token: user.link!.path.split('/').pop()!, delivery, ms: performance.now() - started };
}

const lastMail = () => readMime(smtp.messages.at(-1)!.raw);
const auditOf = (userId: string) =>
  db.auditEvent.findMany({ where: { entityId: userId }, orderBy: { createdAt: 'asc' }, select: { action: true, summary: true, changes: true } });

describe('emailing one-time links', () => {
  it('the invitation arrives from SMTP_FROM to the invitee, in plain text and HTML, and its link sets the password', async () => {
    const { user, url, token, delivery } = await invite('emailed@example.com', 'Emma Mailed', mailer);
    expect(delivery).toEqual({ status: 'emailed', to: 'emailed@example.com' });
    expect(smtp.messages.at(-1)!.to).toEqual(['emailed@example.com']);
    const mail = lastMail();
    expect(mail.headers.from).toBe(FROM);
    expect(mail.headers.to).toBe('emailed@example.com');
    expect(mail.headers.subject).toBe('Demo Admin invited you to Demo Partner on Parley');
    expect(mail.text).toContain(`Hi Emma Mailed,`);
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);

    // The link in the email is the one stored (as a hash): it works, once.
    expect(await findPasswordLink(db, token)).toMatchObject({ userId: user.id, purpose: 'invite' });
    await redeemPasswordLink(db, { token, password: 'emma-chose-this-one', confirm: 'emma-chose-this-one' });
    expect((await verifyCredentials(db, { email: 'emailed@example.com', password: 'emma-chose-this-one', clientAddress: 'test' })).ok).toBe(true);
    expect(await findPasswordLink(db, token)).toBeNull();

    const audit = await auditOf(user.id);
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.invite.emailed', 'user.set_password']);
    expect(audit[1]!.summary).toBe('Emailed the invitation to emailed@example.com');
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('a reset link arrives the same way and works', async () => {
    const target = await createUserWithPermissions(['logs.view']);
    const reset = await resetPassword(db, admin, { userId: target.id, setup: 'link' });
    const url = `${ORIGIN}${reset.link!.path}`;
    const delivery = await emailPasswordLink(db, admin, { userId: target.id, purpose: 'reset', url, expiresAt: reset.link!.expiresAt }, mailer);
    expect(delivery).toEqual({ status: 'emailed', to: target.email });
    const mail = lastMail();
    expect(mail.headers.to).toBe(target.email);
    expect(mail.headers.subject).toBe('Choose a new password for Parley');
    expect(mail.text).toContain('Your old password no longer works');
    expect(mail.html).toContain(`href="${url}"`);
    await redeemPasswordLink(db, { token: reset.link!.path.split('/').pop()!, password: 'a-brand-new-password', confirm: 'a-brand-new-password' });
    expect((await verifyCredentials(db, { email: target.email, password: 'a-brand-new-password', clientAddress: 'test' })).ok).toBe(true);
    expect((await auditOf(target.id)).map((a) => a.action)).toContain('user.reset.emailed');
  });

  it('without SMTP nothing is sent and the admin passes the link on, as before', async () => {
    const before = smtp.messages.length;
    const { user, delivery } = await invite('manual@example.com', 'Manual', null);
    expect(delivery).toEqual({ status: 'manual' });
    expect(smtp.messages).toHaveLength(before);
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(['user.create']);
  });

  it('a hostile name is escaped in the HTML that is actually sent', async () => {
    await invite('hostile@example.com', '<img src=x onerror=alert(1)>', mailer);
    const mail = lastMail();
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('Hi &lt;img src=x onerror=alert(1)&gt;,');
  });

  const failing: [string, () => Promise<{ url: string; close(): Promise<void> }>, RegExp][] = [
    ['refuses the recipient', () => startSmtpServer('reject-recipient'), /refused the address \(550\)/],
    ['refuses the connection', () => startSmtpServer('reject-connection'), /refused the connection \(554\)/],
    ['never answers', () => startSilentServer(), /did not answer within 1 s/],
  ];
  for (const [what, start, reason] of failing) {
    it(`a server that ${what}: the admin is told quickly, the user and link remain, the failure is logged and audited without the token`, async () => {
      const server = await start();
      const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
      try {
        const email = `failed-${what.replace(/\W/g, '')}@example.com`;
        const { user, token, delivery, ms } = await invite(email, 'Fay', createMailer({ url: server.url, from: FROM, timeoutMs: 1000 }));
        expect(delivery).toEqual({ status: 'failed', to: email, reason: expect.stringMatching(reason) });
        expect(ms).toBeLessThan(3000); // the 1 s timeout, with room for a busy machine
        expect(await findPasswordLink(db, token)).toMatchObject({ userId: user.id });
        const audit = await auditOf(user.id);
        expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.invite.email_failed']);
        expect(audit[1]!.summary).toMatch(new RegExp(`^Could not email the invitation to ${email}: the mail server`));
        expect(warn).toHaveBeenCalledWith(expect.objectContaining({ userId: user.id, purpose: 'invite' }), 'could not email a one-time link');
        expect(JSON.stringify([audit, warn.mock.calls])).not.toContain(token);
      } finally {
        warn.mockRestore();
        await server.close();
      }
    });
  }
});
