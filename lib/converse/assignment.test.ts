import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { write } from '@/lib/db/tx';
import { ConflictError, NotFoundError, PermissionError, ValidationError } from '@/lib/errors';
import { updateConverseConfig } from '@/lib/converse/converse-config';
import { getTicket } from '@/lib/converse/get-ticket';
import { listAgents } from '@/lib/converse/list-agents';
import { listTickets, loadInbox } from '@/lib/converse/list-tickets';
import { openTicket } from '@/lib/converse/ticket-rows';
import { updateTicket } from '@/lib/converse/update-ticket';
import { seedDemoTenant } from '@/test/factories';
import { admin, newCustomer, person, SUB, type Person } from '@/test/converse-fixtures';

// Agents take tickets from the queue up to the account's limit, even when two try at once; an agent
// sees the queue and their own tickets, a supervisor every ticket, and nobody another account's.

let boss: Person;
let ana: Person;
let ben: Person;

async function queued(msisdn = newCustomer()) {
  const { ticket } = await write(db, (t) =>
    openTicket(t, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, at: new Date(), actor: SYSTEM_ACTOR }),
  );
  return ticket;
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => e.constructor.name,
  );

beforeAll(async () => {
  await seedDemoTenant();
  boss = await admin();
  ana = await person(['converse.agent']);
  ben = await person(['converse.agent']);
});

