import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { encryptJson } from '@/lib/crypto/secret-box';
import { seedDemoTenant } from '@/test/factories';
import { sendSms } from '@/lib/messaging/send-sms';
import { retryDelayMs } from '@/lib/messaging/process-outbox';
import { parseRetryAfter } from '@/lib/channels/eightbyeight/call-eight-by-eight';
import { fake8x8Error, startFake8x8, type Fake8x8 } from '@/test/fake-8x8/fake-8x8-server';
import { createEightByEightChannels, EBE, runOutbox, useFake8x8 } from '@/test/fake-8x8/eight-by-eight-fixtures';

// Every way 8x8 can answer a send other than "queued": refusals become rejected with 8x8's code,
// 429/5xx/timeouts/dropped connections are retried later, and nothing is retried forever.
let fake: Fake8x8;
let n = 0;

beforeAll(async () => {
  await seedDemoTenant();
  await createEightByEightChannels();
  fake = await startFake8x8();
  useFake8x8(fake);
});
afterEach(() => fake.respond());
afterAll(() => fake.close());

async function queueSms(subAccountId: string = EBE.subAccountId): Promise<string> {
  n++;
  const r = await sendSms(db, { accountId: EBE.accountId, subAccountId, destination: `+659100${String(n).padStart(4, '1')}`, text: `message ${n}` });
  return r.umid;
}
const requestsFor = (umid: string) => fake.requests.filter((r) => (r.body as { clientMessageId?: string }).clientMessageId === umid);
const message = (umid: string) => db.message.findUniqueOrThrow({ where: { id: umid } });
const job = (umid: string) => db.messageJob.findFirst({ where: { messageId: umid, kind: 'send' } });

describe('8x8 refusals', () => {
  it.each([
    [400, 1002, 'Invalid MSISDN'],
    [400, 1005, "Invalid parameter(s): 'user.msisdn'"],
    [404, 3038, 'Template not found'],
    [400, 3041, 'Invalid Template parameter'],
  ])('%i with code %i: rejected with 8x8’s code and message, not retried', async (status, code, text) => {
    fake.respond(() => fake8x8Error(status, code, text));
    const umid = await queueSms();
    await runOutbox();
    expect(await message(umid)).toMatchObject({ status: 'rejected', errorCode: code, errorMessage: text });
    expect(await job(umid)).toBeNull();
    expect(requestsFor(umid)).toHaveLength(1);
    const history = await db.messageStatusChange.findMany({ where: { messageId: umid }, orderBy: { id: 'asc' } });
    expect(history.map((h) => h.state)).toEqual(['queued', 'rejected']);
  });

  it('a refused API key: rejected with 1200 and a message that points at the channel’s credentials', async () => {
    fake.respond(() => fake8x8Error(401, 1200, 'Unauthorized Access'));
    const umid = await queueSms();
    await runOutbox();
    const m = await message(umid);
    expect(m).toMatchObject({ status: 'rejected', errorCode: 1200 });
    expect(m.errorMessage).toMatch(/API key.*credentials/);
  });

  it('a refusal inside a 200 (status.state rejected) is a rejection too', async () => {
    fake.respond(() => ({ body: { umid: 'x', status: { state: 'rejected', errorCode: 1002, errorMessage: 'Invalid MSISDN' } } }));
    const umid = await queueSms();
    await runOutbox();
    expect(await message(umid)).toMatchObject({ status: 'rejected', errorCode: 1002, errorMessage: 'Invalid MSISDN' });
  });

  it('a channel without credentials is rejected without calling 8x8', async () => {
    await db.subAccount.create({ data: { id: 'acme_8x8_nokey', accountId: EBE.accountId, name: 'No key' } });
    await db.channel.create({ data: { id: 'acme_8x8_nokey_sms', subAccountId: 'acme_8x8_nokey', kind: 'sms', name: 'x', address: 'X', provider: '8x8' } });
    const before = fake.requests.length;
    const umid = await queueSms('acme_8x8_nokey');
    await runOutbox();
    expect((await message(umid)).errorMessage).toMatch(/no complete 8x8 credentials/);
    expect(fake.requests.length).toBe(before);
  });

  it('credentials under another key (unreadable) are refused the same way', async () => {
    await db.subAccount.create({ data: { id: 'acme_8x8_badkey', accountId: EBE.accountId, name: 'Bad key' } });
    const credentials = encryptJson(EBE.credentials, Buffer.alloc(32, 7));
    await db.channel.create({
      data: { id: 'acme_8x8_badkey_sms', subAccountId: 'acme_8x8_badkey', kind: 'sms', name: 'x', address: 'X', provider: '8x8', credentials },
    });
    const umid = await queueSms('acme_8x8_badkey');
    await runOutbox();
    expect(await message(umid)).toMatchObject({ status: 'rejected' });
  });
});

