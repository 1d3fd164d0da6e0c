import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { db } from '@/lib/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import { ALL_PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import type { RouteModule } from '@/lib/http/api-router';
import { routesUnderTest, type RouteUnderTest } from '@/test/api-robustness-kit';
import { seedDemoTenant } from '@/test/factories';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

// What each route does, as the role permissions name it (a list: all of them). A route added under
// app/api/v1 without a line here fails the first test, so its permission is decided, not forgotten.
const EXPECTED: Record<string, Permission | Permission[] | null> = {
  'GET /[...path]': null,
  'POST /[...path]': null,
  'PUT /[...path]': null,
  'PATCH /[...path]': null,
  'DELETE /[...path]': null,
  'GET /accounts/[accountId]/subaccounts': null,
  'POST /accounts/[accountId]/subaccounts': 'settings.channels.manage',
  'GET /subaccounts/[subAccountId]/channels': 'settings.channels.manage',
  'POST /subaccounts/[subAccountId]/channels': 'settings.channels.manage',
  'GET /subaccounts/[subAccountId]/channels/[channelId]': 'settings.channels.manage',
  'PATCH /subaccounts/[subAccountId]/channels/[channelId]': 'settings.channels.manage',
  // Partner-level: the key's partner's accounts (another partner's are 404).
  'GET /partners/[partnerId]/accounts': 'partners.accounts.manage',
  'POST /partners/[partnerId]/accounts': 'partners.accounts.manage',
  'GET /partners/[partnerId]/accounts/[accountId]': 'partners.accounts.manage',
  'PATCH /partners/[partnerId]/accounts/[accountId]': 'partners.accounts.manage',
  // Public (no key at all): the API's own description, which holds no account data.
  'GET /openapi.json': null,
  'GET /accounts/[accountId]/contacts': 'contacts.view',
  'GET /accounts/[accountId]/contacts/[msisdn]': 'contacts.view',
  'PUT /accounts/[accountId]/contacts/[msisdn]': 'contacts.manage',
  'DELETE /accounts/[accountId]/contacts/[msisdn]': 'contacts.manage',
  'GET /accounts/[accountId]/opt-outs': 'contacts.view',
  'GET /accounts/[accountId]/opt-outs/[msisdn]': 'contacts.view',
  'PUT /accounts/[accountId]/opt-outs/[msisdn]': 'contacts.manage',
  'DELETE /accounts/[accountId]/opt-outs/[msisdn]': 'contacts.manage',
  'GET /accounts/[accountId]/channels/[channelId]/templates': 'templates.view',
  'POST /accounts/[accountId]/channels/[channelId]/templates': 'templates.write',
  'GET /accounts/[accountId]/channels/[channelId]/templates/[name]': 'templates.view',
  'DELETE /accounts/[accountId]/channels/[channelId]/templates/[name]': 'templates.write',
  'GET /accounts/[accountId]/campaigns': 'campaigns.view',
  'POST /accounts/[accountId]/campaigns': 'campaigns.send',
  'GET /accounts/[accountId]/campaigns/[id]': 'campaigns.view',
  'DELETE /accounts/[accountId]/campaigns/[id]': 'campaigns.send',
  'GET /accounts/[accountId]/campaigns/[id]/recipients': 'campaigns.view',
  'GET /accounts/[accountId]/campaigns/[id]/preview': 'campaigns.view',
  'POST /accounts/[accountId]/campaigns/[id]/launch': 'campaigns.send',
  'POST /accounts/[accountId]/campaigns/[id]/pause': 'campaigns.send',
  'POST /accounts/[accountId]/campaigns/[id]/resume': 'campaigns.send',
  'POST /accounts/[accountId]/campaigns/[id]/cancel': 'campaigns.send',
  'POST /accounts/[accountId]/campaigns/[id]/retry-failed': 'campaigns.send',
  'POST /accounts/[accountId]/campaigns/[id]/test': 'campaigns.send',
  'GET /accounts/[accountId]/steps/timezones': 'automation.view',
  'GET /accounts/[accountId]/reports/usage': 'reports.view',
  'GET /accounts/[accountId]/reports/summary': 'reports.view',
  'POST /accounts/[accountId]/triggers/http_request': 'automation.publish',
  'GET /accounts/[accountId]/webhooks': 'settings.webhooks.manage',
  'POST /accounts/[accountId]/webhooks': 'settings.webhooks.manage',
  'GET /accounts/[accountId]/webhooks/[id]': 'settings.webhooks.manage',
  'DELETE /accounts/[accountId]/webhooks/[id]': 'settings.webhooks.manage',
  'GET /accounts/[accountId]/workflows': 'automation.view',
  'POST /accounts/[accountId]/workflows': ['automation.edit', 'automation.publish'],
  'GET /accounts/[accountId]/workflows/[id]': 'automation.view',
  'PUT /accounts/[accountId]/workflows/[id]': ['automation.edit', 'automation.publish'],
  'DELETE /accounts/[accountId]/workflows/[id]': 'automation.edit',
  'GET /accounts/[accountId]/workflows/instances': 'automation.view',
  'GET /accounts/[accountId]/workflows/instances/[workflowId]': 'automation.view',
  'GET /accounts/[accountId]/workflows/instances/[workflowId]/errors': 'automation.view',
  // No permission names sending messages; Send Campaigns is the nearest (see the notes).
  'POST /subaccounts/[subAccountId]/messages': 'messages.send',
  'POST /subaccounts/[subAccountId]/files': 'messages.send',
  'GET /subaccounts/[subAccountId]/messages': 'logs.view',
  'GET /subaccounts/[subAccountId]/messages/[umid]': 'logs.view',
  'POST /subaccounts/[subAccountId]/sandbox/inbound': 'simulator.use',
  'POST /subaccounts/[subAccountId]/sandbox/dtmf': 'simulator.use',
  // Converse: ticket work is an agent's; assigning others is checked inside (a key needs the supervisor scope).
  'GET /accounts/[accountId]/converse/tickets': 'converse.agent',
  'POST /accounts/[accountId]/converse/tickets': 'converse.agent',
  'GET /accounts/[accountId]/converse/tickets/[id]': 'converse.agent',
  'PATCH /accounts/[accountId]/converse/tickets/[id]': 'converse.agent',
  'POST /accounts/[accountId]/converse/tickets/[id]/messages': 'converse.agent',
  'POST /accounts/[accountId]/converse/tickets/[id]/notes': 'converse.agent',
  'GET /accounts/[accountId]/converse/agents': 'converse.supervisor',
  'GET /accounts/[accountId]/converse/config': 'converse.supervisor',
  'PUT /accounts/[accountId]/converse/config': 'converse.supervisor',
};

