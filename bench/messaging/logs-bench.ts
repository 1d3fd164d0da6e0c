// Logs API over 1,000,000 stored messages: p50/p95 of listMessages, the function the route handler
// GET /subaccounts/{id}/messages calls, with limit 50 and the query values as strings (as the route
// passes them): every filter of API.md on its own, paging by cursor, and pairs of filters, including
// pairs that match nothing or almost nothing (the worst case for walking an index newest first).
// Goal (issue 4): any single filter ≤ 50 ms p95; we hold pairs and paging to the same bar.
//
//   npx tsx bench/messaging/logs-bench.ts            seed ./data/bench-logs.db (~2 min), then measure
//   BENCH_REUSE=1 npx tsx bench/messaging/logs-bench.ts   measure the seeded database again
//
// BENCH_RUNS (default 100) timed runs per case after 3 untimed ones. Seeding uses batched raw inserts
// (better-sqlite3) in the exact format Prisma writes. It does not run ANALYZE: nothing does in
// production, and the Logs query names its index, so the figures must not depend on statistics.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { freshBenchDb, percentile } from './setup-db';
import { createDb, type Db } from '@/lib/db/client';
import { applyMigrationsSqlite } from '@/lib/db/migrations';
import { listMessages } from '@/lib/messaging/logs/list-messages';
import { encodeCursor } from '@/lib/messaging/logs/logs-cursor';

const FILE = process.env.BENCH_DB ?? './data/bench-logs.db';
const TOTAL = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const GOAL_MS = 50;
const SUB = 'acme_corp_chatapps';
const DAY = 24 * 3600_000;

// Row i: country i % 6, inbound when i % 3 == 0 (status 'received'), otherwise the outbound state
// OUT_STATES[i % 9] (read 22%, delivered/sent/undelivered/rejected 11% each, never queued); sms when
// i % 10 == 0, voice when i % 50 == 25, else WhatsApp. So some pairs never meet: inbound+GB,
// sms+GB, inbound+read, read+SG. One busy customer has every 1,000th message (outbound, delivered),
// and France has 5 messages in all (rejected SMS): the rare value next to common ones.
const COUNTRIES: Array<[string, string]> = [
  ['US', '+1555'],
  ['GB', '+44770'],
  ['IN', '+91987'],
  ['SG', '+6581'],
  ['BR', '+55119'],
  ['DE', '+49151'],
];
const OUT_STATES = ['read', 'read', 'read', 'delivered', 'delivered', 'sent', 'queued', 'undelivered', 'rejected'];
const BUSY_MSISDN = '+15550100007';
const FR_EVERY = 200_000;

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

function seed(file: string, now: number): void {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = raw.prepare(
    `INSERT INTO Message (id, accountId, subAccountId, channelId, channel, direction, msisdn, channelUserId, country, type, content, category, status, statusAt, createdAt, priceMicros, currency)
     VALUES (?, 'acme_corp', ?, ?, ?, ?, ?, ?, ?, 'text', ?, 'service', ?, ?, ?, 0, 'USD')`,
  );
  const start = now - 90 * DAY;
  const step = (90 * DAY) / TOTAL;
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const [country, prefix] = COUNTRIES[i % COUNTRIES.length]!;
      const inbound = i % 3 === 0;
      let m = {
        country,
        msisdn: `${prefix}${String(1_000_000 + ((i * 7919) % 50_000)).slice(-7)}`,
        direction: inbound ? 'inbound' : 'outbound',
        status: inbound ? 'received' : OUT_STATES[i % OUT_STATES.length]!,
        channel: i % 10 === 0 ? 'sms' : i % 50 === 25 ? 'voice' : 'whatsapp',
      };
      if (i % 1000 === 7) m = { ...m, country: 'US', msisdn: BUSY_MSISDN, direction: 'outbound', status: 'delivered' };
      if (i % FR_EVERY === FR_EVERY / 2)
        m = { country: 'FR', msisdn: `+336123${String(i).slice(-5)}`, direction: 'outbound', status: 'rejected', channel: 'sms' };
      const at = iso(start + i * step);
      insert.run(
        crypto.randomUUID(),
        SUB,
        m.channel === 'whatsapp' ? 'acme_corp_whatsapp' : null,
        m.channel,
        m.direction,
        m.msisdn,
        m.msisdn.slice(1),
        m.country,
        `{"text":"Message ${i}"}`,
        m.status,
        at,
        at,
      );
    }
  });
  for (let i = 0; i < TOTAL; i += 50_000) batch(i, Math.min(TOTAL, i + 50_000));
  raw.close();
}

