import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { sendSms } from '@/lib/messaging/send-sms';
import { processOutbox, settleOutbox } from '@/lib/messaging/process-outbox';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { startFake8x8, type Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// One carrier that hangs must not hold anyone else's messages: the outbox hands other channels' sends
// over, and stores their outcomes, while the carrier's calls wait for their timeout.
let fake: Fake8x8;

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  fake = await startFake8x8();
  useFake8x8(fake);
});
afterAll(() => fake.close());

const sms = (subAccountId: string, i: number) =>
  sendSms(db, { accountId: EBE.accountId, subAccountId, destination: `+6592${String(i).padStart(6, '1')}`, text: `m${i}` }).then((r) => r.umid);

describe('a slow carrier', () => {
  it('does not block the sandbox channel: its sends complete while 8x8’s server hangs', async () => {
    fake.respond(() => ({ hang: true }));
    const buckets = new TokenBuckets();
    const opts = { buckets, providerTimeoutMs: 5000 };
    const carrier = await Promise.all([1, 2, 3].map((i) => sms(EBE.subAccountId, i)));
    const sandboxFirst = await Promise.all([4, 5].map((i) => sms('acme_corp', i)));

    const started = performance.now();
    await processOutbox(db, opts);
    expect(performance.now() - started, 'the pass waited for the hanging carrier').toBeLessThan(2500);
    await vi.waitFor(() => expect(fake.requests).toHaveLength(3));
    for (const umid of sandboxFirst) expect((await db.message.findUniqueOrThrow({ where: { id: umid } })).status).toBe('sent');

    // Sends queued while the carrier still hangs leave on the next pass, as they would anyway.
    const sandboxLater = await sms('acme_corp', 6);
    const again = performance.now();
    await processOutbox(db, opts);
    expect(performance.now() - again).toBeLessThan(2500);
    expect((await db.message.findUniqueOrThrow({ where: { id: sandboxLater } })).status).toBe('sent');
    // The carrier's sends are still leased to the first pass: not handed over twice.
    expect(fake.requests).toHaveLength(3);
    for (const umid of carrier) expect((await db.message.findUniqueOrThrow({ where: { id: umid } })).status).toBe('queued');

    // Their timeout ends the calls; they are rescheduled, not lost.
    await settleOutbox();
    expect(performance.now() - started).toBeGreaterThanOrEqual(4900);
    const jobs = await db.messageJob.findMany({ where: { messageId: { in: carrier }, kind: 'send' } });
    expect(jobs.map((j) => j.attempts)).toEqual([1, 1, 1]);
    expect(jobs.every((j) => j.dueAt.getTime() > Date.now())).toBe(true);
  }, 15_000);

  it('stores a slow answer when it comes, without another pass', async () => {
    fake.respond(() => ({ delayMs: 400 }));
    const umid = await sms(EBE.subAccountId, 7);
    await processOutbox(db, { buckets: new TokenBuckets() });
    expect(await db.carrierMessage.count({ where: { messageId: umid } })).toBe(0);
    await settleOutbox();
    expect(await db.carrierMessage.count({ where: { messageId: umid } })).toBe(1);
    expect(await db.messageJob.count({ where: { messageId: umid } })).toBe(0);
  });
});
