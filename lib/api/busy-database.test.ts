import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
import { createWorkflow } from '@/lib/automation/workflows';
import { DELETE as deleteWorkflowRoute } from '@/app/api/v1/accounts/[accountId]/workflows/[id]/route';
import { GET as listSubaccounts } from '@/app/api/v1/accounts/[accountId]/subaccounts/route';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// A real busy database: another connection to the same file holds SQLite's write lock (BEGIN
// IMMEDIATE), as the background thread or a worker process does under load. Prisma's connection is
// told to wait 20 ms for it instead of 10 s so that the test is quick; the behaviour is the same.
const file = process.env.DATABASE_URL!.replace(/^file:/, '');
// SQLite's write lock held by another connection; PostgreSQL has no such database-wide lock (its busy
// answer, a statement timeout or a conflict that outlived its retries, is covered by lib/db/is-busy).
const onPostgres = process.env.TEST_DATABASE === 'postgres';
let blocker: Database.Database | null = null;

async function holdWriteLock() {
  (await sqliteConnection(db)).pragma('busy_timeout = 20');
  blocker = new Database(file);
  blocker.exec('BEGIN IMMEDIATE');
}
function releaseWriteLock() {
  blocker?.exec('ROLLBACK');
  blocker?.close();
  blocker = null;
}

const headers = { authorization: `Bearer ${DEMO_API_KEY}` };
const delWorkflow = (id: string) =>
  deleteWorkflowRoute(new Request(`http://test/api/v1/accounts/acme_corp/workflows/${id}`, { method: 'DELETE', headers }), {
    params: Promise.resolve({ accountId: 'acme_corp', id }),
  });

async function newWorkflow(): Promise<string> {
  const body = {
    subAccountId: 'acme_corp',
    trigger: 'http_request',
    status: 'disabled',
    definition: {
      name: 'busy probe',
      steps: [{ id: 'reply', stepType: 'SMS', inputs: { subAccountId: 'acme_corp', destination: '+6591234567', text: 'Hi' } }],
    },
  };
  return (await createWorkflow(db, 'acme_corp', body, { actor: SYSTEM_ACTOR, publish: true })).id;
}

describe.skipIf(onPostgres)('a busy database', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    // The key has been used: authenticating it again writes nothing.
    await listSubaccounts(new Request('http://test/api/v1/accounts/acme_corp/subaccounts', { headers }), {
      params: Promise.resolve({ accountId: 'acme_corp' }),
    });
  });
  afterEach(async () => {
    releaseWriteLock();
    (await sqliteConnection(db)).pragma('busy_timeout = 10000');
  });

  it('answers a workflow DELETE that cannot get the lock with 503 and Retry-After in the 8x8 shape, leaving the workflow whole', async () => {
    const id = await newWorkflow();
    await holdWriteLock();
    const res = await delWorkflow(id);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    const body = await res.json();
    expect(body).toMatchObject({ code: 1000, message: 'The service is busy: nothing was changed; retry the request shortly' });
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await db.workflow.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'workflow.delete' } })).toBe(0);
    releaseWriteLock();
    expect((await delWorkflow(id)).status).toBe(204);
  });

  it('retries the DELETE while the lock passes: 204, deleted once, audited once', async () => {
    const id = await newWorkflow();
    await holdWriteLock();
    setTimeout(releaseWriteLock, 40);
    expect((await delWorkflow(id)).status).toBe(204);
    expect((await db.workflow.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: id, action: 'workflow.delete' } })).toBe(1);
  });
});
