import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { ValidationError } from '@/lib/errors';
import { toApiMessage } from '@/lib/messaging/message-view';
import { listMessages, type LogsPage } from '@/lib/messaging/logs/list-messages';
import { encodeCursor } from '@/lib/messaging/logs/logs-cursor';

// Behaviour of the Logs query over a real SQLite file: every filter against a model of the rows
// (the same predicate in JavaScript), the keyset cursor, and the 400s for bad values.

const SUB = 'logs_test_sub';
const T0 = Date.parse('2025-11-10T00:00:00.000Z');
const HOUR = 3_600_000;

type Row = Prisma.MessageCreateManyInput & { createdAt: Date };

const COUNTRIES: Array<[string, string]> = [
  ['US', '+1555200'],
  ['GB', '+4477009'],
  ['DE', '+4915100'],
  ['SG', '+658100'],
];
const OUT_STATES = ['read', 'delivered', 'sent', 'queued', 'undelivered', 'rejected'];

function row(i: number, over: Partial<Row> = {}): Row {
  const [country, prefix] = COUNTRIES[i % COUNTRIES.length]!;
  const msisdn = `${prefix}${String(1000 + (i % 9)).padStart(4, '0')}`;
  const inbound = i % 3 === 0;
  const createdAt = new Date(T0 + i * HOUR);
  return {
    id: crypto.randomUUID(),
    accountId: 'acme_corp',
    subAccountId: SUB,
    channel: i % 5 === 0 ? 'sms' : i % 7 === 0 ? 'voice' : 'whatsapp',
    direction: inbound ? 'inbound' : 'outbound',
    msisdn,
    channelUserId: msisdn.slice(1),
    country,
    type: 'text',
    content: { text: `message ${i}` },
    status: inbound ? 'received' : OUT_STATES[Math.floor(i / 3) % OUT_STATES.length]!,
    statusAt: createdAt,
    createdAt,
    // Some outbound messages come from one of two campaigns, some from a workflow run.
    campaignId: !inbound && i % 4 === 1 ? (i % 8 === 1 ? 'cmp_a' : 'cmp_b') : null,
    workflowId: !inbound && i % 4 === 2 ? 'wf_a' : null,
    // Failures carry their error code, as applyStatus stores it.
    errorCode: !inbound && OUT_STATES[Math.floor(i / 3) % OUT_STATES.length] === 'undelivered' ? (i % 2 ? 1003 : 131026) : null,
    ...over,
  };
}

const rows: Row[] = [];

/** Every page for `query`, following nextCursor with a small page size so that paging is exercised. */
async function all(query: Record<string, string>, limit = 7): Promise<LogsPage['data']> {
  const out: LogsPage['data'] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const page: LogsPage = await listMessages(db, SUB, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    out.push(...page.data);
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('cursor never ended');
}

/** The rows a filter must return, newest first (createdAt, then umid, descending). */
function expected(pred: (r: Row) => boolean): string[] {
  return rows
    .filter(pred)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((r) => r.id);
}

async function rejects(query: Record<string, string>, path: string, code = 1005) {
  const err = await listMessages(db, SUB, query).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).code).toBe(code);
  expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
}

beforeAll(async () => {
  for (let i = 0; i < 240; i++) rows.push(row(i));
  // Thirty messages in the same millisecond (a campaign batch): the cursor must neither skip nor repeat them.
  const burst = new Date(T0 + 100 * HOUR + 1);
  for (let i = 0; i < 30; i++) rows.push(row(1000 + i, { createdAt: burst, statusAt: burst }));
  // A customer in France, only in the oldest messages: a filter that matches almost nothing.
  rows.push(
    row(2000, {
      country: 'FR',
      msisdn: '+33612345678',
      channelUserId: '33612345678',
      direction: 'outbound',
      status: 'rejected',
      channel: 'sms',
      createdAt: new Date(T0 - HOUR),
    }),
  );
  // Another subaccount's messages never show.
  rows.push(row(3000, { subAccountId: 'logs_other_sub' }), row(3001, { subAccountId: 'logs_other_sub', createdAt: burst }));
  await db.message.createMany({ data: rows });
});

