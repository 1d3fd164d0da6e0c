import pg from 'pg';
import { logger } from '@/lib/log/logger';

// Singleton background tasks (the schedulers: tier checks, retention, auto-close, the sandbox's
// template review) must run in one process of a PostgreSQL deployment, not in each worker. The
// process holding a task's session-level advisory lock runs it; the lock lives as long as that
// process's connection, so a worker that dies hands it over by dying, and another takes it on its
// next look.

export type Leader = { holds(name: string): Promise<boolean>; stop(): Promise<void> };

export function advisoryLeader(url: string): Leader {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  const held = new Set<string>();
  let stopped = false;
  // One query at a time on the one connection (several singleton tasks ask at once).
  let queue: Promise<unknown> = Promise.resolve();

  const connection = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('error', (err) => {
        logger.warn({ err, tasks: [...held] }, 'lost the connection holding singleton locks; another process may take them over');
        held.clear();
        if (client === c) client = null;
        void c.end().catch(() => {});
      });
      try {
        await c.connect();
        client = c;
        return c;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  return {
    async holds(name) {
      if (stopped) return false;
      if (held.has(name)) return true;
      try {
        const c = await connection();
        const asked = queue.then(() => c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('parley.task'), hashtext($1)) AS ok", [name]));
        queue = asked.catch(() => undefined);
        const { rows } = await asked;
        if (rows[0]?.ok) held.add(name);
        return held.has(name);
      } catch (err) {
        logger.warn({ err, task: name }, 'could not ask for a singleton lock; not running the task this time');
        return false;
      }
    },
    async stop() {
      stopped = true;
      held.clear();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
