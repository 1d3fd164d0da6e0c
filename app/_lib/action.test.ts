import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import Database from 'better-sqlite3';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
import { createWorkflow, deleteWorkflow } from '@/lib/automation/workflows';
import { ALL_PERMISSIONS } from '@/lib/auth/permissions';
import type { Principal } from '@/lib/auth/principal';
import { seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// The wrapper as a server action runs it, with the session replaced by a signed-in administrator of
// the demo account (the session itself is tested in e2e).
vi.mock('server-only', () => ({}));
vi.mock('@/app/_lib/console-context', () => {
  const principal: Principal = {
    userId: 'u1',
    email: 'admin@example.com',
    name: 'Admin',
    partnerId: 'demo_partner',
    roleName: 'Partner Admin',
    permissions: new Set(ALL_PERMISSIONS),
    accounts: [{ id: 'acme_corp', name: 'Acme' }],
  };
  return { getConsoleContext: async () => ({ principal, account: principal.accounts[0] }) };
});
const { accountAction } = await import('@/app/_lib/action');

const deleteAction = accountAction('automation.edit', z.object({ id: z.string().min(1, 'Choose a workflow') }), (input, ctx) =>
  deleteWorkflow(db, ctx.accountId, input.id, ctx.actor),
);
const file = process.env.DATABASE_URL!.replace(/^file:/, '');
// The busy case holds SQLite's write lock from another connection; PostgreSQL has no such lock.
const onPostgres = process.env.TEST_DATABASE === 'postgres';
let blocker: Database.Database | null = null;

describe('accountAction', () => {
  beforeAll(async () => {
    await seedDemoTenant();
  });
  afterEach(async () => {
    blocker?.exec('ROLLBACK');
    blocker?.close();
    blocker = null;
    if (!onPostgres) (await sqliteConnection(db)).pragma('busy_timeout = 10000');
  });

  it('answers arguments of the wrong shape with a form message, never a throw', async () => {
    for (const raw of [undefined, null, 'x', 42, [], { id: 5 }, { id: '' }, { id: { $gt: '' } }]) {
      const result = await deleteAction(raw as never);
      // A validation message for a field (or the whole input, "_"), never the fault or busy answer.
      expect(result, JSON.stringify(raw)).toMatchObject({ ok: false, error: expect.stringMatching(/\w/), fieldErrors: expect.any(Object) });
      expect((result as { error: string }).error).not.toMatch(/Something went wrong|busy/);
    }
    expect(await deleteAction({ id: '' })).toEqual({ ok: false, error: 'Choose a workflow', fieldErrors: { id: 'Choose a workflow' } });
  });

  it('refuses text PostgreSQL cannot store (U+0000, a lone surrogate) with a message on its field, before any lookup', async () => {
    for (const id of ['wf\u0000x', 'wf\ud800']) {
      const result = await deleteAction({ id });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/U\+0000/), fieldErrors: { id: expect.stringMatching(/U\+0000/) } });
    }
  });

  it.skipIf(onPostgres)('answers a busy database (another connection holds the write lock) with a clean message, and changes nothing', async () => {
    const body = {
      subAccountId: 'acme_corp',
      trigger: 'http_request',
      status: 'disabled',
      definition: { name: 'busy', steps: [{ id: 'r', stepType: 'SMS', inputs: { subAccountId: 'acme_corp', destination: '+6591234567', text: 'Hi' } }] },
    };
    const { id } = await createWorkflow(db, 'acme_corp', body, { actor: SYSTEM_ACTOR, publish: true });
    (await sqliteConnection(db)).pragma('busy_timeout = 20');
    blocker = new Database(file);
    blocker.exec('BEGIN IMMEDIATE');
    expect(await deleteAction({ id })).toEqual({ ok: false, error: 'Parley is busy right now. Nothing was changed; please try again in a moment.' });
    expect((await db.workflow.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    // The create's own entry only: the refused delete added none.
    expect(await db.auditEvent.count({ where: { entityId: id } })).toBe(1);
  });
});
