import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { LOGS_INDEX, SMALL_RANGE, chooseLogsIndex } from '@/lib/messaging/logs/choose-logs-index';
import { decodeCursor, encodeCursor } from '@/lib/messaging/logs/logs-cursor';
import type { LogsFilters } from '@/lib/messaging/logs/logs-query-schema';

// Which index a Logs page walks, on data shaped so that the rule's first choice is the wrong one.

const SUB = 'choose_index_sub';
const RECENT = Date.parse('2025-11-20T00:00:00Z');
const OLD = Date.parse('2025-10-01T00:00:00Z');

function message(i: number, at: number, over: Partial<Prisma.MessageCreateManyInput>): Prisma.MessageCreateManyInput {
  return {
    id: crypto.randomUUID(),
    accountId: 'acme_corp',
    subAccountId: SUB,
    channel: 'whatsapp',
    direction: 'outbound',
    msisdn: '+15552000000',
    channelUserId: '15552000000',
    country: 'US',
    type: 'text',
    content: { text: `m${i}` },
    status: 'read',
    statusAt: new Date(at),
    createdAt: new Date(at + i),
    ...over,
  };
}

const choose = (f: Partial<LogsFilters>, cursor: string | null = null) => chooseLogsIndex(db, SUB, { limit: 50, ...f }, cursor ? decodeCursor(cursor) : null);

beforeAll(async () => {
  const big = SMALL_RANGE + 500;
  const rows: Prisma.MessageCreateManyInput[] = [];
  // Recent: many read messages in Germany, a few in the US and in France, a few rejected.
  for (let i = 0; i < big; i++) rows.push(message(i, RECENT, { country: 'DE', msisdn: '+4915100000001', channelUserId: '4915100000001' }));
  for (let i = 0; i < 10; i++) rows.push(message(big + i, RECENT, {}));
  for (let i = 0; i < 3; i++)
    rows.push(message(big + 10 + i, RECENT, { country: 'FR', msisdn: '+33612345678', channelUserId: '33612345678', status: 'delivered' }));
  for (let i = 0; i < 5; i++) rows.push(message(big + 20 + i, RECENT, { status: 'rejected', country: 'DE' }));
  // Old: many US messages, all read.
  for (let i = 0; i < big; i++) rows.push(message(i, OLD, {}));
  await db.message.createMany({ data: rows });
});

const postgres = process.env.TEST_DATABASE === 'postgres';

// SQLite's choice: PostgreSQL has no INDEXED BY and picks the index from its own statistics.
describe.skipIf(postgres)('chooseLogsIndex', () => {
  it('takes the primary key for a umid, the time index without filters, a single filter’s own index', async () => {
    expect(await choose({ umid: 'x', status: 'read' })).toBeNull();
    expect(await choose({})).toBe(LOGS_INDEX.time);
    expect(await choose({ from: new Date(RECENT) })).toBe(LOGS_INDEX.time);
    for (const k of ['msisdn', 'campaignId', 'workflowId', 'status', 'country', 'channel', 'direction'] as const)
      expect(await choose({ [k]: 'x' })).toBe(LOGS_INDEX[k]);
  });

  it('walks a rare value’s index rather than a common one that comes first in the rule', async () => {
    // read: ~5,000 messages; FR: 3. The status index would be read to its end for nothing.
    expect(await choose({ status: 'read', country: 'FR' })).toBe(LOGS_INDEX.country);
    expect(await choose({ direction: 'outbound', country: 'FR', channel: 'whatsapp' })).toBe(LOGS_INDEX.country);
    // rejected is rare and first in the rule.
    expect(await choose({ status: 'rejected', country: 'US' })).toBe(LOGS_INDEX.status);
    // Both common: the rule's first, whose index checks the other filter without reading rows.
    expect(await choose({ status: 'read', country: 'US' })).toBe(LOGS_INDEX.status);
    expect(await choose({ msisdn: '+15552000000', status: 'rejected' })).toBe(LOGS_INDEX.status);
  });

  it('counts only within the time range and after the cursor', async () => {
    // US has ~2,500 messages, but only 10 since RECENT; read has ~2,500 since RECENT.
    expect(await choose({ status: 'read', country: 'US', from: new Date(RECENT) })).toBe(LOGS_INDEX.country);
    expect(await choose({ status: 'read', country: 'US', to: new Date(RECENT) })).toBe(LOGS_INDEX.status);
    // Since RECENT, read holds ~2,500 and US 10; on a page whose cursor sits 100 ms after RECENT, read
    // holds only the 100 messages before it, and comes first in the rule.
    expect(await choose({ status: 'read', country: 'US', from: new Date(RECENT) }, encodeCursor(new Date(RECENT + 100), 'z'))).toBe(LOGS_INDEX.status);
  });
});

describe.runIf(postgres)('chooseLogsIndex on PostgreSQL', () => {
  it('names no index and runs no probe, whatever the filters', async () => {
    expect(await choose({})).toBeNull();
    expect(await choose({ status: 'read', country: 'FR' })).toBeNull();
  });
});