type Case = { name: string; call: (key: string) => Promise<Response>; required: Permission[] | null };

async function keyWith(scopes: Permission[] | null): Promise<string> {
  const { id, secret } = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: `scoped ${scopes?.join(',') ?? 'full'}` });
  await db.apiKey.update({ where: { id }, data: { scopes: scopes ?? undefined } });
  return secret;
}

/** Calls the route's handler for `method` with harmless values (the account is the key's own). */
async function caseOf(r: RouteUnderTest, method: string): Promise<Case> {
  const mod = (await import(pathToFileURL(r.route.file).href)) as RouteModule;
  const params: Record<string, string | string[]> = {};
  for (const s of r.route.segments) {
    if (s.kind === 'param') params[s.name] = s.name === 'accountId' ? 'acme_corp' : 'nope';
    if (s.kind === 'rest') params[s.name] = ['nope'];
  }
  const name = `${method} ${r.pattern}`;
  const expected = EXPECTED[name];
  return {
    name,
    required: expected == null ? null : Array.isArray(expected) ? expected : [expected],
    call: (key) =>
      mod[method]!(
        new Request(`http://test/api/v1${r.pattern}`, {
          method,
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        }),
        { params: Promise.resolve(params) },
      ),
  };
}

describe('API key scopes', () => {
  let cases: Case[];
  beforeAll(async () => {
    await seedDemoTenant();
    const routes = await routesUnderTest();
    cases = await Promise.all(routes.flatMap((r) => r.methods.map((m) => caseOf(r, m))));
  });

  it('every route and method has its permission decided', () => {
    expect(cases.map((c) => c.name).filter((n) => !(n in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((n) => !cases.some((c) => c.name === n))).toEqual([]);
  });

  it('refuses a key without the route’s permission: 403 in the 8x8 shape naming it', async () => {
    for (const c of cases.filter((c) => c.required)) {
      for (const missing of c.required!) {
        const key = await keyWith(ALL_PERMISSIONS.filter((p) => p !== missing));
        const res = await c.call(key);
        expect(res.status, c.name).toBe(403);
        const body = await res.json();
        expect(body, c.name).toMatchObject({ code: 1201 });
        expect(body.message, c.name).toContain(missing);
        expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  it('lets a key with exactly the route’s permissions through, and a key from before scopes everywhere', async () => {
    const full = await keyWith(null);
    const none = await keyWith([]);
    for (const c of cases) {
      expect((await c.call(await keyWith(c.required ?? []))).status, c.name).not.toBe(403);
      expect((await c.call(full)).status, c.name).not.toBe(403);
      if (!c.required) expect((await c.call(none)).status, c.name).not.toBe(403);
    }
  });
});