const mine = (r: Row) => r.subAccountId === SUB;

describe('listMessages: results', () => {
  it('answers newest first, 50 by default, at most 500', async () => {
    const page = await listMessages(db, SUB, {});
    expect(page.data.map((m) => m.umid)).toEqual(expected(mine).slice(0, 50));
    expect(page.nextCursor).toEqual(expect.any(String));
    expect((await listMessages(db, SUB, { limit: '500' })).data).toHaveLength(expected(mine).length);
    expect((await listMessages(db, SUB, { limit: '500' })).nextCursor).toBeNull();
  });

  it('pages through every message exactly once, including thirty with the same timestamp', async () => {
    for (const limit of [1, 4, 7, 50]) expect((await all({}, limit)).map((m) => m.umid)).toEqual(expected(mine));
    const burst = rows.filter((r) => r.createdAt.getTime() === T0 + 100 * HOUR + 1 && mine(r)).map((r) => r.id);
    expect(burst).toHaveLength(30);
    // Page boundaries inside the burst: the cursor's umid breaks the tie.
    const ids = (await all({ from: '2025-11-14T04:00:00.001Z', to: '2025-11-14T04:00:00.001Z' }, 4)).map((m) => m.umid);
    expect(ids).toEqual([...burst].sort().reverse());
  });

  const cases: Array<[string, Record<string, string>, (r: Row) => boolean]> = [
    ['direction', { direction: 'inbound' }, (r) => r.direction === 'inbound'],
    ['msisdn', { msisdn: '+15552001003' }, (r) => r.msisdn === '+15552001003'],
    ['status', { status: 'undelivered' }, (r) => r.status === 'undelivered'],
    ['status received', { status: 'received' }, (r) => r.status === 'received'],
    ['channel', { channel: 'voice' }, (r) => r.channel === 'voice'],
    ['country', { country: 'DE' }, (r) => r.country === 'DE'],
    ['rare country', { country: 'FR' }, (r) => r.country === 'FR'],
    ['from', { from: '2025-11-18T12:00:00Z' }, (r) => r.createdAt.getTime() >= Date.parse('2025-11-18T12:00:00Z')],
    ['to', { to: '2025-11-11T05:00:00Z' }, (r) => r.createdAt.getTime() <= Date.parse('2025-11-11T05:00:00Z')],
    [
      'from+to',
      { from: '2025-11-12T00:00:00Z', to: '2025-11-13T00:00:00Z' },
      (r) => r.createdAt.getTime() >= Date.parse('2025-11-12') && r.createdAt.getTime() <= Date.parse('2025-11-13'),
    ],
    ['campaignId', { campaignId: 'cmp_a' }, (r) => r.campaignId === 'cmp_a'],
    ['workflowId', { workflowId: 'wf_a' }, (r) => r.workflowId === 'wf_a'],
    ['campaignId+status', { campaignId: 'cmp_b', status: 'read' }, (r) => r.campaignId === 'cmp_b' && r.status === 'read'],
    [
      'campaignId+country+range',
      { campaignId: 'cmp_a', country: 'GB', from: '2025-11-13' },
      (r) => r.campaignId === 'cmp_a' && r.country === 'GB' && r.createdAt.getTime() >= Date.parse('2025-11-13'),
    ],
    ['campaignId+workflowId, none', { campaignId: 'cmp_a', workflowId: 'wf_a' }, () => false],
    ['unknown campaignId, none', { campaignId: 'cmp_nobody' }, () => false],
    ['errorCode', { errorCode: '1003' }, (r) => r.errorCode === 1003],
    ['errorCode+country', { errorCode: '131026', country: 'DE' }, (r) => r.errorCode === 131026 && r.country === 'DE'],
    ['unknown errorCode, none', { errorCode: '42' }, () => false],
    ['status+country', { status: 'read', country: 'GB' }, (r) => r.status === 'read' && r.country === 'GB'],
    ['status+country, none', { status: 'received', country: 'FR' }, () => false],
    ['direction+msisdn', { direction: 'outbound', msisdn: '+15552001004' }, (r) => r.direction === 'outbound' && r.msisdn === '+15552001004'],
    ['channel+status', { channel: 'sms', status: 'rejected' }, (r) => r.channel === 'sms' && r.status === 'rejected'],
    ['direction+status, none', { direction: 'inbound', status: 'read' }, () => false],
    ['channel+country', { channel: 'whatsapp', country: 'SG' }, (r) => r.channel === 'whatsapp' && r.country === 'SG'],
    [
      'msisdn+from/to',
      { msisdn: '+4915100' + '1002', from: '2025-11-13', to: '2025-11-17' },
      (r) => r.msisdn === '+49151001002' && r.createdAt.getTime() >= Date.parse('2025-11-13') && r.createdAt.getTime() < Date.parse('2025-11-18'),
    ],
    [
      'status+direction+channel+country+range',
      { status: 'read', direction: 'outbound', channel: 'whatsapp', country: 'US', from: '2025-11-11' },
      (r) => r.status === 'read' && r.channel === 'whatsapp' && r.country === 'US' && r.createdAt.getTime() >= Date.parse('2025-11-11'),
    ],
  ];
  for (const [name, query, pred] of cases) {
    it(`filters: ${name}`, async () => {
      const want = expected((r) => mine(r) && pred(r));
      expect((await all(query)).map((m) => m.umid)).toEqual(want);
    });
  }

  it('every filter case above that should match something does (the model is not vacuous)', () => {
    for (const [name, , pred] of cases) if (!name.includes('none')) expect(expected((r) => mine(r) && pred(r)).length, name).toBeGreaterThan(0);
  });

  it('finds a message by umid only in its own subaccount', async () => {
    const own = rows.find((r) => mine(r) && r.status === 'rejected')!;
    const other = rows.find((r) => !mine(r))!;
    expect((await listMessages(db, SUB, { umid: own.id })).data.map((m) => m.umid)).toEqual([own.id]);
    expect((await listMessages(db, SUB, { umid: own.id, status: 'read' })).data).toEqual([]);
    expect((await listMessages(db, SUB, { umid: other.id })).data).toEqual([]);
  });

  it('returns the same Message shape as the Prisma model view (types of every column)', async () => {
    const id = crypto.randomUUID();
    const at = new Date(T0 - 30 * 24 * HOUR);
    await db.message.create({
      data: {
        ...row(5000, { id, createdAt: at, statusAt: new Date(at.getTime() + 5000) }),
        direction: 'outbound',
        status: 'undelivered',
        statusDetail: 'rejected_by_operator',
        errorCode: 1003,
        errorMessage: 'Unreachable destination',
        rendered: { body: 'Hi {{1}}', parameters: ['Ann'] },
        templateName: 'welcome',
        templateLanguage: 'en_US',
        category: 'marketing',
        priceMicros: 12_345,
        currency: 'EUR',
        clientMessageId: 'client-1',
        workflowId: 'wf_1',
        campaignId: 'cmp_1',
      },
    });
    const [listed] = (await listMessages(db, SUB, { umid: id })).data;
    expect(listed).toEqual(toApiMessage((await db.message.findUniqueOrThrow({ where: { id } }))!));
    expect(listed).toMatchObject({ price: { amount: 0.012345, currency: 'EUR' }, status: { errorCode: 1003 }, createdAt: at.toISOString() });
    await db.message.delete({ where: { id } });
  });
});

