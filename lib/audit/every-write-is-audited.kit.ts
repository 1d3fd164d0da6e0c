// What every-write-is-audited's cases are built from: how a case calls a server action or a route,
// and fresh rows of each kind for a case to change.
import path from 'node:path';
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/record-audit-event';
import { createWorkflow } from '@/lib/automation/workflows';
import { createTemplate } from '@/lib/templates/create-template';
import { createEndpoint } from '@/lib/webhooks/endpoints';
import { createRole } from '@/lib/partners/create-role';
import { createUser } from '@/lib/partners/create-user';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

export type Outcome = { ok: boolean; data: unknown };
export type Ctx = { admin: AuditActor; apiKey: string; root: string };
export type Prepared = {
  /** The write; called three times (refused twice, then for real), so it must not depend on a first success. */
  call: () => Promise<Outcome>;
  /** The same write with input the domain refuses. */
  bad: () => Promise<Outcome>;
  /** The audit entry's entity: known beforehand, or read from the answer. */
  entityId?: string | ((data: unknown) => string);
  /** Whom the entry names, when not the signed-in admin (actions) or the key (routes). */
  actorLabel?: string;
  /** Waits for work the write started in the background (a retried run), so the next write starts clean. */
  settle?: () => Promise<void>;
};
export type AuditedWrite = {
  action: string;
  entityType: string;
  /** A table the write changes: a failure there must take the audit entry back too. */
  table: string;
  prepare: (ctx: Ctx) => Promise<Prepared>;
};

export const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
export const idOf = (data: unknown) => (data as { id: string }).id;

/** A server action as the browser calls it. */
export function action(ctx: Ctx, key: string, input: unknown): () => Promise<Outcome> {
  const [file, name] = key.split(' ') as [string, string];
  return async () => {
    const mod = (await import(path.join(ctx.root, file))) as Record<string, (raw: unknown) => Promise<{ ok: boolean; data?: unknown }>>;
    const r = await mod[name]!(input);
    return { ok: r.ok, data: r.ok ? r.data : r };
  };
}

/** A REST route as an API client calls it. */
export function route(ctx: Ctx, key: string, params: Record<string, string>, body?: unknown): () => Promise<Outcome> {
  const [file, method] = key.split(' ') as [string, string];
  return async () => {
    const mod = (await import(path.join(ctx.root, file))) as Record<
      string,
      (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>
    >;
    const req = new Request('http://test/api/v1/probe', {
      method,
      headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const res = await mod[method]!(req, { params: Promise.resolve({ accountId: 'acme_corp', ...params }) });
    return { ok: res.status < 400, data: res.status === 204 ? null : await res.json() };
  };
}

export const workflowBody = (name: string) => ({
  subAccountId: 'acme_corp',
  trigger: 'http_request',
  status: 'disabled',
  definition: { name, steps: [{ id: 'w', stepType: 'Wait', inputs: { duration: '01:00:00' } }] },
});
export const workflow = (opts: { publish?: boolean } = {}) =>
  createWorkflow(db, 'acme_corp', workflowBody(unique('Audit')), { actor: SYSTEM_ACTOR, publish: opts.publish ?? true });
export const template = (name = unique('audit_probe')) =>
  createTemplate(db, { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', payload: { ...creation[0], name }, source: 'test', actor: SYSTEM_ACTOR });
export const endpoint = () => createEndpoint(db, 'acme_corp', { url: 'https://hooks.example.com/audit', events: ['template_status_update'] }, SYSTEM_ACTOR);
export const role = (admin: AuditActor) => createRole(db, admin, { name: unique('Auditors'), permissions: ['logs.view'] });
export const user = async (admin: AuditActor) =>
  createUser(db, admin, { email: `${unique('audit')}@example.com`, name: 'Probe', roleId: (await role(admin)).id, accountIds: ['acme_corp'], setup: 'link' });

/** A run of a fresh workflow, stored as the runner leaves it: waiting on a timer, or failed at its step. */
export async function run(status: 'waiting' | 'failed') {
  const wf = await workflow();
  return db.workflowInstance.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp',
      definitionId: wf.id,
      version: 1,
      status,
      data: {},
      currentStepId: 'w',
      trigger: 'http_request',
      ...(status === 'waiting' ? { waitKind: 'timer', waitUntil: new Date(Date.now() + 3600_000) } : { error: 'Probe failure', finishedAt: new Date() }),
    },
  });
}

export const A = {
  automation: '(console)/automation/actions.ts',
  runs: '(console)/automation/runs/actions.ts',
  templates: '(console)/templates/actions.ts',
  keys: '(console)/settings/api-keys/actions.ts',
  webhooks: '(console)/settings/webhooks/actions.ts',
  pricing: '(console)/settings/pricing/actions.ts',
  users: '(console)/partners/users/actions.ts',
  roles: '(console)/partners/roles/actions.ts',
} as const;
export const ACCOUNTS = 'api/v1/accounts/[accountId]';

// Written by each case from its own fresh rows, so the cases do not depend on one another's order.
export const write = (key: string, spec: Omit<AuditedWrite, 'prepare'> & { prepare: (ctx: Ctx, key: string) => Promise<Prepared> }) =>
  [key, { ...spec, prepare: (ctx: Ctx) => spec.prepare(ctx, key) }] as const;