describe('assignment', () => {
  it('taking a queued ticket makes it active and the agent’s, audited', async () => {
    const t = await queued();
    const view = await updateTicket(db, ana.viewer, t.id, { assigneeId: ana.id });
    expect(view).toMatchObject({ status: 'active', assigneeId: ana.id });
    expect(await db.auditEvent.findFirst({ where: { entityId: t.id, action: 'converse.ticket.update' } })).toMatchObject({
      actorUserId: ana.id,
      summary: expect.stringContaining('queued → active'),
    });
    await updateTicket(db, ana.viewer, t.id, { status: 'closed' });
  });

  it('refuses an agent at maxAssignedTicketsPerAgent with 409, even with two assignments at the same moment', async () => {
    await updateConverseConfig(db, boss.viewer, { maxAssignedTicketsPerAgent: 2 });
    const agent = await person(['converse.agent']);
    await updateTicket(db, agent.viewer, (await queued()).id, { assigneeId: agent.id });
    const [a, b] = [await queued(), await queued()];
    // Both are checked against one open ticket; only one may become the second.
    const results = await Promise.all([
      outcome(updateTicket(db, agent.viewer, a.id, { assigneeId: agent.id })),
      outcome(updateTicket(db, boss.viewer, b.id, { assigneeId: agent.id })),
    ]);
    expect(results.sort()).toEqual(['ConflictError', 'ok']);
    expect(await db.converseTicket.count({ where: { assigneeId: agent.id, status: { in: ['active', 'pending'] } } })).toBe(2);
    const refused = updateTicket(db, agent.viewer, (await queued()).id, { assigneeId: agent.id });
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow('You already hold 2 open tickets, the most an agent may hold (maxAssignedTicketsPerAgent is 2)');
    // Resolved tickets no longer count: the agent may take the next one.
    const mine = await db.converseTicket.findFirstOrThrow({ where: { assigneeId: agent.id } });
    await updateTicket(db, agent.viewer, mine.id, { status: 'resolved' });
    await expect(updateTicket(db, agent.viewer, (await queued()).id, { assigneeId: agent.id })).resolves.toMatchObject({ status: 'active' });
    await updateConverseConfig(db, boss.viewer, { maxAssignedTicketsPerAgent: 5 });
  });

  it('ten concurrent takes of one agent stop exactly at the limit', async () => {
    await updateConverseConfig(db, boss.viewer, { maxAssignedTicketsPerAgent: 3 });
    const agent = await person(['converse.agent']);
    const tickets = await Promise.all(Array.from({ length: 10 }, () => queued()));
    const results = await Promise.all(tickets.map((t) => outcome(updateTicket(db, agent.viewer, t.id, { assigneeId: agent.id }))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(results.filter((r) => r === 'ConflictError')).toHaveLength(7);
    await updateConverseConfig(db, boss.viewer, { maxAssignedTicketsPerAgent: 5 });
  });

  it('only supervisors assign others; the assignee must be a Converse agent of the account', async () => {
    const t = await queued();
    await expect(updateTicket(db, ana.viewer, t.id, { assigneeId: ben.id })).rejects.toThrow(PermissionError);
    const analyst = await db.user.findUniqueOrThrow({ where: { email: 'analyst@example.com' } });
    await expect(updateTicket(db, boss.viewer, t.id, { assigneeId: analyst.id })).rejects.toThrow(ValidationError);
    await expect(updateTicket(db, boss.viewer, t.id, { assigneeId: ben.id })).resolves.toMatchObject({ assigneeId: ben.id, status: 'active' });
    // Ben gives it back; Ana cannot take it from him.
    await expect(updateTicket(db, ana.viewer, t.id, { assigneeId: null })).rejects.toThrow(NotFoundError);
    await expect(updateTicket(db, ben.viewer, t.id, { assigneeId: null })).resolves.toMatchObject({ status: 'queued' });
  });

  it('active and pending need an assignee; closed stays closed', async () => {
    const t = await queued();
    await expect(updateTicket(db, boss.viewer, t.id, { status: 'pending' })).rejects.toThrow('Assign the ticket to an agent before setting it pending');
    await updateTicket(db, boss.viewer, t.id, { status: 'closed' });
    await expect(updateTicket(db, boss.viewer, t.id, { status: 'active', assigneeId: boss.id })).rejects.toThrow(ConflictError);
  });
});

describe('who sees what', () => {
  it('an agent sees the queue and their own tickets, not another agent’s; a supervisor sees all', async () => {
    const free = await queued();
    const anas = await queued();
    const bens = await queued();
    await updateTicket(db, ana.viewer, anas.id, { assigneeId: ana.id });
    await updateTicket(db, ben.viewer, bens.id, { assigneeId: ben.id });

    const seenBy = async (p: Person) => (await listTickets(db, p.viewer, { limit: 500 })).data.map((t) => t.id);
    expect(await seenBy(ana)).toEqual(expect.arrayContaining([free.id, anas.id]));
    expect(await seenBy(ana)).not.toContain(bens.id);
    expect(await seenBy(boss)).toEqual(expect.arrayContaining([free.id, anas.id, bens.id]));
    await expect(getTicket(db, ana.viewer, bens.id)).rejects.toThrow(NotFoundError);
    await expect(updateTicket(db, ana.viewer, bens.id, { status: 'resolved' })).rejects.toThrow(NotFoundError);

    const inbox = await loadInbox(db, ana.viewer);
    expect(inbox.queue.map((t) => t.id)).toContain(free.id);
    expect(inbox.mine.map((t) => t.id)).toEqual(expect.arrayContaining([anas.id]));
    expect(inbox.mine.map((t) => t.id)).not.toContain(bens.id);
    expect(inbox.all).toBeNull();
    expect((await loadInbox(db, boss.viewer)).all?.map((t) => t.id)).toEqual(expect.arrayContaining([anas.id, bens.id]));

    const mine = await listTickets(db, ana.viewer, { view: 'mine' });
    expect(mine.data.every((t) => t.assigneeId === ana.id)).toBe(true);
    const queue = (await listTickets(db, ana.viewer, { view: 'queue', limit: 500 })).data;
    expect(queue.every((t) => t.status === 'queued' && !t.assigneeId)).toBe(true);
    // The queue is oldest first: the customer who waited longest is served first.
    expect(queue.map((t) => t.createdAt)).toEqual([...queue.map((t) => t.createdAt)].sort());
  });

  it('a person with neither Converse permission is refused; the agents list is for supervisors', async () => {
    await expect(person(['logs.view'])).rejects.toThrow(PermissionError);
    await expect(listAgents(db, ana.viewer)).rejects.toThrow(PermissionError);
    const agents = await listAgents(db, boss.viewer);
    expect(agents.find((a) => a.id === ana.id)).toMatchObject({ role: 'agent', openTickets: expect.any(Number) });
    expect(agents.find((a) => a.id === boss.id)).toMatchObject({ role: 'supervisor', email: 'admin@example.com' });
    expect(agents.map((a) => a.email)).not.toContain('analyst@example.com');
  });
});