type Case = { name: string; kind: 'single' | 'paging' | 'pair'; query: Record<string, string> };

async function cases(db: Db): Promise<Case[]> {
  // Positions in the data, read once (not timed).
  const at = async (offset: number) => {
    const [r] = await db.$queryRaw<Array<{ id: string; msisdn: string; direction: string; createdAt: Date }>>`
      SELECT "id", "msisdn", "direction", "createdAt" FROM "Message" WHERE "subAccountId" = ${SUB} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 OFFSET ${offset}`;
    return r!;
  };
  const total = await db.message.count({ where: { subAccountId: SUB } });
  const newest = await at(0);
  const middle = await at(Math.floor(total / 2));
  const oldest = await at(total - 1);
  const nearEnd = await at(total - 60);
  const first = await listMessages(db, SUB, { limit: '50' });
  const other = middle.direction === 'inbound' ? 'outbound' : 'inbound';
  const day = (from: Date) => ({ from: from.toISOString(), to: new Date(from.getTime() + DAY).toISOString() });
  const midDay = day(middle.createdAt);
  const cursorAt = (r: { createdAt: Date; id: string }) => encodeCursor(r.createdAt, r.id);
  return [
    { name: 'no filter', kind: 'single', query: {} },
    { name: 'direction=inbound', kind: 'single', query: { direction: 'inbound' } },
    { name: 'direction=outbound', kind: 'single', query: { direction: 'outbound' } },
    { name: 'msisdn (a customer, ~7 msgs)', kind: 'single', query: { msisdn: middle.msisdn } },
    { name: 'msisdn (busy, 1,000 msgs)', kind: 'single', query: { msisdn: BUSY_MSISDN } },
    { name: 'status=read (22%)', kind: 'single', query: { status: 'read' } },
    { name: 'status=rejected', kind: 'single', query: { status: 'rejected' } },
    { name: 'status=queued (none)', kind: 'single', query: { status: 'queued' } },
    { name: 'channel=whatsapp', kind: 'single', query: { channel: 'whatsapp' } },
    { name: 'channel=voice (2%)', kind: 'single', query: { channel: 'voice' } },
    { name: 'country=US', kind: 'single', query: { country: 'us' } },
    { name: 'country=FR (5 msgs)', kind: 'single', query: { country: 'FR' } },
    { name: 'country=JP (none)', kind: 'single', query: { country: 'JP' } },
    { name: 'umid', kind: 'single', query: { umid: middle.id } },
    { name: 'from (last day)', kind: 'single', query: { from: new Date(newest.createdAt.getTime() - DAY).toISOString() } },
    { name: 'to (first day)', kind: 'single', query: { to: new Date(oldest.createdAt.getTime() + DAY).toISOString() } },
    { name: 'from+to (a day, mid-range)', kind: 'single', query: midDay },
    {
      name: 'from+to (a 1 ms gap, none)',
      kind: 'single',
      query: { from: new Date(middle.createdAt.getTime() + 1).toISOString(), to: new Date(middle.createdAt.getTime() + 2).toISOString() },
    },
    { name: 'cursor: page 2', kind: 'paging', query: { cursor: first.nextCursor! } },
    { name: 'cursor: page 10,000 (500k newer)', kind: 'paging', query: { cursor: cursorAt(middle) } },
    { name: 'cursor: last page', kind: 'paging', query: { cursor: cursorAt(nearEnd) } },
    { name: 'cursor: page 10,000 + status=read', kind: 'paging', query: { cursor: cursorAt(middle), status: 'read' } },
    {
      name: 'cursor: page 10,000 + from+to',
      kind: 'paging',
      query: { cursor: cursorAt(middle), from: new Date(middle.createdAt.getTime() - DAY).toISOString(), to: midDay.to },
    },
    { name: 'status+country (received+US)', kind: 'pair', query: { status: 'received', country: 'US' } },
    { name: 'status+country (read+SG, none)', kind: 'pair', query: { status: 'read', country: 'SG' } },
    { name: 'status+country (rejected+FR, 5)', kind: 'pair', query: { status: 'rejected', country: 'FR' } },
    { name: 'status+country (read+FR, none)', kind: 'pair', query: { status: 'read', country: 'FR' } },
    { name: 'direction+msisdn', kind: 'pair', query: { direction: middle.direction, msisdn: middle.msisdn } },
    { name: 'direction+msisdn (none)', kind: 'pair', query: { direction: other, msisdn: middle.msisdn } },
    { name: 'direction+msisdn (busy, none)', kind: 'pair', query: { direction: 'inbound', msisdn: BUSY_MSISDN } },
    { name: 'direction+status (inbound+read, none)', kind: 'pair', query: { direction: 'inbound', status: 'read' } },
    { name: 'channel+status (sms+undelivered)', kind: 'pair', query: { channel: 'sms', status: 'undelivered' } },
    { name: 'channel+status (voice+rejected, 0.2%)', kind: 'pair', query: { channel: 'voice', status: 'rejected' } },
    { name: 'channel+country (sms+GB, none)', kind: 'pair', query: { channel: 'sms', country: 'GB' } },
    { name: 'direction+country (inbound+GB, none)', kind: 'pair', query: { direction: 'inbound', country: 'GB' } },
    { name: 'msisdn+status (busy+received, none)', kind: 'pair', query: { msisdn: BUSY_MSISDN, status: 'received' } },
    {
      name: 'msisdn+from/to',
      kind: 'pair',
      query: { msisdn: middle.msisdn, from: new Date(middle.createdAt.getTime() - 30 * DAY).toISOString(), to: midDay.to },
    },
    { name: 'status+from/to (read, a day)', kind: 'pair', query: { status: 'read', ...midDay } },
    { name: 'outbound+whatsapp+US', kind: 'pair', query: { direction: 'outbound', channel: 'whatsapp', country: 'US' } },
  ];
}

