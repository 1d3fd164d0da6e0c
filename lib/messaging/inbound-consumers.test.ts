import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Step } from '@/lib/db/tx';
import { seedDemoTenant } from '@/test/factories';
import { receiveDtmf, receiveInbound } from '@/lib/messaging/receive-inbound';
import { inboundConsumers, registerInboundConsumer, type StoredInbound } from '@/lib/messaging/inbound-consumers';

// Messaging hands each stored inbound message to the consumers registered at start (automation,
// registered by test/setup-file.ts as by every entry point), in the message's own transaction.
// A consumer that reads nothing is still a transaction body.
// biome-ignore lint/correctness/useYield: it decides without a statement
function* nothing(): Step<null> {
  return null;
}

const seen: { decided: StoredInbound[]; ran: string[]; dtmf: string[] } = { decided: [], ran: [], dtmf: [] };

beforeAll(seedDemoTenant);
afterEach(() => {
  for (const name of ['probe', 'broken']) (globalThis as unknown as { parleyInboundConsumers: Map<string, unknown> }).parleyInboundConsumers.delete(name);
});

describe('inbound consumers', () => {
  it('automation, contacts and Converse are registered at start, and registering again by name replaces instead of adding', () => {
    expect(inboundConsumers().map((c) => c.name)).toEqual(['automation', 'contacts', 'converse']);
    registerInboundConsumer({ name: 'probe', decide: nothing });
    registerInboundConsumer({ name: 'probe', decide: nothing });
    expect(inboundConsumers().map((c) => c.name)).toEqual(['automation', 'contacts', 'converse', 'probe']);
  });

  it('decides inside the transaction that stores the message, and runs what it decided after it committed', async () => {
    registerInboundConsumer({
      name: 'probe',
      *decide(t, inbound) {
        // The message row is already visible inside the same transaction.
        expect(yield* t.one('SELECT 1 AS "x" FROM "Message" WHERE "id" = ?', inbound.umid)).toEqual({ x: 1 });
        seen.decided.push(inbound);
        return async () => void seen.ran.push(inbound.umid);
      },
      dtmf: async (_db, d) => void seen.dtmf.push(d.dtmf),
    });
    const { umid } = await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      msisdn: '+6591234000',
      type: 'text',
      content: { text: 'hi' },
    });
    expect(seen.decided.at(-1)).toMatchObject({ accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps', channel: 'whatsapp', umid, msisdn: '+6591234000' });
    expect(seen.ran).toContain(umid);
    await receiveDtmf(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6591234000', dtmf: '5' });
    expect(seen.dtmf).toEqual(['5']);
  });

  it('a consumer that throws loses its own part only: the message and the other consumers go on', async () => {
    registerInboundConsumer({
      name: 'broken',
      *decide(t) {
        yield* t.run(
          'INSERT INTO "ConverseNote" ("id", "ticketId", "authorLabel", "text", "createdAt") VALUES (?, ?, ?, ?, ?)',
          'half-written',
          'no-ticket',
          'probe',
          'half-written',
          new Date().toISOString(),
        );
        throw new Error('consumer bug');
      },
    });
    registerInboundConsumer({
      name: 'probe',
      *decide(_t, inbound) {
        return async () => void seen.ran.push(`after-broken:${inbound.umid}`);
      },
    });
    const { umid } = await receiveInbound(db, {
      accountId: 'acme_corp',
      subAccountId: 'acme_corp_chatapps',
      channel: 'whatsapp',
      msisdn: '+6591234001',
      type: 'text',
      content: { text: 'hi' },
    });
    expect(await db.message.findUnique({ where: { id: umid } })).toMatchObject({ direction: 'inbound' });
    expect(await db.converseNote.findUnique({ where: { id: 'half-written' } })).toBeNull();
    expect(seen.ran).toContain(`after-broken:${umid}`);
  });
});
