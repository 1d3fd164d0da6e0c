import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { seedDemoTenant } from '@/test/factories';
import { POST } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { approvedTemplate, call, drainOutbox, msgUrl } from '@/test/messaging-helpers';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { upsertRate } from '@/lib/messaging/pricing/rate-card';

const SUB = 'acme_corp_chatapps';
const HOUR = 3600_000;
const send = (body: unknown) => call(POST, 'POST', msgUrl(SUB), { subAccountId: SUB }, body);
const tpl = (msisdn: string, name: string) => ({ user: { msisdn }, type: 'template', content: { template: { name, language: 'en_US', components: [] } } });
const text = (msisdn: string) => ({ user: { msisdn }, type: 'text', content: { text: 'Hello' } });
const inbound = (msisdn: string, at = new Date(), referral?: { sourceType: string }) =>
  receiveInbound(db, {
    accountId: 'acme_corp',
    subAccountId: SUB,
    channel: 'whatsapp',
    msisdn,
    type: 'text',
    content: { text: 'hi' },
    timestamp: at,
    referral,
  });

async function delivered(umid: string) {
  await drainOutbox();
  return db.message.findUniqueOrThrow({ where: { id: umid } });
}

beforeAll(async () => {
  await seedDemoTenant();
  await approvedTemplate({ name: 'promo', category: 'MARKETING', components: [{ type: 'BODY', text: 'Big sale today' }] });
  await approvedTemplate({ name: 'notice', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order shipped' }] });
  await approvedTemplate({ name: 'otp', category: 'AUTHENTICATION', components: [{ type: 'BODY', text: 'Your code is ready' }] });
});

describe('customer service window (24 h)', () => {
  it('freeform is delivered inside the window and undelivered 1022 once it has expired', async () => {
    await inbound('+15550100001', new Date(Date.now() - 23 * HOUR));
    const inside = await send(text('+15550100001'));
    expect((await delivered(inside.json.umid)).status).toBe('read');
    await inbound('+15550100002', new Date(Date.now() - 25 * HOUR));
    const outside = await send(text('+15550100002'));
    expect(await delivered(outside.json.umid)).toMatchObject({ status: 'undelivered', errorCode: 1022, errorMessage: 'Message window expired' });
  });

  it('every inbound message refreshes the window', async () => {
    await inbound('+15550100003', new Date(Date.now() - 30 * HOUR));
    await inbound('+15550100003', new Date(Date.now() - 1 * HOUR));
    const r = await send(text('+15550100003'));
    expect((await delivered(r.json.umid)).status).toBe('read');
  });
});

describe('pricing', () => {
  it('charges templates by category and calling code; utility is free inside the CSW, service is free', async () => {
    const utilityCold = await delivered((await send(tpl('+15550100010', 'notice'))).json.umid);
    expect(utilityCold).toMatchObject({ category: 'utility', priceMicros: 4000, currency: 'USD' });
    const marketingUk = await delivered((await send(tpl('+447700900123', 'promo'))).json.umid);
    expect(marketingUk).toMatchObject({ category: 'marketing', priceMicros: 52900, country: 'GB' });
    const authIndia = await delivered((await send(tpl('+919876543210', 'otp'))).json.umid);
    expect(authIndia).toMatchObject({ category: 'authentication', priceMicros: 1400, country: 'IN' });
    const otherCountry = await delivered((await send(tpl('+33612345678', 'promo'))).json.umid);
    expect(otherCountry.priceMicros).toBe(59200);

    await inbound('+15550100011');
    const utilityWarm = await delivered((await send(tpl('+15550100011', 'notice'))).json.umid);
    expect(utilityWarm.priceMicros).toBe(0);
    const marketingWarm = await delivered((await send(tpl('+15550100011', 'promo'))).json.umid);
    expect(marketingWarm.priceMicros).toBe(25000);
    const service = await delivered((await send(text('+15550100011'))).json.umid);
    expect(service).toMatchObject({ category: 'service', priceMicros: 0 });
  });

  it('uses the volume tier the account has reached this month, and an edited rate', async () => {
    const month = new Date().toISOString().slice(0, 7);
    await db.monthlyVolume.upsert({
      where: { accountId_month_category: { accountId: 'acme_corp', month, category: 'utility' } },
      create: { accountId: 'acme_corp', month, category: 'utility', count: 100_000 },
      update: { count: 100_000 },
    });
    const tiered = await delivered((await send(tpl('+15550100020', 'notice'))).json.umid);
    expect(tiered.priceMicros).toBe(3800);
    await upsertRate(db, 'acme_corp', { category: 'marketing', callingCode: '1', fromVolume: 0, price: 0.03 });
    const edited = await delivered((await send(tpl('+15550100021', 'promo'))).json.umid);
    expect(edited.priceMicros).toBe(30000);
  });
});

describe('free entry point (72 h)', () => {
  it('an ad referral answered within 24 h makes every message free for 72 h, even after the CSW closed', async () => {
    const msisdn = '+15550100030';
    await inbound(msisdn, new Date(Date.now() - 2 * HOUR), { sourceType: 'ad' });
    const reply = await delivered((await send(text(msisdn))).json.umid);
    expect(reply.status).toBe('read');
    const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: SUB, msisdn } } });
    expect(w.fepExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 71 * HOUR);
    // Close the CSW: marketing is still free inside the FEP.
    await db.conversationWindow.update({ where: { subAccountId_msisdn: { subAccountId: SUB, msisdn } }, data: { cswExpiresAt: new Date(Date.now() - 1000) } });
    const promo = await delivered((await send(tpl(msisdn, 'promo'))).json.umid);
    expect(promo.priceMicros).toBe(0);
  });

  it('a referral not answered within 24 h opens nothing', async () => {
    const msisdn = '+15550100031';
    await inbound(msisdn, new Date(Date.now() - 30 * HOUR), { sourceType: 'page_cta' });
    const promo = await delivered((await send(tpl(msisdn, 'promo'))).json.umid);
    expect(promo.priceMicros).toBe(30000); // the rate edited above
    const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: SUB, msisdn } } });
    expect(w.fepExpiresAt).toBeNull();
  });
});

