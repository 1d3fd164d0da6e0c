import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { dialectOf, write } from '@/lib/db/tx';
import { openTicket } from '@/lib/converse/ticket-rows';
import { replyToTicket } from '@/lib/converse/reply-to-ticket';
import { seedDemoTenant } from '@/test/factories';
import { admin, customerSays, newCustomer, type Person, SUB } from '@/test/converse-fixtures';
import { hold, stillPending } from '@/test/postgres-locks';

// PostgreSQL only: a customer's message and an agent's reply change a ticket in READ COMMITTED
// transactions (lib/db/tx.ts, LOCKING), so each locks the ticket before reading it; otherwise one would
// write back what it read over a change committed meanwhile. SQLite writes one transaction at a time.
const onPostgres = dialectOf(db) === 'postgres';

let boss: Person;

async function queued(msisdn: string) {
  const { ticket } = await write(db, (t) =>
    openTicket(t, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, at: new Date(), actor: SYSTEM_ACTOR }),
  );
  return ticket;
}

beforeAll(async () => {
  await seedDemoTenant();
  boss = await admin();
});

describe.skipIf(!onPostgres)('a ticket changed by two transactions at once on PostgreSQL', () => {
  it('a customer message waits for an agent taking the ticket, and keeps the assignment', async () => {
    const msisdn = newCustomer();
    const ticket = await queued(msisdn);
    const taking = await hold(`UPDATE "ConverseTicket" SET "assigneeId" = $1, "status" = 'active' WHERE "id" = $2`, [boss.id, ticket.id]);
    const message = customerSays(msisdn, 'still there?');
    expect(await stillPending(message)).toBe(true);
    await taking.release();
    await message;
    const after = await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect({ assigneeId: after.assigneeId, status: after.status, unread: after.unread }).toEqual({
      assigneeId: boss.id,
      status: 'active',
      unread: ticket.unread + 1,
    });
  });

  it('an agent’s reply waits for a change another transaction is making, and keeps it', async () => {
    const msisdn = newCustomer();
    await customerSays(msisdn, 'hello'); // opens the 24 h window the text reply needs
    const ticket = await queued(msisdn);
    const renaming = await hold(`UPDATE "ConverseTicket" SET "customerName" = 'Renamed meanwhile' WHERE "id" = $1`, [ticket.id]);
    const reply = replyToTicket(db, boss.viewer, ticket.id, { type: 'text', content: { text: 'Hi, how can I help?' } });
    expect(await stillPending(reply)).toBe(true);
    await renaming.release();
    await reply;
    const after = await db.converseTicket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect({ customerName: after.customerName, assigneeId: after.assigneeId, unread: after.unread }).toEqual({
      customerName: 'Renamed meanwhile',
      assigneeId: boss.id,
      unread: 0,
    });
  });
});
