import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import * as tickets from '@/app/api/v1/accounts/[accountId]/converse/tickets/route';
import * as ticket from '@/app/api/v1/accounts/[accountId]/converse/tickets/[id]/route';
import * as messages from '@/app/api/v1/accounts/[accountId]/converse/tickets/[id]/messages/route';
import * as notes from '@/app/api/v1/accounts/[accountId]/converse/tickets/[id]/notes/route';
import * as agents from '@/app/api/v1/accounts/[accountId]/converse/agents/route';
import * as config from '@/app/api/v1/accounts/[accountId]/converse/config/route';
import { call } from '@/test/messaging-helpers';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { admin, closeWindow, customerSays, newCustomer, person, SUB, type Person } from '@/test/converse-fixtures';

// The Converse API of API.md: tickets opened, listed, read, assigned, answered and noted with an API
// key; configuration and agents for supervisor keys; another account's tickets are not there.

const base = '/api/v1/accounts/acme_corp/converse';
const acme = { accountId: 'acme_corp' };
let boss: Person;
let ana: Person;
let agentKey: string;

beforeAll(async () => {
  await seedDemoTenant();
  boss = await admin();
  ana = await person(['converse.agent']);
  const k = await createApiKey(db, { actor: SYSTEM_ACTOR, accountId: 'acme_corp', name: 'agent desk' });
  await db.apiKey.update({ where: { id: k.id }, data: { scopes: ['converse.agent'] } });
  agentKey = k.secret;
});

async function open(msisdn = newCustomer()) {
  const r = await call(tickets.POST, 'POST', `${base}/tickets`, acme, { subAccountId: SUB, msisdn });
  expect(r.status).toBe(201);
  return r.json;
}

