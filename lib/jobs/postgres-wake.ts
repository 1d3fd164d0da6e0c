import pg from 'pg';
import { logger } from '@/lib/log/logger';

// On PostgreSQL, Parley runs as several processes (web servers, `npm run worker`s) on one database:
// a send accepted by a web process must wake the outbox loop of whichever worker sleeps. Wake-ups go
// through PostgreSQL's LISTEN/NOTIFY: no extra service, delivered at commit to every listener. They
// are only hints: every loop still looks on its own after its sleep, so a lost notification (a
// listener reconnecting) delays work by one sleep, never loses it.

const CHANNEL = 'parley_wake';
// A thousand sends a second must not be a thousand notifications: names wanted within one turn of the
// event loop go out together, at most one notification per name per interval.
const COALESCE_MS = 5;

export type Waker = (name?: string) => void;

/** Sends wake-ups for task names to every process listening on the database (this one included). */
export function postgresNotifier(pool: pg.Pool): Waker & { flush(): Promise<void> } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    timer = null;
    const names = [...pending];
    pending = new Set();
    if (!names.length) return;
    inFlight = pool
      .query('SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n', [CHANNEL, names])
      .then(() => undefined)
      .catch((err) => logger.warn({ err }, 'could not send a wake-up; the sleeping loop looks again after its sleep'));
    await inFlight;
  };
  const wake = ((name = '*') => {
    pending.add(name);
    timer ??= setTimeout(() => void flush(), COALESCE_MS);
  }) as Waker & { flush(): Promise<void> };
  wake.flush = async () => {
    if (timer) clearTimeout(timer);
    await flush();
    await inFlight;
  };
  return wake;
}

export type Listener = { stop(): Promise<void>; ready: Promise<void> };

/** Listens for wake-ups on `url` and hands each task name to `wake` ('*' wakes every task); reconnects when the connection drops. */
export function listenForWakeups(url: string, wake: (name?: string) => void): Listener {
  let stopped = false;
  let client: pg.Client | null = null;
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const connect = async (attempt: number): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => wake(n.payload === '*' ? undefined : n.payload));
    c.on('error', (err) => {
      logger.warn({ err }, 'wake-up listener lost its connection; reconnecting');
      void c.end().catch(() => {});
      if (client === c) client = null;
      setTimeout(() => void connect(0), 500);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      markReady();
      // Whatever was notified while we were away: look now rather than after a sleep.
      if (attempt === 0) wake(undefined);
    } catch (err) {
      void c.end().catch(() => {});
      if (stopped) return;
      const delay = Math.min(10_000, 250 * 2 ** attempt);
      logger.warn({ err, delay }, 'wake-up listener could not connect; trying again');
      setTimeout(() => void connect(attempt + 1), delay);
    }
  };
  void connect(1);
  return {
    ready,
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
