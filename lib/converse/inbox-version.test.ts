import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { write } from '@/lib/db/tx';
import { addTicketNote } from '@/lib/converse/add-ticket-note';
import { inboxSnapshot, type InboxSnapshot } from '@/lib/converse/console-inbox';
import { nextStamp, openTicket } from '@/lib/converse/ticket-rows';
import { updateTicket } from '@/lib/converse/update-ticket';
import { seedDemoTenant } from '@/test/factories';
import { admin, customerSays, newCustomer, SUB, type Person } from '@/test/converse-fixtures';

// The console polls the inbox version every second and reloads the lists only when it moved: every
// change a person must see (a new ticket, a customer message, an assignment, a note) has to move it.

let boss: Person;
const version = async () => (await inboxSnapshot(db, boss.viewer)).version;

beforeAll(async () => {
  await seedDemoTenant();
  boss = await admin();
});

describe('the inbox version', () => {
  it('answers only the version while nothing changed, and moves with every change', async () => {
    const msisdn = newCustomer();
    await customerSays(msisdn, 'Hello');
    const v0 = await version();
    expect(await inboxSnapshot(db, boss.viewer, v0)).toEqual({ version: v0, unchanged: true });

    const { ticket } = await write(db, (t) =>
      openTicket(t, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, at: new Date(), actor: SYSTEM_ACTOR }),
    );
    const v1 = await version();
    expect(v1 > v0).toBe(true);
    const full = (await inboxSnapshot(db, boss.viewer, v0)) as InboxSnapshot;
    expect(full.queue.map((t) => t.id)).toContain(ticket.id);

    await customerSays(msisdn, 'Anyone there?');
    const v2 = await version();
    expect(v2 > v1).toBe(true);
    await updateTicket(db, boss.viewer, ticket.id, { assigneeId: boss.id });
    const v3 = await version();
    expect(v3 > v2).toBe(true);
    expect(((await inboxSnapshot(db, boss.viewer, v2)) as InboxSnapshot).mine.find((t) => t.id === ticket.id)).toMatchObject({
      status: 'active',
      assigneeName: 'Demo Admin',
      unread: 1,
    });
    await addTicketNote(db, boss.viewer, ticket.id, { text: 'on it' });
    expect((await version()) > v3).toBe(true);
  });

  it('moves even when two changes fall in the same millisecond', async () => {
    const at = new Date(Date.now() + 60_000);
    const stamps = await write(db, function* (t) {
      const a = yield* nextStamp(t, 'acme_corp', at);
      yield* t.run(
        'UPDATE "ConverseTicket" SET "updatedAt" = ? WHERE "accountId" = ? AND "id" = (SELECT "id" FROM "ConverseTicket" LIMIT 1)',
        a.toISOString().replace('Z', '+00:00'),
        'acme_corp',
      );
      return [a, yield* nextStamp(t, 'acme_corp', at)];
    });
    expect(stamps[1]!.getTime()).toBe(stamps[0]!.getTime() + 1);
  });
});
