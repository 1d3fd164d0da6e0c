import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type CapturedMail = { from: string; to: string[]; raw: string };

/**
 * How the test server treats a client: takes every message, refuses the recipient (550) or answers
 * "try later" (451), refuses the connection at the greeting (554), wants a password it is not given,
 * or takes the message's data and never answers (the client's own timeout must end the wait).
 */
export type SmtpBehaviour = 'accept' | 'reject-recipient' | 'busy' | 'reject-connection' | 'require-auth' | 'stall-data';

export type SmtpTestServer = {
  url: string;
  port: number;
  messages: CapturedMail[];
  /** Changes how the running server treats the next connections. */
  behave(b: SmtpBehaviour): void;
  close(): Promise<void>;
};

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/** A real SMTP server on a free local port (plain, no STARTTLS), capturing what it accepts. */
export async function startSmtpServer(initial: SmtpBehaviour = 'accept'): Promise<SmtpTestServer> {
  const messages: CapturedMail[] = [];
  let behaviour = initial;
  const options: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    // Closing waits this long for open connections (a stalled one never ends by itself).
    closeTimeout: 100,
    onConnect(session, callback) {
      // AUTH is offered (and required) only when asked for, per connection.
      session.disabledCommands = behaviour === 'require-auth' ? ['STARTTLS'] : ['STARTTLS', 'AUTH'];
      callback(behaviour === 'reject-connection' ? smtpError('Not accepting mail from you', 554) : undefined);
    },
    onMailFrom(_address, session, callback) {
      callback(behaviour === 'require-auth' && !session.user ? smtpError('Authentication required', 530) : undefined);
    },
    onAuth(auth, _session, callback) {
      callback(auth.username === 'parley' && auth.password === 'right' ? undefined : smtpError('Invalid credentials', 535), { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (behaviour === 'reject-recipient') return callback(smtpError(`Mailbox ${address.address} unavailable`, 550));
      if (behaviour === 'busy') return callback(smtpError('Mailbox busy, try again later', 451));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (behaviour === 'stall-data') return; // never answers the end of DATA
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  // A client hanging up mid-conversation (a timed-out send does) is expected here, not a crash.
  server.on('error', () => undefined);
  const port = await listen(
    (p) => new Promise((resolve, reject) => server.listen(p, '127.0.0.1', () => resolve()).once('error', reject)),
    () => (server.server.address() as net.AddressInfo).port,
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    behave: (b) => {
      behaviour = b;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A TCP server that accepts connections and never says a word: no SMTP greeting ever comes. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(
    (p) => new Promise((resolve, reject) => server.listen(p, '127.0.0.1', () => resolve()).once('error', reject)),
    () => (server.address() as net.AddressInfo).port,
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

async function listen(start: (port: number) => Promise<void>, port: () => number): Promise<number> {
  await start(0);
  return port();
}
