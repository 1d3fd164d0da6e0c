import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { dialectOf, LOCKING, read, write } from '@/lib/db/tx';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { priceDeliveredMessage } from '@/lib/messaging/pricing/price-message';
import { storeCampaign } from '@/test/campaign-fixtures';
import { seedDemoTenant } from '@/test/factories';
import { stillPending, whileOpen } from '@/test/postgres-locks';

// Tx.addAtEnd: the hot counter rows (a campaign's, the month's volume) summed per transaction and, on
// PostgreSQL, written as it commits. The sums are the same on both databases.

const counters = (id: string) => db.campaign.findUniqueOrThrow({ where: { id }, select: { queued: true, sent: true, delivered: true } });
const onPostgres = dialectOf(db) === 'postgres';

async function campaignWithQueued(name: string) {
  const id = await storeCampaign({ templateName: name, recipients: 1 });
  await db.campaign.update({ where: { id }, data: { queued: 10, pending: 0 } });
  return id;
}

beforeAll(async () => {
  await seedDemoTenant();
});

describe('counters added at the end of a transaction', () => {
  it('moves in one transaction sum up; a savepoint rolled back takes its moves with it', async () => {
    const id = await campaignWithQueued('sum');
    await write(
      db,
      function* (t) {
        yield* moveCounters(t, id, 'queued', 'sent', 1, new Date());
        yield* moveCounters(t, id, 'queued', 'sent', 2, new Date());
        yield* moveCounters(t, id, 'sent', 'delivered', 1, new Date());
        try {
          yield* t.savepoint(function* (s) {
            yield* moveCounters(s, id, 'queued', 'sent', 100, new Date());
            throw new Error('this part is undone');
          });
        } catch {}
      },
      LOCKING,
    );
    expect(await counters(id)).toEqual({ queued: 7, sent: 2, delivered: 1 });
  });

  it('prices deliveries in one transaction from the volume before each, counting the ones before it in the same transaction', async () => {
    const accountId = 'acme_corp';
    const at = new Date('2031-03-15T10:00:00Z');
    const month = '2031-03';
    await db.rateCardEntry.deleteMany({ where: { accountId } });
    await db.rateCardEntry.createMany({
      data: [
        { accountId, category: 'marketing', callingCode: '*', fromVolume: 0, priceMicros: 100 },
        { accountId, category: 'marketing', callingCode: '*', fromVolume: 2, priceMicros: 50 },
      ],
    });
    const ctx = { accountId, category: 'marketing', callingCode: '65', inCsw: false, inFep: false, at };
    const prices = await write(
      db,
      function* (t) {
        const out: number[] = [];
        for (let i = 0; i < 3; i++) out.push((yield* priceDeliveredMessage(t, ctx)).priceMicros);
        return out;
      },
      LOCKING,
    );
    // Volumes 0, 1, 2 before each: the third reaches the second tier.
    expect(prices).toEqual([100, 100, 50]);
    const stored = await read(db, (t) =>
      t.one<{ count: number }>('SELECT "count" FROM "MonthlyVolume" WHERE "accountId" = ? AND "month" = ? AND "category" = ?', accountId, month, 'marketing'),
    );
    expect(Number(stored?.count)).toBe(3);
  });

  it.skipIf(!onPostgres)('on PostgreSQL, another transaction changes the campaign row while a batch that moved its counters is still running', async () => {
    const id = await campaignWithQueued('unlocked');
    await whileOpen(
      (t) => moveCounters(t, id, 'queued', 'sent', 1, new Date()),
      async () => {
        // A receipt of another worker's batch: not held up by this one, which has not reached its end.
        const other = write(db, (t) => moveCounters(t, id, 'sent', 'delivered', 1, new Date()), LOCKING);
        expect(await stillPending(other, 300)).toBe(false);
        await other;
      },
    );
    expect(await counters(id)).toEqual({ queued: 9, sent: 0, delivered: 1 });
  });
});