describe('Converse API', () => {
  it('opens a ticket (201), joins it on a second hand-over (200), lists and reads it with its conversation', async () => {
    const msisdn = newCustomer();
    await customerSays(msisdn, 'I want a human');
    const t = await open(msisdn);
    expect(t).toMatchObject({ subAccountId: SUB, channel: 'whatsapp', customer: { msisdn }, status: 'queued', unread: 0 });
    const again = await call(tickets.POST, 'POST', `${base}/tickets`, acme, { subAccountId: SUB, msisdn });
    expect(again).toMatchObject({ status: 200, json: { id: t.id } });

    const list = await call(tickets.GET, 'GET', `${base}/tickets?status=queued&subAccountId=${SUB}`, acme);
    expect(list.status).toBe(200);
    expect(list.json.data.map((x: { id: string }) => x.id)).toContain(t.id);
    expect(list.json).toHaveProperty('nextCursor');
    // A key is nobody: its "mine" is empty.
    expect((await call(tickets.GET, 'GET', `${base}/tickets?view=mine`, acme)).json.data).toEqual([]);

    const read = await call(ticket.GET, 'GET', `${base}/tickets/${t.id}`, { ...acme, id: t.id });
    expect(read.json).toMatchObject({
      id: t.id,
      notes: [],
      messages: [expect.objectContaining({ direction: 'inbound', content: { text: 'I want a human' } })],
    });
  });

  it('refuses bad input with 400 in the 8x8 shape', async () => {
    const r = await call(tickets.POST, 'POST', `${base}/tickets`, acme, { subAccountId: SUB, msisdn: 'not a number' });
    expect(r).toMatchObject({ status: 400, json: { code: 1002 } });
    const bad = await call(tickets.GET, 'GET', `${base}/tickets?status=lost`, acme);
    expect(bad).toMatchObject({ status: 400, json: { code: 1005 } });
    const t = await open();
    const patch = await call(ticket.PATCH, 'PATCH', `${base}/tickets/${t.id}`, { ...acme, id: t.id }, { status: 'sleeping' });
    expect(patch).toMatchObject({ status: 400, json: { code: 1005, errors: [expect.objectContaining({ path: 'status' })] } });
  });

  it('assigns by naming the agent, answers, notes; freeform outside the window is 409', async () => {
    const msisdn = newCustomer();
    await customerSays(msisdn, 'Hello');
    const t = await open(msisdn);
    const id = { ...acme, id: t.id };
    // An agent-scoped key may work tickets but not assign people.
    const refused = await call(ticket.PATCH, 'PATCH', `${base}/tickets/${t.id}`, id, { assigneeId: ana.id }, agentKey);
    expect(refused.status).toBe(403);
    const assigned = await call(ticket.PATCH, 'PATCH', `${base}/tickets/${t.id}`, id, { assigneeId: ana.id });
    expect(assigned).toMatchObject({ status: 200, json: { status: 'active', assigneeId: ana.id } });

    const sent = await call(messages.POST, 'POST', `${base}/tickets/${t.id}/messages`, id, { type: 'text', content: { text: 'On it!' } }, agentKey);
    expect(sent).toMatchObject({ status: 201, json: { umid: expect.any(String), ticket: { id: t.id } } });
    const note = await call(notes.POST, 'POST', `${base}/tickets/${t.id}/notes`, id, { text: 'Called the courier' });
    expect(note).toMatchObject({ status: 201, json: { text: 'Called the courier', authorId: null, author: 'API key Demo key' } });

    await closeWindow(msisdn);
    const late = await call(messages.POST, 'POST', `${base}/tickets/${t.id}/messages`, id, { type: 'text', content: { text: 'Still there?' } });
    expect(late).toMatchObject({ status: 409, json: { code: 1005, message: expect.stringContaining('24-hour customer service window') } });
  });

  it('configuration and agents are for supervisor keys; the configuration applies at once', async () => {
    expect((await call(config.GET, 'GET', `${base}/config`, acme, undefined, agentKey)).status).toBe(403);
    expect((await call(agents.GET, 'GET', `${base}/agents`, acme, undefined, agentKey)).status).toBe(403);
    expect((await call(config.GET, 'GET', `${base}/config`, acme)).json).toEqual({
      resolvedToClosedHours: 1,
      pendingToClosedHours: 1,
      maxAssignedTicketsPerAgent: 5,
    });
    const put = await call(config.PUT, 'PUT', `${base}/config`, acme, { resolvedToClosedHours: 0.25, maxAssignedTicketsPerAgent: 1 });
    expect(put.json).toEqual({ resolvedToClosedHours: 0.25, pendingToClosedHours: 1, maxAssignedTicketsPerAgent: 1 });
    expect((await call(config.PUT, 'PUT', `${base}/config`, acme, { maxAssignedTicketsPerAgent: 0 })).status).toBe(400);

    // Ana holds one ticket from the test above: at a limit of one, the next assignment is a 409.
    const t = await open();
    const full = await call(ticket.PATCH, 'PATCH', `${base}/tickets/${t.id}`, { ...acme, id: t.id }, { assigneeId: ana.id });
    expect(full).toMatchObject({ status: 409, json: { message: expect.stringContaining('maxAssignedTicketsPerAgent is 1') } });
    const list = await call(agents.GET, 'GET', `${base}/agents`, acme);
    expect(list.json.find((a: { id: string }) => a.id === ana.id)).toMatchObject({ role: 'agent', openTickets: 1 });
    expect(list.json.find((a: { id: string }) => a.id === boss.id)).toMatchObject({ role: 'supervisor' });
    await call(config.PUT, 'PUT', `${base}/config`, acme, { resolvedToClosedHours: 1, maxAssignedTicketsPerAgent: 5 });
  });

  it('another account’s ticket is a 404 for every route, and its subaccount cannot be handed over', async () => {
    const other = await createOtherTenant();
    const theirs = await call(
      tickets.POST,
      'POST',
      `/api/v1/accounts/${other.accountId}/converse/tickets`,
      { accountId: other.accountId },
      { subAccountId: other.subAccountId, msisdn: newCustomer() },
      other.apiKey,
    );
    expect(theirs.status).toBe(201);
    const id = { ...acme, id: theirs.json.id };
    expect((await call(ticket.GET, 'GET', `${base}/tickets/${theirs.json.id}`, id)).status).toBe(404);
    expect((await call(ticket.PATCH, 'PATCH', `${base}/tickets/${theirs.json.id}`, id, { status: 'closed' })).status).toBe(404);
    expect((await call(messages.POST, 'POST', `${base}/tickets/${theirs.json.id}/messages`, id, { type: 'text', content: { text: 'x' } })).status).toBe(404);
    expect((await call(notes.POST, 'POST', `${base}/tickets/${theirs.json.id}/notes`, id, { text: 'x' })).status).toBe(404);
    expect((await call(tickets.GET, 'GET', `${base}/tickets?limit=500`, acme)).json.data.map((t: { id: string }) => t.id)).not.toContain(theirs.json.id);
    expect((await call(tickets.POST, 'POST', `${base}/tickets`, acme, { subAccountId: other.subAccountId, msisdn: newCustomer() })).status).toBe(404);
    // Their path with our key is not ours either.
    const path = { accountId: other.accountId, id: theirs.json.id };
    expect((await call(ticket.GET, 'GET', `/api/v1/accounts/${other.accountId}/converse/tickets/${theirs.json.id}`, path)).status).toBe(404);
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: theirs.json.id } })).toMatchObject({ status: 'queued' });
  });
});