async function measure(db: Db) {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
  const total = await db.message.count({ where: { subAccountId: SUB } });
  const stats = await db.$queryRaw<unknown[]>`SELECT 1 FROM "sqlite_schema" WHERE "name" = 'sqlite_stat1'`;
  const list = await cases(db);
  console.log(
    `\nLogs API, limit 50, over ${total.toLocaleString()} messages; ${RUNS} runs per case; planner statistics: ${stats.length ? 'present' : 'none'}; load average before: ${load}`,
  );
  const header = `${'case'.padEnd(40)} ${'kind'.padEnd(6)} ${'rows'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  goal       met`;
  console.log(header);
  console.log('-'.repeat(header.length));
  const missed: string[] = [];
  for (const c of list) {
    const times: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS + 3; r++) {
      const t = performance.now();
      const page = await listMessages(db, SUB, { ...c.query, limit: '50' });
      if (r >= 3) times.push(performance.now() - t);
      rows = page.data.length;
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    if (p95 > GOAL_MS) missed.push(c.name);
    console.log(
      `${c.name.padEnd(40)} ${c.kind.padEnd(6)} ${String(rows).padStart(4)} ${percentile(times, 50).toFixed(2).padStart(8)} ${p95.toFixed(2).padStart(8)}  ≤ ${GOAL_MS} p95  ${p95 <= GOAL_MS ? 'met' : 'NOT MET'}`,
    );
  }
  console.log(
    `\n${list.length - missed.length}/${list.length} cases met ≤ ${GOAL_MS} ms p95${missed.length ? `; not met: ${missed.join(', ')}` : ''}. Load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  await db.$disconnect();
}

async function main() {
  // BENCH_REUSE=1 queries an already seeded bench database again, after applying any new migration.
  if (process.env.BENCH_REUSE === '1' && fs.existsSync(FILE)) {
    applyMigrationsSqlite(FILE);
    return measure(createDb(`file:${FILE}`));
  }
  const t0 = Date.now();
  const db = await freshBenchDb(FILE);
  seed(FILE, Date.now());
  console.log(`seeded ${TOTAL.toLocaleString()} messages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await measure(db);
}

await main();