describe('8x8 retries', () => {
  it('429 with Retry-After: the send waits exactly that long, then goes again and is accepted', async () => {
    let calls = 0;
    fake.respond(() => (calls++ === 0 ? fake8x8Error(429, 1005, 'Too many requests', { 'retry-after': '7' }) : undefined));
    const umid = await queueSms();
    const t0 = Date.now();
    await runOutbox({ now: () => new Date(t0) });
    const waiting = await job(umid);
    expect(waiting?.dueAt.getTime()).toBe(t0 + 7000);
    expect((await message(umid)).status).toBe('queued');
    await runOutbox({ now: () => new Date(t0 + 6999) });
    expect(requestsFor(umid)).toHaveLength(1);
    await runOutbox({ now: () => new Date(t0 + 7000) });
    expect(requestsFor(umid)).toHaveLength(2);
    expect(await job(umid)).toBeNull();
    expect(await db.carrierMessage.count({ where: { messageId: umid } })).toBe(1);
  });

  it('Retry-After as an HTTP date is honoured too', async () => {
    let calls = 0;
    fake.respond(() => (calls++ === 0 ? fake8x8Error(503, 1000, 'Maintenance', { 'retry-after': new Date(Date.now() + 30_000).toUTCString() }) : undefined));
    const umid = await queueSms();
    // After the send is queued: a pass at an earlier time would find it not yet due.
    const t0 = Date.now();
    await runOutbox({ now: () => new Date(t0) });
    const wait = (await job(umid))!.dueAt.getTime() - t0;
    expect(wait).toBeGreaterThan(28_000);
    expect(wait).toBeLessThanOrEqual(31_000);
  });

  it.each([
    ['500', () => fake8x8Error(500, 1000, 'Internal error')],
    ['502 without a body', () => ({ status: 502, body: '' })],
    ['a dropped connection', () => ({ drop: true })],
    ['a 200 that is not JSON', () => ({ status: 200, body: '<html>proxy</html>' })],
  ])('%s: retried after a jittered backoff, then accepted', async (_name, failure) => {
    let calls = 0;
    fake.respond(() => (calls++ === 0 ? failure() : undefined));
    const umid = await queueSms();
    const t0 = Date.now();
    await runOutbox({ now: () => new Date(t0) });
    const wait = (await job(umid))!.dueAt.getTime() - t0;
    // First attempt: 2 s doubled once, half of it random.
    expect(wait).toBeGreaterThanOrEqual(1000);
    expect(wait).toBeLessThanOrEqual(2000);
    expect((await message(umid)).status).toBe('queued');
    await runOutbox({ now: () => new Date(t0 + 2000) });
    expect(await job(umid)).toBeNull();
    expect(requestsFor(umid)).toHaveLength(2);
  });

  it('a carrier that never answers in time: the call is cut at the timeout and retried', async () => {
    let calls = 0;
    fake.respond(() => (calls++ === 0 ? { hang: true } : undefined));
    const umid = await queueSms();
    const t0 = Date.now();
    const started = performance.now();
    await runOutbox({ now: () => new Date(t0), providerTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await job(umid))?.attempts).toBe(1);
    await runOutbox({ now: () => new Date(t0 + 2000) });
    expect(await job(umid)).toBeNull();
  });

  it('a carrier that keeps failing: rejected after the last attempt, naming why', async () => {
    fake.respond(() => fake8x8Error(503, 1000, 'Service unavailable'));
    const umid = await queueSms();
    let clock = Date.now();
    for (let i = 0; i < 8; i++) {
      await runOutbox({ now: () => new Date(clock) });
      clock += 301_000;
    }
    expect(requestsFor(umid)).toHaveLength(8);
    const m = await message(umid);
    expect(m).toMatchObject({ status: 'rejected', statusDetail: 'provider_error' });
    expect(m.errorMessage).toMatch(/after 8 attempts: 8x8 answered 503: Service unavailable/);
    expect(await job(umid)).toBeNull();
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or a date, capped at five minutes', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999', now)).toBe(300_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('doubles per attempt with half of it random, capped, and takes Retry-After when given', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(1000);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(2000);
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(6000);
    expect(retryDelayMs(20, undefined, () => 1)).toBe(300_000);
    expect(retryDelayMs(5, 1500)).toBe(1500);
  });
});
