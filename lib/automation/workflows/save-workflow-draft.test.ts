import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { ValidationError } from '@/lib/errors';
import { referenceExample } from '@/lib/automation/examples/reference-examples';
import {
  createWorkflow,
  getWorkflow,
  listWorkflowVersions,
  publishWorkflow,
  rollbackWorkflow,
  saveWorkflowDraft,
  toApiWorkflow,
  updateWorkflow,
} from './index';

const actor = { partnerId: 'demo_partner', userId: null, label: 'test' };

type Body = { status: string; definition: { name: string; steps: Array<Record<string, unknown>> } };
const renamed = (name: string): Body => {
  const body = structuredClone(referenceExample('chat-apps-auto-reply')) as Body;
  body.definition.name = name;
  body.status = 'disabled';
  return body;
};
const layout = { __trigger: { x: 0, y: 0 }, ChatAppsMessage_1: { x: 350, y: 40 } };

beforeAll(async () => {
  await seedDemoTenant();
});

describe('editor drafts', () => {
  it('saves over the open draft instead of adding a version per save', async () => {
    const wf = await createWorkflow(db, 'acme_corp', renamed('Draft 1'), { actor, publish: false });
    const a = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Draft 2'), { actor });
    const b = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Draft 3'), { actor });
    expect([a.outcome, a.version, b.outcome, b.version]).toEqual(['updated', 1, 'updated', 1]);
    expect((await listWorkflowVersions(db, 'acme_corp', wf.id)).map((v) => v.version)).toEqual([1]);
    expect(await getWorkflow(db, 'acme_corp', wf.id)).toMatchObject({ name: 'Draft 3', latestVersion: 1, publishedVersion: null });
    // Autosaves are not audited one by one.
    expect((await db.auditEvent.findMany({ where: { entityId: wf.id } })).map((e) => e.action)).toEqual(['workflow.create']);
  });

  it('never changes a published version: the next edit starts a new draft, which later saves overwrite', async () => {
    const wf = await createWorkflow(db, 'acme_corp', renamed('Live'), { actor, publish: false });
    await publishWorkflow(db, 'acme_corp', wf.id, { actor });
    const first = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Edit 1'), { actor });
    const second = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Edit 2'), { actor });
    expect([first.outcome, first.version, second.outcome, second.version]).toEqual(['created', 2, 'updated', 2]);
    expect((await getWorkflow(db, 'acme_corp', wf.id, { version: 1 })).definition.name).toBe('Live');
    expect(await getWorkflow(db, 'acme_corp', wf.id)).toMatchObject({ version: 2, publishedVersion: 1, name: 'Edit 2' });
    // Publishing freezes the draft in turn.
    await publishWorkflow(db, 'acme_corp', wf.id, { actor });
    const third = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Edit 3'), { actor });
    expect([third.outcome, third.version]).toEqual(['created', 3]);
    expect((await getWorkflow(db, 'acme_corp', wf.id, { version: 2 })).definition.name).toBe('Edit 2');
  });

  it('keeps a version an instance ran on (a test run of the draft): the next edit starts a new draft', async () => {
    const wf = await createWorkflow(db, 'acme_corp', renamed('Tested'), { actor, publish: false });
    await db.workflowInstance.create({
      data: { accountId: 'acme_corp', subAccountId: wf.subAccountId, definitionId: wf.id, version: 1, status: 'completed', data: {}, trigger: wf.trigger },
    });
    const saved = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('After the test'), { actor });
    expect([saved.outcome, saved.version]).toEqual(['created', 2]);
    expect((await getWorkflow(db, 'acme_corp', wf.id, { version: 1 })).definition.name).toBe('Tested');
  });

  it('adds no version for an unchanged body, and stores positions beside the body, never in it', async () => {
    const wf = await createWorkflow(db, 'acme_corp', renamed('Laid out'), { actor, publish: false, layout });
    expect((await getWorkflow(db, 'acme_corp', wf.id)).layout).toEqual(layout);
    await publishWorkflow(db, 'acme_corp', wf.id, { actor });
    // Moving nodes of the published version: its body stays, its positions follow the canvas.
    const moved = { ...layout, ChatAppsMessage_1: { x: 500, y: 90 } };
    const same = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Laid out'), { actor, layout: moved });
    expect([same.outcome, same.version]).toEqual(['unchanged', 1]);
    const read = await getWorkflow(db, 'acme_corp', wf.id);
    expect(read.layout).toEqual(moved);
    expect(JSON.stringify(toApiWorkflow(read))).not.toContain('layout');
    // A new draft keeps the positions it was sent, else those of the version before.
    const next = await saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('Renamed'), { actor });
    expect(next.layout).toEqual(moved);
    await expect(saveWorkflowDraft(db, 'acme_corp', wf.id, renamed('x'), { actor, layout: { a: { x: 'left', y: 0 } } })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('leaves the API semantics alone: each PUT is a new, published version; rollback restores the positions', async () => {
    const wf = await createWorkflow(db, 'acme_corp', renamed('API'), { actor, layout });
    const put = await updateWorkflow(db, 'acme_corp', wf.id, renamed('API 2'), { actor, publish: true });
    const put2 = await updateWorkflow(db, 'acme_corp', wf.id, renamed('API 3'), { actor, publish: true });
    expect([put.version, put2.version, put2.publishedVersion]).toEqual([2, 3, 3]);
    const rolled = await rollbackWorkflow(db, 'acme_corp', wf.id, 1, actor);
    expect(rolled).toMatchObject({ version: 4, publishedVersion: 4, name: 'API' });
    expect(rolled.layout).toEqual(layout);
  });
});