describe('messaging-limit tier', () => {
  it('refuses a business-initiated conversation with one unique user too many, but not a known user or a reply', async () => {
    await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_250' } });
    const already = await db.businessConversation.findMany({ where: { accountId: 'acme_corp' }, distinct: ['msisdn'] });
    const fill = Array.from({ length: 250 - already.length }, (_, i) => ({
      accountId: 'acme_corp',
      msisdn: `+1555020${String(i).padStart(4, '0')}`,
      openedAt: new Date(),
    }));
    await db.businessConversation.createMany({ data: fill });
    const over = await send(tpl('+15550300001', 'promo'));
    expect(over.status).toBe(429);
    expect(over.json.code).toBe(1030);
    expect(over.json.message).toContain('TIER_250');
    const known = await send(tpl(fill[0]!.msisdn, 'promo'));
    expect(known.status).toBe(200);
    await inbound('+15550300002');
    const reply = await send(tpl('+15550300002', 'promo'));
    expect(reply.status).toBe(200);
    // Older than 24 h no longer counts.
    await db.businessConversation.updateMany({ where: { accountId: 'acme_corp' }, data: { openedAt: new Date(Date.now() - 25 * HOUR) } });
    expect((await send(tpl('+15550300001', 'promo'))).status).toBe(200);
    await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_1K' } });
  });
});

describe('token bucket', () => {
  it('lets the channel rate through each second and makes the rest wait', () => {
    let t = 0;
    const b = new TokenBuckets(() => t);
    let sent = 0;
    for (let i = 0; i < 100; i++) if (b.take('ch', 80) === 0) sent++;
    expect(sent).toBe(80);
    expect(b.take('ch', 80)).toBeGreaterThan(0);
    t = 500;
    let more = 0;
    for (let i = 0; i < 100; i++) if (b.take('ch', 80) === 0) more++;
    expect(more).toBe(40);
  });

  it('spreads a backlog over the channel rate: each waiting message gets its own later slot', () => {
    let t = 0;
    const b = new TokenBuckets(() => t);
    for (let i = 0; i < 10; i++) b.take('ch', 10);
    const waits = [1, 2, 3, 4].map(() => b.reserve('ch', 10, b.take('ch', 10)));
    expect(waits).toEqual([100, 200, 300, 400]);
    t = 150; // later passes queue behind the slots already given out
    expect(b.reserve('ch', 10, b.take('ch', 10))).toBe(350);
  });

  it('the outbox holds messages over the channel rate for later instead of refusing them', async () => {
    await drainOutbox();
    await db.channel.update({ where: { id: 'acme_corp_whatsapp' }, data: { rateLimitPerSecond: 2 } });
    const umids = [];
    for (let i = 0; i < 5; i++) umids.push((await send(tpl(`+1555040000${i + 1}`, 'notice'))).json.umid);
    const { processOutbox } = await import('@/lib/messaging/process-outbox');
    const clock = Date.now() + 1000;
    await processOutbox(db, { now: () => new Date(clock), buckets: new TokenBuckets(() => clock) });
    const states = await db.message.findMany({ where: { id: { in: umids } }, select: { status: true } });
    expect(states.filter((s) => s.status === 'sent')).toHaveLength(2);
    expect(states.filter((s) => s.status === 'queued')).toHaveLength(3);
    // The three waiting ones are due one slot (1/rate s) apart, not all at the next refill.
    const due = await db.messageJob.findMany({ where: { messageId: { in: umids }, kind: 'send' }, orderBy: { dueAt: 'asc' } });
    expect(due.map((j) => j.dueAt.getTime() - clock)).toEqual([500, 1000, 1500]);
    await drainOutbox(new Date(Date.now() + 10_000));
    const after = await db.message.findMany({ where: { id: { in: umids } }, select: { status: true } });
    expect(after.every((s) => s.status === 'read')).toBe(true);
    await db.channel.update({ where: { id: 'acme_corp_whatsapp' }, data: { rateLimitPerSecond: 80 } });
  });
});
