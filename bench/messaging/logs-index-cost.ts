// What the Logs indexes cost the send path: µs per message insert and per status change on a table
// already holding the 1,000,000 messages of logs-bench.ts, for several sets of filter indexes.
// Every index on Message is paid on each send (insert) and every index holding `status` on each of
// the three receipts (sent, delivered, read) that follow.
//
//   npx tsx bench/messaging/logs-bench.ts            (once: seeds ./data/bench-logs.db)
//   npx tsx bench/messaging/logs-index-cost.ts
//
// Each variant is a copy of the seeded database with its filter indexes replaced (a few GB on disk
// while it runs, removed at the end). Writes are grouped 50 to a transaction, as the send path
// group-commits concurrent sends, with the statements the send path uses (lib/messaging/message-rows.ts,
// apply-status.ts), WAL and synchronous=NORMAL. BENCH_SENDS (default 20,000) messages per round,
// BENCH_ROUNDS (default 5) rounds per variant, interleaved; the median round is printed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';

const SOURCE = process.env.BENCH_DB ?? './data/bench-logs.db';
const SENDS = Number(process.env.BENCH_SENDS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCH = 50;
const SUB = 'acme_corp_chatapps';

const FILTERS = ['direction', 'msisdn', 'status', 'channel', 'country'] as const;
const dropCurrent = FILTERS.map((f) => `DROP INDEX IF EXISTS "Message_logs_${f}_idx"`);
// Every variant's filter indexes are built by CREATE INDEX or REINDEX (packed pages), not left as the
// seeding's inserts grew them, so that they start alike.
const VARIANTS: Record<string, string[]> = {
  // The schema as migrated: (subAccountId, filter, createdAt, id) + the other immutable filter columns.
  'wide (schema now)': FILTERS.map((f) => `REINDEX "Message_logs_${f}_idx"`),
  // Before 20261128171426_logs_filter_indexes: (subAccountId, filter, createdAt, id).
  'narrow (before)': [...dropCurrent, ...FILTERS.map((f) => `CREATE INDEX "narrow_${f}" ON "Message"("subAccountId", "${f}", "createdAt", "id")`)],
  'no filter indexes': dropCurrent,
  // What one more index for a pair that must never walk would cost: one holding status (rewritten on
  // every status change), and one of immutable columns (written on insert only).
  'wide + (status, country)': [
    ...FILTERS.map((f) => `REINDEX "Message_logs_${f}_idx"`),
    `CREATE INDEX "status_country" ON "Message"("subAccountId", "status", "country", "createdAt", "id", "direction", "channel")`,
  ],
  'wide + (direction, country)': [
    ...FILTERS.map((f) => `REINDEX "Message_logs_${f}_idx"`),
    `CREATE INDEX "direction_country" ON "Message"("subAccountId", "direction", "country", "createdAt", "id", "channel")`,
  ],
};

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const COUNTRIES: Array<[string, string]> = [
  ['US', '+1555'],
  ['GB', '+44770'],
  ['IN', '+91987'],
  ['SG', '+6581'],
  ['BR', '+55119'],
  ['DE', '+49151'],
];

type Round = { insertUs: number; statusUs: number; insertCpuUs: number; statusCpuUs: number };

// CPU time (user + system) of this process next to wall time: on a machine shared with other work,
// wall time includes waiting for a core, CPU time is closer to the work the indexes add.
const cpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

function round(file: string, base: number): Round {
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  const insert = conn.prepare(
    `INSERT INTO "Message" ("id", "accountId", "subAccountId", "channelId", "channel", "direction", "msisdn", "channelUserId", "country", "type", "content", "rendered",
       "templateName", "templateLanguage", "category", "status", "statusAt", "clientMessageId", "workflowId", "campaignId", "referral", "createdAt")
     VALUES (?, 'acme_corp', ?, 'acme_corp_whatsapp', 'whatsapp', 'outbound', ?, ?, ?, 'template', ?, NULL, 'order_update', 'en_US', 'utility', 'queued', ?, NULL, NULL, NULL, NULL, ?)`,
  );
  const update = conn.prepare(
    `UPDATE "Message" SET "status" = ?, "statusDetail" = ?, "errorCode" = ?, "errorMessage" = ?, "statusAt" = ?,
       "priceMicros" = COALESCE(?, "priceMicros"), "currency" = COALESCE(?, "currency") WHERE "id" = ?`,
  );
  const ids: string[] = [];
  const inserts = conn.transaction((from: number) => {
    for (let i = from; i < from + BATCH; i++) {
      const [country, prefix] = COUNTRIES[i % COUNTRIES.length]!;
      const msisdn = `${prefix}${String(1_000_000 + Math.floor(Math.random() * 1_000_000)).slice(-7)}`;
      const id = crypto.randomUUID();
      ids.push(id);
      const at = iso(base + i);
      insert.run(id, SUB, msisdn, msisdn.slice(1), country, `{"template":{"name":"order_update","language":"en_US","components":[]}}`, at, at);
    }
  });
  const receipts = conn.transaction((state: string, from: number) => {
    for (let i = from; i < from + BATCH; i++)
      update.run(state, `${state}_detail`, null, null, iso(Date.now()), state === 'delivered' ? 5000 : null, state === 'delivered' ? 'USD' : null, ids[i]);
  });
  let t = performance.now();
  let c = cpuUs();
  for (let i = 0; i < SENDS; i += BATCH) inserts(i);
  const insertUs = ((performance.now() - t) * 1000) / SENDS;
  const insertCpuUs = (cpuUs() - c) / SENDS;
  t = performance.now();
  c = cpuUs();
  for (const state of ['sent', 'delivered', 'read']) for (let i = 0; i < SENDS; i += BATCH) receipts(state, i);
  const statusUs = ((performance.now() - t) * 1000) / (3 * SENDS);
  const statusCpuUs = (cpuUs() - c) / (3 * SENDS);
  conn.close();
  return { insertUs, statusUs, insertCpuUs, statusCpuUs };
}

function main() {
  if (!fs.existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: run npx tsx bench/messaging/logs-bench.ts first`);
  const files: Record<string, string> = {};
  for (const [name, ddl] of Object.entries(VARIANTS)) {
    const file = `${SOURCE}.cost-${Object.keys(files).length}.db`;
    const src = new Database(SOURCE);
    src.pragma('wal_checkpoint(TRUNCATE)'); // the copy must hold every committed page
    src.close();
    fs.copyFileSync(SOURCE, file);
    const conn = new Database(file);
    const t = performance.now();
    for (const sql of ddl) conn.exec(sql);
    conn.close();
    console.log(`${name}: built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    files[name] = file;
  }
  console.log(
    `\nload average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const results: Record<string, Round[]> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, file] of Object.entries(files)) (results[name] ??= []).push(round(file, Date.now() + r * 10_000_000));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\n${SENDS.toLocaleString()} sends and ${(3 * SENDS).toLocaleString()} status changes per round, ${BATCH} per transaction, median of ${ROUNDS} rounds`,
  );
  console.log(
    `${'filter indexes'.padEnd(28)} ${'insert µs'.padStart(10)} ${'cpu µs'.padStart(8)} ${'status µs'.padStart(10)} ${'cpu µs'.padStart(8)}   all rounds, wall (insert / status)`,
  );
  for (const [name, rs] of Object.entries(results)) {
    const m = (k: keyof Round) => median(rs.map((x) => x[k])).toFixed(1);
    const all = rs.map((x) => `${x.insertUs.toFixed(0)}/${x.statusUs.toFixed(0)}`).join('  ');
    console.log(
      `${name.padEnd(28)} ${m('insertUs').padStart(10)} ${m('insertCpuUs').padStart(8)} ${m('statusUs').padStart(10)} ${m('statusCpuUs').padStart(8)}   ${all}`,
    );
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  for (const file of Object.values(files)) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

main();
