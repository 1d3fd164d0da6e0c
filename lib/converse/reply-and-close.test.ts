import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { addTicketNote } from '@/lib/converse/add-ticket-note';
import { closeDueTickets } from '@/lib/converse/auto-close-tickets';
import { updateConverseConfig } from '@/lib/converse/converse-config';
import { getTicket } from '@/lib/converse/get-ticket';
import { markTicketRead } from '@/lib/converse/mark-ticket-read';
import { replyToTicket } from '@/lib/converse/reply-to-ticket';
import { updateTicket } from '@/lib/converse/update-ticket';
import { approvedTemplate, drainOutbox } from '@/test/messaging-helpers';
import { seedDemoTenant } from '@/test/factories';
import { admin, closeWindow, customerSays, enableSupportBot, handOver, newCustomer, person, type Person } from '@/test/converse-fixtures';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';
import { fillTemplateComponents, sampleValues } from '@/lib/templates/template-slots';

// Replies go through the send pipeline and never silently fail on the 24 h window; resolved and
// pending tickets close after the configured hours.

let boss: Person;
let ana: Person;
const HOUR = 3600_000;

beforeAll(async () => {
  await seedDemoTenant();
  await enableSupportBot();
  boss = await admin();
  ana = await person(['converse.agent']);
});

describe('replies', () => {
  it('a text inside the window is sent to the customer; replying to a queued ticket takes it', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    await customerSays(msisdn, 'Hello?');
    const { umid, ticket: after } = await replyToTicket(db, ana.viewer, ticket.id, { type: 'text', content: { text: 'Hi, I am Ana. How can I help?' } });
    expect(after).toMatchObject({ status: 'active', assigneeId: ana.id, unread: 0 });
    expect(after.waitingSince).toBeUndefined();
    await drainOutbox();
    expect(await db.message.findUniqueOrThrow({ where: { id: umid } })).toMatchObject({
      direction: 'outbound',
      msisdn,
      type: 'text',
      content: { text: 'Hi, I am Ana. How can I help?' },
      status: expect.stringMatching(/sent|delivered|read/),
    });
    expect((await getTicket(db, ana.viewer, ticket.id)).messages.at(-1)).toMatchObject({ umid, direction: 'outbound' });
    expect(await db.auditEvent.findFirst({ where: { entityId: ticket.id, action: 'converse.ticket.reply' } })).toMatchObject({ actorUserId: ana.id });
  });

  it('freeform outside the window is refused with 409 naming the window, and nothing is sent or changed', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    await updateTicket(db, ana.viewer, ticket.id, { assigneeId: ana.id });
    await closeWindow(msisdn);
    const before = await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    const sent = await db.message.count({ where: { msisdn, direction: 'outbound' } });
    const refused = replyToTicket(db, ana.viewer, ticket.id, { type: 'text', content: { text: 'Are you still there?' } });
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toThrow(/24-hour customer service window closed at .*Send an approved template instead/);
    expect(await db.message.count({ where: { msisdn, direction: 'outbound' } })).toBe(sent);
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toEqual(before);

    // An approved template still goes, at any time.
    const payload = creation.find((c) => c.name === 'order_shipped_v2')!;
    await approvedTemplate({ name: payload.name, category: payload.category, components: payload.components });
    const template = {
      name: payload.name,
      language: 'en_US',
      components: fillTemplateComponents(payload as never, sampleValues(payload as never)),
    };
    const ok = await replyToTicket(db, ana.viewer, ticket.id, { type: 'template', content: { template } });
    expect(await db.message.findUniqueOrThrow({ where: { id: ok.umid } })).toMatchObject({ type: 'template', templateName: payload.name });
  });

  it('a closed ticket takes no reply; notes are internal and shown with the ticket', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    const note = await addTicketNote(db, ana.viewer, ticket.id, { text: 'VIP: ships to Sentosa' });
    expect(note).toMatchObject({ authorId: ana.id, text: 'VIP: ships to Sentosa' });
    await updateTicket(db, boss.viewer, ticket.id, { status: 'closed' });
    await expect(replyToTicket(db, boss.viewer, ticket.id, { type: 'text', content: { text: 'late' } })).rejects.toThrow('This ticket is closed');
    const detail = await getTicket(db, boss.viewer, ticket.id);
    expect(detail.notes).toEqual([expect.objectContaining({ text: 'VIP: ships to Sentosa', author: expect.any(String) })]);
    expect(detail.messages.some((m) => JSON.stringify(m.content).includes('Sentosa'))).toBe(false);
  });

  it('mark read clears the assignee’s unread count; a supervisor looking in leaves it', async () => {
    const msisdn = newCustomer();
    const ticket = await handOver(msisdn);
    await updateTicket(db, ana.viewer, ticket.id, { assigneeId: ana.id });
    await customerSays(msisdn, 'one');
    await customerSays(msisdn, 'two');
    await markTicketRead(db, boss.viewer, ticket.id);
    expect((await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } })).unread).toBe(2);
    await markTicketRead(db, ana.viewer, ticket.id);
    expect((await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } })).unread).toBe(0);
  });
});

describe('auto-close', () => {
  async function resolvedTicket(status: 'resolved' | 'pending') {
    const ticket = await handOver(newCustomer());
    await updateTicket(db, boss.viewer, ticket.id, { assigneeId: boss.id, status });
    return db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } });
  }

  it('closes resolved and pending tickets after their configured hours, not before', async () => {
    await updateConverseConfig(db, boss.viewer, { resolvedToClosedHours: 2, pendingToClosedHours: 0.5 });
    const resolved = await resolvedTicket('resolved');
    const pending = await resolvedTicket('pending');
    const at = (ms: number) => new Date(resolved.statusAt.getTime() + ms);
    const status = async (id: string) => (await db.converseTicket.findUniqueOrThrow({ where: { id } })).status;

    await closeDueTickets(db, at(0.5 * HOUR - 1000));
    expect([await status(resolved.id), await status(pending.id)]).toEqual(['resolved', 'pending']);
    const r = await closeDueTickets(db, at(0.5 * HOUR + 1000));
    expect(r.closed).toBeGreaterThanOrEqual(1);
    expect([await status(resolved.id), await status(pending.id)]).toEqual(['resolved', 'closed']);
    expect(r.nextDueAt?.getTime()).toBeLessThanOrEqual(resolved.statusAt.getTime() + 2 * HOUR + 5);
    await closeDueTickets(db, at(2 * HOUR + 1000));
    expect(await status(resolved.id)).toBe('closed');
    expect(await db.auditEvent.findFirst({ where: { entityId: resolved.id, action: 'converse.ticket.close' } })).toMatchObject({
      actorLabel: 'Converse auto-close',
      summary: expect.stringContaining('2 h after it was set resolved'),
    });
    await updateConverseConfig(db, boss.viewer, { resolvedToClosedHours: 1, pendingToClosedHours: 1 });
  });

  it('a ticket the customer reopened meanwhile stays open; two workers close a due ticket once', async () => {
    const reopened = await resolvedTicket('resolved');
    await customerSays(reopened.msisdn, 'Actually, one more question');
    const due = await resolvedTicket('resolved');
    const later = new Date(Date.now() + 2 * HOUR);
    const [a, b] = await Promise.all([closeDueTickets(db, later), closeDueTickets(db, later)]);
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: reopened.id } })).toMatchObject({ status: 'active' });
    expect(await db.converseTicket.findUniqueOrThrow({ where: { id: due.id } })).toMatchObject({ status: 'closed' });
    expect(a.closed + b.closed).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.count({ where: { entityId: due.id, action: 'converse.ticket.close' } })).toBe(1);
  });
});
