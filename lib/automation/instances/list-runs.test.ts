import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { createWorkflow } from '@/lib/automation/workflows';
import { startTestRun } from '@/lib/automation/test-run';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { listRuns } from './list-runs';
import { listInstances } from './read-instances';

const reply = {
  subAccountId: 'acme_corp',
  trigger: 'inbound_chat_apps',
  status: 'disabled',
  definition: {
    name: 'Reply',
    steps: [
      {
        id: 'hi',
        stepType: 'ChatAppsMessage',
        inputs: { subAccountId: 'acme_corp', user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Hi' } },
      },
    ],
  },
};

describe('the Runs list', () => {
  let workflowId = '';
  const runs: Record<string, string> = {};

  beforeAll(async () => {
    await seedDemoTenant();
    const now = new Date();
    await db.contact.create({
      data: { accountId: 'acme_corp', msisdn: '+6591230001', name: 'Nur Tan', attributes: {}, tags: [], createdAt: now, updatedAt: now },
    });
    const other = await createOtherTenant();
    // The same number is another account's contact under another name: never shown here.
    await db.contact.create({
      data: { accountId: other.accountId, msisdn: '+6591230002', name: 'Someone Else', attributes: {}, tags: [], createdAt: now, updatedAt: now },
    });
    workflowId = (await createWorkflow(db, 'acme_corp', reply, { actor: SYSTEM_ACTOR, publish: false })).id;
    for (const msisdn of ['+6591230001', '+6591230002'])
      runs[msisdn] = (await startTestRun(db, 'acme_corp', { workflowId, mode: 'inbound', msisdn, text: 'Hello' })).instanceId;
    const http = await createWorkflow(
      db,
      'acme_corp',
      {
        subAccountId: 'acme_corp',
        trigger: 'http_request',
        status: 'disabled',
        definition: { name: 'h', steps: [{ id: 'b', stepType: 'Branch', selectNextStep: { end: null } }] },
      },
      { actor: SYSTEM_ACTOR, publish: false },
    );
    runs.http = (await startTestRun(db, 'acme_corp', { workflowId: http.id, mode: 'http', body: { a: 1 } })).instanceId;
    // Test runs finish in the background: list them once they stand still, or two lists taken a moment
    // apart (below) may see one mid-run and then done.
    for (let i = 0; i < 500 && (await db.workflowInstance.count({ where: { id: { in: Object.values(runs) }, status: 'running' } })); i++)
      await new Promise((r) => setTimeout(r, 10));
  });

  it('names each run’s customer: the number, and the contact’s name when there is one', async () => {
    const list = await listRuns(db, 'acme_corp');
    const byId = new Map(list.map((r) => [r.workflowId, r]));
    expect(byId.get(runs['+6591230001']!)?.customer).toEqual({ msisdn: '+6591230001', name: 'Nur Tan' });
    expect(byId.get(runs['+6591230002']!)?.customer).toEqual({ msisdn: '+6591230002', name: null });
    expect(byId.get(runs.http!)?.customer).toBeNull();
    // The same runs, in the same order, as the instances API lists them.
    expect(list.map(({ customer: _c, ...r }) => r)).toEqual(await listInstances(db, 'acme_corp'));
  });

  it('filters by a part of the number or of the contact’s name', async () => {
    const ids = async (customer: string) => (await listRuns(db, 'acme_corp', { customer })).map((r) => r.workflowId);
    expect(await ids('nur')).toEqual([runs['+6591230001']]);
    expect(await ids('NUR TAN')).toEqual([runs['+6591230001']]);
    expect(await ids('1230002')).toEqual([runs['+6591230002']]);
    expect(await ids('+65 9123 0002')).toEqual([runs['+6591230002']]);
    expect((await ids('6591230')).sort()).toEqual([runs['+6591230001'], runs['+6591230002']].sort());
    expect(await ids('Someone Else')).toEqual([]);
    expect(await ids('12')).toEqual([]);
    expect(await listRuns(db, 'acme_corp', { customer: 'nur', definitionId: workflowId, status: 'completed' })).toHaveLength(
      (await listRuns(db, 'acme_corp', { customer: 'nur', definitionId: workflowId })).filter((r) => r.status === 'completed').length,
    );
  });

  it('pages by time and keeps to the account', async () => {
    const all = await listRuns(db, 'acme_corp');
    const older = await listRuns(db, 'acme_corp', { before: new Date(all[0]!.createdAt), limit: 1 });
    expect(older.length).toBeLessThanOrEqual(1);
    if (older[0]) expect(Date.parse(older[0].createdAt)).toBeLessThan(Date.parse(all[0]!.createdAt));
    const other = await createOtherTenant();
    expect(await listRuns(db, other.accountId, { customer: '6591230' })).toEqual([]);
  });
});
