import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { advisoryLeader, type Leader } from '@/lib/jobs/advisory-leader';

// Needs a PostgreSQL server: npm test starts one (TEST_POSTGRES_URL); without it these are skipped.
const url = process.env.TEST_POSTGRES_URL;

describe.skipIf(!url)('singleton tasks across processes (advisory locks)', () => {
  const leaders: Leader[] = [];
  const make = () => {
    const l = advisoryLeader(url!);
    leaders.push(l);
    return l;
  };
  afterEach(async () => {
    for (const l of leaders.splice(0)) await l.stop();
  });

  it('one process holds a task; the others do not, until it stops', async () => {
    const task = `tier-check-${Math.random()}`;
    const [a, b, c] = [make(), make(), make()];
    expect(await a.holds(task)).toBe(true);
    expect(await b.holds(task)).toBe(false);
    expect(await c.holds(task)).toBe(false);
    expect(await a.holds(task)).toBe(true); // still
    // a different task is free for another process
    expect(await b.holds(`${task}-other`)).toBe(true);
    await a.stop();
    const taken = [await b.holds(task), await c.holds(task)];
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('a holder whose connection dies (a killed worker) hands the task over', async () => {
    const task = `retention-${Math.random()}`;
    const [a, b] = [make(), make()];
    expect(await a.holds(task)).toBe(true);
    expect(await b.holds(task)).toBe(false);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objid = hashtext($1)::oid AND l.classid = hashtext('parley.task')::oid`,
      [task],
    );
    await admin.end();
    for (let i = 0; i < 100 && !(await b.holds(task)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await b.holds(task)).toBe(true);
    expect(await a.holds(task)).toBe(false);
  });
});
