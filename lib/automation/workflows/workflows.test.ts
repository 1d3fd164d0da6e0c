import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { ValidationError, NotFoundError } from '@/lib/errors';
import { referenceExample } from '@/lib/automation/examples/reference-examples';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  listWorkflowVersions,
  listWorkflows,
  publishWorkflow,
  rollbackWorkflow,
  setWorkflowStatus,
  updateWorkflow,
} from './index';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const actor = { partnerId: 'demo_partner', userId: null, label: 'test' };

beforeAll(async () => {
  await seedDemoTenant();
});

describe('workflow storage', () => {
  it('creates, versions, publishes and rolls back', async () => {
    const wf = await createWorkflow(db, 'acme_corp', referenceExample('chat-apps-auto-reply'), { actor });
    expect(wf).toMatchObject({ version: 1, latestVersion: 1, publishedVersion: 1, status: 'enabled', trigger: 'inbound_chat_apps' });

    const edited = structuredClone(referenceExample('chat-apps-auto-reply')) as { definition: { name: string } };
    edited.definition.name = 'Draft name';
    const draft = await updateWorkflow(db, 'acme_corp', wf.id, edited, { actor });
    expect(draft).toMatchObject({ version: 2, latestVersion: 2, publishedVersion: 1, name: 'Draft name' });

    const published = await publishWorkflow(db, 'acme_corp', wf.id, { note: 'go live', actor });
    expect(published).toMatchObject({ version: 2, publishedVersion: 2 });

    const rolled = await rollbackWorkflow(db, 'acme_corp', wf.id, 1, actor);
    expect(rolled).toMatchObject({ version: 3, publishedVersion: 3, name: 'Auto Reply ChatApps' });

    const versions = await listWorkflowVersions(db, 'acme_corp', wf.id);
    expect(versions.map((v) => [v.version, v.isPublished])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    expect(versions[1].note).toBe('go live');
    expect((await getWorkflow(db, 'acme_corp', wf.id, { version: 2 })).definition.name).toBe('Draft name');

    const audit = await db.auditEvent.findMany({ where: { entityId: wf.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['workflow.create', 'workflow.update', 'workflow.publish', 'workflow.rollback']);
  });

  it('disables, lists with filters and deletes', async () => {
    const wf = await createWorkflow(db, 'acme_corp', referenceExample('sms-auto-reply'), { actor: SYSTEM_ACTOR });
    await setWorkflowStatus(db, 'acme_corp', wf.id, 'disabled', actor);
    expect((await listWorkflows(db, 'acme_corp', { trigger: 'inbound_sms', status: 'disabled' })).map((w) => w.id)).toContain(wf.id);
    await deleteWorkflow(db, 'acme_corp', wf.id, actor);
    await expect(getWorkflow(db, 'acme_corp', wf.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects invalid bodies with every problem named, and other tenants', async () => {
    const bad = { subAccountId: 'acme_corp', trigger: 'http_request', definition: { name: 'x', steps: [{ id: 'a', stepType: 'Nope' }] } };
    await expect(createWorkflow(db, 'acme_corp', bad, { actor: SYSTEM_ACTOR })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'definition.steps.0.stepType' })],
    });
    await expect(createWorkflow(db, 'acme_corp', bad, { actor: SYSTEM_ACTOR })).rejects.toBeInstanceOf(ValidationError);
    const other = await createOtherTenant();
    await expect(
      createWorkflow(db, 'acme_corp', { ...referenceExample('sms-auto-reply'), subAccountId: other.subAccountId }, { actor: SYSTEM_ACTOR }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const mine = await createWorkflow(db, 'acme_corp', referenceExample('sms-auto-reply'), { actor: SYSTEM_ACTOR });
    await expect(getWorkflow(db, other.accountId, mine.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listWorkflows', () => {
  it('lists an account with more workflows than SQLite takes bound parameters in one statement', async () => {
    const other = await createOtherTenant('many');
    const n = 1200;
    const ids = Array.from({ length: n }, (_, i) => `wf_many_${i}`);
    const body = { subAccountId: other.subAccountId, trigger: 'http_request', status: 'disabled', definition: { name: 'n', steps: [] } };
    await db.workflow.createMany({
      data: ids.map((id) => ({ id, accountId: other.accountId, subAccountId: other.subAccountId, trigger: 'http_request', status: 'disabled', name: id })),
    });
    await db.workflowVersion.createMany({ data: ids.map((workflowId) => ({ workflowId, version: 1, body })) });
    expect(await listWorkflows(db, other.accountId)).toHaveLength(n);
  });
});
