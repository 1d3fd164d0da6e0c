import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpServer } from '@/test/smtp-test-server';
import { readMime } from '@/test/read-mime';

// The Users page's actions with SMTP configured, as a deployment configures it: the environment is
// read once, so the server is started and SMTP_URL set before anything of Parley is loaded.
const smtp = await startSmtpServer('accept');
process.env.SMTP_URL = smtp.url;
process.env.SMTP_FROM = 'Parley <no-reply@parley.test>';
process.env.SMTP_TIMEOUT_MS = '1500';
process.env.AUTH_URL = 'https://parley.example.com';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/app/_lib/console-context', async () => {
  const { db } = await import('@/lib/db/client');
  const { loadPrincipal } = await import('@/lib/auth/principal');
  return {
    getConsoleContext: async () => {
      const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
      return { principal: (await loadPrincipal(db, admin.id))!, account: null };
    },
  };
});

const { db } = await import('@/lib/db/client');
const { seedDemoTenant, createUserWithPermissions } = await import('@/test/factories');
const { findPasswordLink } = await import('@/lib/partners/find-password-link');
const { createUserAction, resetPasswordAction } = await import('./actions');

let roleId: string;
beforeAll(async () => {
  await seedDemoTenant();
  roleId = (await db.role.findFirstOrThrow({ where: { name: 'Sales Viewer' } })).id;
});
afterAll(() => smtp.close());

const input = (email: string, setup: 'link' | 'password' = 'link') => ({
  email,
  name: 'Nia New',
  roleId,
  accountIds: ['acme_corp'],
  setup,
  password: setup === 'password' ? 'a-long-enough-password' : undefined,
});

describe('Users page actions with SMTP configured', () => {
  it('inviting emails a link on the public address (AUTH_URL) and still hands the admin the link', async () => {
    const res = await createUserAction(input('nia@example.com'));
    if (!res.ok) throw new Error(res.error);
    expect(res.data.delivery).toEqual({ status: 'emailed', to: 'nia@example.com' });
    const mail = readMime(smtp.messages.at(-1)!.raw);
    expect(mail.headers.from).toBe('Parley <no-reply@parley.test>');
    expect(mail.headers.to).toBe('nia@example.com');
    expect(mail.text).toContain(`https://parley.example.com${res.data.link!.path}`);
    expect(mail.html).toContain(`href="https://parley.example.com${res.data.link!.path}"`);
  });

  it('a reset by link is emailed too; a password typed by the admin sends nothing', async () => {
    const u = await createUserWithPermissions(['logs.view']);
    const res = await resetPasswordAction({ userId: u.id, setup: 'link' });
    if (!res.ok) throw new Error(res.error);
    expect(res.data.delivery).toEqual({ status: 'emailed', to: u.email });
    expect(readMime(smtp.messages.at(-1)!.raw).headers.subject).toBe('Choose a new password for Parley');

    const sent = smtp.messages.length;
    const typed = await createUserAction(input('typed@example.com', 'password'));
    expect(typed).toMatchObject({ ok: true, data: { link: null, delivery: null } });
    expect(smtp.messages).toHaveLength(sent);
  });

  it('when the server refuses or stalls, the action still succeeds: the user exists and the admin gets the link and the reason', async () => {
    for (const [behaviour, reason] of [
      ['reject-recipient', 'the mail server refused the address (550)'],
      ['stall-data', 'the mail server did not answer within 1.5 s'],
    ] as const) {
      smtp.behave(behaviour);
      const email = `${behaviour}@example.com`;
      const started = performance.now();
      const res = await createUserAction(input(email));
      expect(performance.now() - started).toBeLessThan(5000); // SMTP_TIMEOUT_MS, with room for a busy machine
      if (!res.ok) throw new Error(res.error);
      expect(res.data.delivery).toEqual({ status: 'failed', to: email, reason });
      expect(await findPasswordLink(db, res.data.link!.path.split('/').pop()!)).toMatchObject({ email });
      expect(await db.auditEvent.count({ where: { entityId: res.data.id, action: 'user.invite.email_failed' } })).toBe(1);
    }
    smtp.behave('accept');
  });
});
