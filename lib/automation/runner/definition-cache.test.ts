import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { createWorkflow, publishWorkflow } from '@/lib/automation/workflows';
import { loadDefinition } from './definition-cache';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

beforeAll(async () => {
  await seedDemoTenant();
});

const body = (entry: string) => ({
  subAccountId: 'acme_corp',
  trigger: 'http_request',
  status: 'disabled',
  definition: { name: 'cached', steps: [{ id: entry, stepType: 'Wait', inputs: { duration: '1' } }] },
});

// Saving over a draft in place, as the editor's autosave may do with the latest unpublished version.
async function saveOverDraft(workflowId: string, entry: string) {
  await db.workflowVersion.update({ where: { workflowId_version: { workflowId, version: 1 } }, data: { body: body(entry) } });
}

describe('definition cache', () => {
  it('reads an unpublished draft again each time, so an edited draft never runs its old body', async () => {
    const wf = await createWorkflow(db, 'acme_corp', body('first'), { actor: SYSTEM_ACTOR, publish: false });
    expect((await loadDefinition(db, wf.id, 1)).entry).toBe('first');
    await saveOverDraft(wf.id, 'second');
    expect((await loadDefinition(db, wf.id, 1)).entry).toBe('second');
    expect([...(await loadDefinition(db, wf.id, 1)).steps.keys()]).toEqual(['second']);
  });

  it('keeps a published version, which never changes, once read', async () => {
    const wf = await createWorkflow(db, 'acme_corp', body('draft'), { actor: SYSTEM_ACTOR, publish: false });
    expect((await loadDefinition(db, wf.id, 1)).entry).toBe('draft');
    await publishWorkflow(db, 'acme_corp', wf.id, { actor: SYSTEM_ACTOR });
    const published = await loadDefinition(db, wf.id, 1);
    expect(published.entry).toBe('draft');
    // Nothing writes a published body; were it written anyway, the runner would keep the one it read.
    await saveOverDraft(wf.id, 'changed');
    expect(await loadDefinition(db, wf.id, 1)).toBe(published);
  });
});
