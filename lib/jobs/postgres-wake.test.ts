import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Listener, listenForWakeups, postgresNotifier } from '@/lib/jobs/postgres-wake';

// Needs a PostgreSQL server: npm test starts one (TEST_POSTGRES_URL); without it these are skipped.
const url = process.env.TEST_POSTGRES_URL;
const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.skipIf(!url)('wake-ups between processes through LISTEN/NOTIFY', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  function listener(into: Array<string | undefined>): Listener {
    const l = listenForWakeups(url!, (name) => into.push(name));
    cleanup.push(() => l.stop());
    return l;
  }

  it('a wake-up sent by one process reaches every listener, by task name, coalesced within a moment', async () => {
    const [a, b]: Array<Array<string | undefined>> = [[], []];
    const [la, lb] = [listener(a), listener(b)];
    await Promise.all([la.ready, lb.ready]);
    a.length = b.length = 0;
    const pool = new pg.Pool({ connectionString: url });
    cleanup.push(() => pool.end());
    const wake = postgresNotifier(pool);
    for (let i = 0; i < 500; i++) wake('outbox');
    wake('automation.timers');
    await wake.flush();
    await until(() => a.length >= 2 && b.length >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(a.sort()).toEqual(['automation.timers', 'outbox']);
    expect(b.sort()).toEqual(['automation.timers', 'outbox']);
  });

  it('a listener whose connection is killed reconnects, and looks at once for what it may have missed', async () => {
    const got: Array<string | undefined> = [];
    const l = listener(got);
    await l.ready;
    got.length = 0;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(() => admin.end());
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN parley_wake'`);
    // a wake-all (undefined) on reconnect, then ordinary wake-ups again
    await until(() => got.includes(undefined), 10_000);
    const pool = new pg.Pool({ connectionString: url });
    cleanup.push(() => pool.end());
    const wake = postgresNotifier(pool);
    await until(() => {
      wake('outbox');
      return got.includes('outbox');
    }, 10_000);
  });
});
