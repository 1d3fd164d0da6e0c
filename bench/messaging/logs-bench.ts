// Logs API over 1,000,000 stored messages: p50/p95 of listMessages (the function behind
// GET /subaccounts/{id}/messages) per single filter, limit 50. Run: npx tsx bench/messaging/logs-bench.ts
// Seeding uses batched raw inserts (better-sqlite3) in the exact format Prisma writes.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { freshBenchDb, percentile } from './setup-db';
import { createDb, type Db } from '@/lib/db/client';
import { listMessages } from '@/lib/messaging/logs/list-messages';

const FILE = process.env.BENCH_DB ?? './data/bench-logs.db';
const TOTAL = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const SUB = 'acme_corp_chatapps';

const COUNTRIES: Array<[string, string]> = [['US', '+1555'], ['GB', '+44770'], ['IN', '+91987'], ['SG', '+6581'], ['BR', '+55119'], ['DE', '+49151']];
const OUT_STATES = ['read', 'read', 'read', 'delivered', 'delivered', 'sent', 'queued', 'undelivered', 'rejected'];

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

async function main() {
  const t0 = Date.now();
  // BENCH_REUSE=1 queries an already seeded bench database again (seeding takes minutes).
  if (process.env.BENCH_REUSE === '1' && fs.existsSync(FILE)) return measure(createDb(`file:${FILE}`));
  const db = await freshBenchDb(FILE);
  const raw = new Database(FILE);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const insert = raw.prepare(
    `INSERT INTO Message (id, accountId, subAccountId, channelId, channel, direction, msisdn, channelUserId, country, type, content, category, status, statusAt, createdAt, priceMicros, currency)
     VALUES (?, 'acme_corp', ?, ?, ?, ?, ?, ?, ?, 'text', ?, 'service', ?, ?, ?, 0, 'USD')`,
  );
  const start = Date.now() - 90 * 24 * 3600_000;
  const step = (90 * 24 * 3600_000) / TOTAL;
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const [country, prefix] = COUNTRIES[i % COUNTRIES.length]!;
      const msisdn = `${prefix}${String(1_000_000 + ((i * 7919) % 50_000)).slice(-7)}`;
      const inbound = i % 3 === 0;
      const channel = i % 10 === 0 ? 'sms' : i % 25 === 0 ? 'voice' : 'whatsapp';
      const at = iso(start + i * step);
      const id = crypto.randomUUID();
      insert.run(id, SUB, channel === 'whatsapp' ? 'acme_corp_whatsapp' : null, channel, inbound ? 'inbound' : 'outbound', msisdn, msisdn.slice(1), country, `{"text":"Message ${i}"}`, inbound ? 'received' : OUT_STATES[i % OUT_STATES.length], at, at);
    }
  });
  for (let i = 0; i < TOTAL; i += 50_000) batch(i, Math.min(TOTAL, i + 50_000));
  raw.exec('ANALYZE');
  raw.close();
  console.log(`seeded ${TOTAL.toLocaleString()} messages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await measure(db);
}

async function measure(db: Db) {
  const total = await db.message.count({ where: { subAccountId: SUB } });
  const start = (await db.message.findFirst({ where: { subAccountId: SUB }, orderBy: { createdAt: 'asc' } }))!.createdAt.getTime();
  const sample = (await db.message.findFirst({ where: { subAccountId: SUB }, orderBy: { createdAt: 'asc' }, skip: Math.floor(total / 2) }))!;
  const sampleUmid = sample.id;
  const sampleMsisdn = sample.msisdn;
  const step = (90 * 24 * 3600_000) / total;

  const mid = new Date(start + (total / 2) * step);
  const first = await listMessages(db, SUB, { limit: '50' });
  const cases: Array<[string, Record<string, string>]> = [
    ['no filter', {}],
    ['direction=inbound', { direction: 'inbound' }],
    ['msisdn', { msisdn: sampleMsisdn }],
    ['status=undelivered', { status: 'undelivered' }],
    ['status=rejected', { status: 'rejected' }],
    ['channel=voice', { channel: 'voice' }],
    ['country=DE', { country: 'DE' }],
    ['umid', { umid: sampleUmid }],
    ['from/to (1 day)', { from: mid.toISOString(), to: new Date(mid.getTime() + 24 * 3600_000).toISOString() }],
    ['cursor (page 2)', { cursor: first.nextCursor! }],
    // Two filters are not indexed together: a combination that matches nothing scans one filter's index.
    ['status+country (hit)', { status: 'received', country: 'US' }],
    ['status+country (none)', { status: 'read', country: 'SG' }],
  ];
  console.log('\nLogs API, limit 50, over', total.toLocaleString(), 'messages:');
  console.log('filter'.padEnd(22), 'rows', 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
  for (const [name, q] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const page = await listMessages(db, SUB, { ...q, limit: '50' });
      times.push(performance.now() - t);
      rows = page.data.length;
    }
    times.sort((a, b) => a - b);
    console.log(name.padEnd(22), String(rows).padStart(4), percentile(times, 50).toFixed(2).padStart(8), percentile(times, 95).toFixed(2).padStart(8));
  }
  await db.$disconnect();
}

await main();
