import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '@/lib/email/mailer';
import { startSilentServer, startSmtpServer, type SmtpBehaviour } from '@/test/smtp-test-server';
import { readMime } from '@/test/read-mime';

const FROM = 'Parley <no-reply@parley.test>';
const message = { to: 'pat@example.com', subject: 'Hello', text: 'Plain body\n', html: '<p>HTML body</p>' };
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

function mailerFor(url: string, timeoutMs = 2000): Mailer {
  const m = createMailer({ url, from: FROM, timeoutMs });
  cleanup.push(() => m.close());
  return m;
}

async function server(b: SmtpBehaviour) {
  const s = await startSmtpServer(b);
  cleanup.push(() => s.close());
  return s;
}

// Bounds with room for a busy machine: what they rule out is nodemailer's own defaults (30 s for the
// greeting, 10 min of socket silence), which is how long an admin would wait without our timeouts.
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

describe('mailer over a real SMTP server', () => {
  it('delivers a message with the configured From, a plain part and an HTML part, and is reusable', async () => {
    const s = await server('accept');
    const mailer = mailerFor(s.url);
    expect(await mailer.send(message)).toMatchObject({ ok: true, messageId: expect.any(String) });
    expect(await mailer.send({ ...message, to: 'sam@example.com' })).toMatchObject({ ok: true });
    expect(s.messages.map((m) => m.to)).toEqual([['pat@example.com'], ['sam@example.com']]);
    expect(s.messages[0]!.from).toBe('no-reply@parley.test');
    const mail = readMime(s.messages[0]!.raw);
    expect(mail.headers.from).toBe(FROM);
    expect(mail.headers.to).toBe('pat@example.com');
    expect(mail.headers.subject).toBe('Hello');
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(mail.text).toBe('Plain body\n');
    expect(mail.html).toBe('<p>HTML body</p>');
  });

  it('signs in when the URL carries credentials, and says so when the server refuses them', async () => {
    const s = await server('require-auth');
    const u = new URL(s.url);
    expect(await mailerFor(`smtp://parley:right@${u.host}`).send(message)).toMatchObject({ ok: true });
    expect(await mailerFor(`smtp://parley:wrong@${u.host}`).send(message)).toMatchObject({
      ok: false,
      code: 'EAUTH',
      reason: 'the mail server refused Parley’s sign-in (535)',
    });
    expect(s.messages).toHaveLength(1);
  });

  const refusals: [SmtpBehaviour, string, string][] = [
    ['reject-recipient', 'EENVELOPE', 'the mail server refused the address (550)'],
    ['busy', 'EENVELOPE', 'the mail server asked to try again later (451)'],
    ['reject-connection', 'EPROTOCOL', 'the mail server refused the connection (554)'],
  ];
  for (const [behaviour, code, reason] of refusals) {
    it(`a server that answers ${behaviour}: a failure with the reason, at once`, async () => {
      const s = await server(behaviour);
      const { result, ms } = await timed(() => mailerFor(s.url).send(message));
      expect(result).toMatchObject({ ok: false, code, reason });
      expect(ms).toBeLessThan(3000);
      expect(s.messages).toEqual([]);
    });
  }

  it('nothing listening: could not be reached', async () => {
    const s = await startSmtpServer('accept');
    await s.close();
    expect(await mailerFor(s.url).send(message)).toMatchObject({ ok: false, code: 'ESOCKET', reason: 'the mail server could not be reached' });
  });

  it('a server that never greets, or never answers the data, fails within the timeout', async () => {
    const silent = await startSilentServer();
    cleanup.push(() => silent.close());
    const quiet = await timed(() => mailerFor(silent.url, 300).send(message));
    expect(quiet.result).toMatchObject({ ok: false, code: 'ETIMEDOUT', reason: 'the mail server did not answer within 0.3 s' });
    expect(quiet.ms).toBeLessThan(3000);

    const stalling = await server('stall-data');
    const stalled = await timed(() => mailerFor(stalling.url, 300).send(message));
    expect(stalled.result).toMatchObject({ ok: false, code: 'ETIMEDOUT', reason: 'the mail server did not answer within 0.3 s' });
    expect(stalled.ms).toBeLessThan(3000);
  });
});