describe('listMessages: query values', () => {
  it('takes country in any case and msisdn with or without +, or with the + a query string turns into a space', async () => {
    const de = expected((r) => mine(r) && r.country === 'DE');
    expect((await all({ country: 'de' })).map((m) => m.umid)).toEqual(de);
    const one = expected((r) => mine(r) && r.msisdn === '+15552001003');
    for (const msisdn of ['+15552001003', '15552001003', ' 15552001003', '+1 555 200 1003']) expect((await all({ msisdn })).map((m) => m.umid)).toEqual(one);
  });

  it('reads a bare "to" as the whole day, a date-time without offset as UTC, and honours offsets', async () => {
    const day = (r: Row) => mine(r) && r.createdAt.getTime() >= Date.parse('2025-11-12') && r.createdAt.getTime() < Date.parse('2025-11-13');
    expect((await all({ from: '2025-11-12', to: '2025-11-12' })).map((m) => m.umid)).toEqual(expected(day));
    expect(expected(day)).toHaveLength(24);
    // Whatever zone the server runs in (Date.parse would read these as local time).
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    const utc = await all({ from: '2025-11-12T10:00:00', to: '2025-11-12T12:00' }).finally(() =>
      zone === undefined ? delete process.env.TZ : (process.env.TZ = zone),
    );
    expect(utc.map((m) => m.createdAt)).toEqual(['2025-11-12T12:00:00.000Z', '2025-11-12T11:00:00.000Z', '2025-11-12T10:00:00.000Z']);
    const offset = await all({ from: '2025-11-12T12:00:00+02:00', to: '2025-11-12T13:00:00+0200' });
    expect(offset.map((m) => m.createdAt)).toEqual(['2025-11-12T11:00:00.000Z', '2025-11-12T10:00:00.000Z']);
    expect((await all({ to: '2025-11-09' })).map((m) => m.umid)).toEqual(expected((r) => mine(r) && r.country === 'FR'));
  });

  it('refuses values that are not ISO dates instead of guessing', async () => {
    for (const bad of ['1', 'March 7, 2025', '2025-02-30', '2025-13-01', '2025-11-10T24:00:00Z', '10000-01-01', '2025-11-10T10:00:00+25:00', '']) {
      await rejects({ from: bad }, 'from');
      await rejects({ to: bad }, 'to');
    }
    await rejects({ from: '2025-11-12', to: '2025-11-11' }, 'to');
    expect((await listMessages(db, SUB, { from: '2024-02-29', to: '2024-02-29' })).data).toEqual([]);
  });

  it('checks limit: 1 to 500, a whole number', async () => {
    for (const limit of ['0', '-1', '501', '2.5', 'ten', '']) await rejects({ limit }, 'limit');
    expect((await listMessages(db, SUB, { limit: '1' })).data).toHaveLength(1);
  });

  it('refuses bad enum values, a bad country, an invalid MSISDN (1002) and unknown parameters', async () => {
    await rejects({ direction: 'sideways' }, 'direction');
    await rejects({ status: 'lost' }, 'status');
    await rejects({ channel: 'fax' }, 'channel');
    await rejects({ country: 'USA' }, 'country');
    await rejects({ umid: '' }, 'umid');
    await rejects({ campaignId: '' }, 'campaignId');
    await rejects({ workflowId: 'w'.repeat(101) }, 'workflowId');
    for (const errorCode of ['', 'x', '-1', '1.5', '1234567890']) await rejects({ errorCode }, 'errorCode');
    await rejects({ msisdn: '12' }, 'msisdn', 1002);
    await rejects({ stauts: 'undelivered' }, 'stauts');
  });

  it('takes enum values in any case, as the send API does', async () => {
    const upper = await listMessages(db, SUB, { direction: 'OUTBOUND', status: 'Read', channel: 'WhatsApp', limit: '500' });
    const lower = await listMessages(db, SUB, { direction: 'outbound', status: 'read', channel: 'whatsapp', limit: '500' });
    expect(upper.data.length).toBeGreaterThan(0);
    expect(upper.data.map((m) => m.umid)).toEqual(lower.data.map((m) => m.umid));
  });

  it('refuses a cursor that is not ours, including one whose time is out of range (was a 500)', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const cursor of ['nonsense', b64('99999999999999999999:abc'), b64('8640000000000001:abc'), b64('1700000000000:'), b64(':abc'), b64('-5:abc')])
      await rejects({ cursor }, 'cursor');
    // A well-formed cursor is a position, even if no message sits exactly there.
    const page = await listMessages(db, SUB, { cursor: encodeCursor(new Date(T0 + 2 * HOUR), 'z'), limit: '500' });
    expect(page.data.map((m) => m.umid)).toEqual(expected((r) => mine(r) && r.createdAt.getTime() <= T0 + 2 * HOUR));
  });
});
