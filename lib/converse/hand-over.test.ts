import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { dialectOf, write } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { getTicket } from '@/lib/converse/get-ticket';
import { openTicket } from '@/lib/converse/ticket-rows';
import { updateTicket } from '@/lib/converse/update-ticket';
import { seedDemoTenant } from '@/test/factories';
import { admin, customerSays, enableSupportBot, handOver, newCustomer, SUB, type Person } from '@/test/converse-fixtures';

// The reference support bot's "Talk to an Agent" hands the conversation to Converse; while its ticket
// is not closed the customer's messages are the agents', and once it closes they reach the bot again.

let bot: string;
let boss: Person;
// Prisma names a JSON path as SQLite's text path, or as PostgreSQL's list of keys.
const MSISDN_PATH = dialectOf(db) === 'postgres' ? ['payload', 'user', 'msisdn'] : '$.payload.user.msisdn';
const runsOf = (msisdn: string) =>
  db.workflowInstance.count({ where: { definitionId: bot, data: { path: MSISDN_PATH as string & string[], equals: msisdn } } });
const outboundTexts = async (msisdn: string) =>
  (await db.message.findMany({ where: { msisdn, direction: 'outbound' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(
    (m) =>
      (m.content as { text?: string; interactive?: { body?: { text?: string } } }).text ??
      (m.content as { interactive: { body: { text: string } } }).interactive?.body?.text,
  );

beforeAll(async () => {
  await seedDemoTenant();
  bot = await enableSupportBot();
  boss = await admin();
});

describe('the support bot hands over to Converse', () => {
  it('opens a queued ticket with the customer, the name of their contact and the run that handed over; the bot confirms', async () => {
    const msisdn = newCustomer();
    await db.contact.create({
      data: { accountId: 'acme_corp', msisdn, name: 'Ada Lovelace', attributes: {}, tags: [], createdAt: new Date(), updatedAt: new Date() },
    });
    const ticket = await handOver(msisdn);
    const run = await db.workflowInstance.findFirstOrThrow({ where: { definitionId: bot }, orderBy: { createdAt: 'desc' } });
    expect(ticket).toMatchObject({
      accountId: 'acme_corp',
      subAccountId: SUB,
      channel: 'whatsapp',
      msisdn,
      customerName: 'Ada Lovelace',
      status: 'queued',
      assigneeId: null,
      workflowId: run.id,
      definitionId: bot,
      unread: 0,
    });
    expect(ticket.waitingSince).not.toBeNull();
    expect(run.status).toBe('completed');
    expect(await outboundTexts(msisdn)).toEqual([
      'Welcome to support! How can I help you?',
      'Thank you. I am transferring you to the next available agent. Please hold.',
    ]);
    expect(await db.auditEvent.findFirst({ where: { entityId: ticket.id } })).toMatchObject({
      action: 'converse.ticket.open',
      actorLabel: 'Automation (Send to Converse)',
    });
  });

  it('shows the whole conversation, the bot’s part before the hand-over included, in order', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    await customerSays(msisdn, 'My parcel never came');
    const detail = await getTicket(db, boss.viewer, ticket.id);
    expect(detail.messages.map((m) => [m.direction, (m.content as { text?: string }).text ?? 'menu'])).toEqual([
      ['inbound', 'Hi'],
      ['outbound', 'menu'],
      ['inbound', 'Talk to an Agent'],
      ['outbound', 'Thank you. I am transferring you to the next available agent. Please hold.'],
      ['inbound', 'My parcel never came'],
    ]);
    expect(detail.messages[1]).toMatchObject({ type: 'interactive', workflowId: ticket.workflowId });
    expect(detail).toMatchObject({ id: ticket.id, status: 'queued', customer: { msisdn }, unread: 1, notes: [] });
  });

  it('while the ticket is open, the customer’s messages go to it and start or resume no run', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    const runs = await runsOf(msisdn);
    await customerSays(msisdn, 'Hi');
    await customerSays(msisdn, 'Check Order Status');
    expect(await runsOf(msisdn)).toBe(runs);
    const after = await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.unread).toBe(2);
    expect(after.lastMessageAt.getTime()).toBeGreaterThan(ticket.lastMessageAt.getTime());
    expect(after.updatedAt.getTime()).toBeGreaterThan(ticket.updatedAt.getTime());
    expect(await outboundTexts(msisdn)).toHaveLength(2);
  });

  it('a customer reply moves a pending or resolved ticket back to active; a queued one stays queued', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    await updateTicket(db, boss.viewer, ticket.id, { assigneeId: boss.id, status: 'pending' });
    await customerSays(msisdn, 'Here is the photo');
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: 'active', unread: 1 });
    await updateTicket(db, boss.viewer, ticket.id, { status: 'resolved' });
    await customerSays(msisdn, 'One more thing');
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: 'active', unread: 2 });
  });

  it('after the ticket closes, the customer’s next message starts the bot again', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    const runs = await runsOf(msisdn);
    await updateTicket(db, boss.viewer, ticket.id, { status: 'closed' });
    await customerSays(msisdn, 'Hi again');
    expect(await runsOf(msisdn)).toBe(runs + 1);
    expect((await outboundTexts(msisdn)).at(-1)).toBe('Welcome to support! How can I help you?');
    // And tapping "Talk to an Agent" again opens a new ticket: a closed one stays closed.
    await customerSays(msisdn, 'Talk to an Agent');
    const tickets = await db.converseTicket.findMany({ where: { msisdn }, orderBy: { createdAt: 'asc' } });
    expect(tickets.map((t) => t.status)).toEqual(['closed', 'queued']);
  });

  it('a second hand-over of the same conversation joins its open ticket instead of opening another', async () => {
    const msisdn = newCustomer();
    const first = await handOver(msisdn);
    const again = await Promise.all(
      [1, 2].map(() =>
        write(db, (t) => openTicket(t, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, at: new Date(), actor: SYSTEM_ACTOR })),
      ),
    );
    expect(again.map((r) => [r.created, r.ticket.id])).toEqual([
      [false, first.id],
      [false, first.id],
    ]);
    expect(await db.converseTicket.count({ where: { msisdn } })).toBe(1);
  });

  it('the same number on another subaccount is another conversation, with no ticket of its own', async () => {
    const msisdn = newCustomer();
    await handOver(msisdn);
    expect(await db.converseTicket.count({ where: { msisdn, subAccountId: 'acme_corp' } })).toBe(0);
    await customerSays(msisdn, 'Hi', { subAccountId: 'acme_corp' });
    expect(await db.converseTicket.count({ where: { msisdn, status: { not: 'closed' } } })).toBe(1);
  });
});
