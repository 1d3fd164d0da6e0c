import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { buildLogsProbe, buildLogsQuery } from '@/lib/messaging/logs/build-logs-query';
import { LOGS_INDEX, indexedFilters, type LogsIndex } from '@/lib/messaging/logs/choose-logs-index';
import type { LogsFilters } from '@/lib/messaging/logs/logs-query-schema';

// The property that keeps every Logs page cheap over a million messages, checked on the migrated
// schema without a million rows: for every combination of filters, range and cursor, and whichever
// index chooseLogsIndex may pick for it, SQLite reads that one index range in order (a SEARCH, never a
// SCAN) and never sorts (no TEMP B-TREE).

const EQUALITY = {
  umid: '7f1c2a9e-0000-4000-8000-000000000001',
  msisdn: '+15551234567',
  status: 'read',
  country: 'SG',
  channel: 'sms',
  direction: 'inbound',
  campaignId: 'cmp_1',
  workflowId: 'wf_1',
} as const;

const CURSOR = { createdAt: new Date('2025-11-10T10:00:00Z'), id: 'b' };

async function explain(sql: { sql: string; values: unknown[] }): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql.sql}`, ...sql.values);
  return rows.map((r) => r.detail);
}

/** The page query's plan when it walks `index` (by default the first of the rule, as chooseLogsIndex would without counts). */
function plan(f: Partial<LogsFilters>, cursor: boolean, index: LogsIndex | null = defaultIndex(f)): Promise<string[]> {
  return explain(buildLogsQuery('acme_corp_chatapps', { limit: 50, ...f }, cursor ? CURSOR : null, 51, index));
}

function defaultIndex(f: Partial<LogsFilters>): LogsIndex | null {
  if (f.umid) return null;
  const first = indexedFilters(f)[0];
  return first ? LOGS_INDEX[first] : LOGS_INDEX.time;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}

// SQLite's plans (EXPLAIN QUERY PLAN, INDEXED BY, sqlite_stat1): PostgreSQL names no index and plans
// on its own statistics, so there is nothing of ours to check there.
describe.skipIf(process.env.TEST_DATABASE === 'postgres')('buildLogsQuery: query plans', () => {
  const keys = Object.keys(EQUALITY) as Array<keyof typeof EQUALITY>;
  const ranges: Array<Partial<LogsFilters>> = [
    {},
    { from: new Date('2025-11-01T00:00:00Z') },
    { to: new Date('2025-11-30T00:00:00Z') },
    { from: new Date('2025-11-01T00:00:00Z'), to: new Date('2025-11-30T00:00:00Z') },
  ];

  it('reads one index range in order for all 1,024 combinations of filters, range and cursor, whichever index of its filters it walks', async () => {
    let checked = 0;
    for (const set of subsets(keys)) {
      const f: LogsFilters = { limit: 50, ...Object.fromEntries(set.map((k) => [k, EQUALITY[k]])) };
      const candidates = f.umid ? [null] : indexedFilters(f).length ? indexedFilters(f).map((k) => LOGS_INDEX[k]) : [LOGS_INDEX.time];
      for (const range of ranges) {
        for (const cursor of [false, true]) {
          for (const index of candidates) {
            const steps = await plan({ ...f, ...range }, cursor, index);
            const label = JSON.stringify({ set, range: Object.keys(range), cursor, index, steps });
            expect(steps, label).toHaveLength(1);
            expect(steps[0], label).toMatch(
              index
                ? new RegExp(`^SEARCH Message USING INDEX ${index} \\(subAccountId=\\?`)
                : /^SEARCH Message USING INDEX sqlite_autoindex_Message_1 \(id=\?\)$/,
            );
            checked++;
          }
          // The counts that choose between them stay inside each index too.
          for (const k of indexedFilters(f)) {
            const probe = await explain(buildLogsProbe('acme_corp_chatapps', { ...f, ...range }, cursor ? CURSOR : null, k, LOGS_INDEX[k], 2000));
            expect(
              probe.filter((d) => !/^(CO-ROUTINE|SCAN) probe/.test(d)),
              JSON.stringify({ k, probe }),
            ).toEqual([expect.stringMatching(new RegExp(`^SEARCH Message USING COVERING INDEX ${LOGS_INDEX[k]} \\(subAccountId=\\? AND ${k}=\\?`))]);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(256 * 4 * 2);
  });

  it('reads from/to and the cursor as bounds of the index range, not as filters on it', async () => {
    expect(await plan({}, false)).toEqual([`SEARCH Message USING INDEX ${LOGS_INDEX.time} (subAccountId=?)`]);
    expect(await plan({}, true)).toEqual([`SEARCH Message USING INDEX ${LOGS_INDEX.time} (subAccountId=? AND (createdAt,id)<(?,?))`]);
    expect(await plan({ umid: EQUALITY.umid, status: 'read' }, false)).toEqual(['SEARCH Message USING INDEX sqlite_autoindex_Message_1 (id=?)']);
    expect(await plan({ msisdn: EQUALITY.msisdn, status: 'read', from: new Date('2025-11-01T00:00:00Z') }, false)).toEqual([
      `SEARCH Message USING INDEX ${LOGS_INDEX.msisdn} (subAccountId=? AND msisdn=? AND createdAt>?)`,
    ]);
    expect(await plan({ status: 'read', country: 'SG', channel: 'sms' }, true)).toEqual([
      `SEARCH Message USING INDEX ${LOGS_INDEX.status} (subAccountId=? AND status=? AND (createdAt,id)<(?,?))`,
    ]);
    expect(await plan({ country: 'SG', direction: 'inbound', to: new Date('2025-11-30T00:00:00Z') }, false)).toEqual([
      `SEARCH Message USING INDEX ${LOGS_INDEX.country} (subAccountId=? AND country=? AND createdAt<?)`,
    ]);
    expect(await plan({ channel: 'sms', direction: 'inbound' }, false)).toEqual([
      `SEARCH Message USING INDEX ${LOGS_INDEX.channel} (subAccountId=? AND channel=?)`,
    ]);
    expect(await plan({ direction: 'inbound' }, false)).toEqual([`SEARCH Message USING INDEX ${LOGS_INDEX.direction} (subAccountId=? AND direction=?)`]);
  });

  it('keeps the plan when statistics say the opposite (someone ran ANALYZE on a different data set)', async () => {
    // Claim that every subaccount has one message and every filter column is unique: left to itself,
    // SQLite would take whichever index the numbers favour and sort.
    await db.$executeRawUnsafe('ANALYZE');
    await db.$executeRawUnsafe(`DELETE FROM sqlite_stat1 WHERE tbl = 'Message'`);
    await db.$executeRawUnsafe(
      `INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Message', '${LOGS_INDEX.country}', '1000000 1 1 1 1 1 1'), ('Message', '${LOGS_INDEX.time}', '1000000 1000000 1 1')`,
    );
    await db.$executeRawUnsafe('ANALYZE sqlite_schema');
    try {
      expect(await plan({ status: 'read', country: 'SG' }, false)).toEqual([`SEARCH Message USING INDEX ${LOGS_INDEX.status} (subAccountId=? AND status=?)`]);
      expect(await plan({}, false)).toEqual([`SEARCH Message USING INDEX ${LOGS_INDEX.time} (subAccountId=?)`]);
    } finally {
      await db.$executeRawUnsafe('DROP TABLE IF EXISTS sqlite_stat1');
    }
  });
});
