// Scale bench (issue 19): the same Parley on SQLite (one process, as today) and on PostgreSQL with 1, 2
// and 4 processes, in one run, each on a fresh database:
//   - runner inbound/s: the menu bot (inbound → menu → WaitForReply → Branch → reply) driven through
//     receiveInbound by N processes (web processes, each with the background loops of `npm run worker`),
//     BENCH_CUSTOMERS (120) closed-loop conversations in all, for BENCH_SECONDS (10);
//   - sends/s: a backlog of BENCH_SENDS (15,000) queued messages drained to the sandbox carrier by N
//     `npm run worker` processes (scripts/worker.ts), over BENCH_SECONDS after the first second;
//   - campaign dispatch/s: a campaign of BENCH_RECIPIENTS (30,000) handed to the send pipeline
//     (recipients → messages) by N worker processes, which drain the outbox meanwhile.
// Rollbacks are PostgreSQL's (pg_stat_database) during the phase: serialization conflicts retried by
// lib/db/tx.ts and transactions rolled back for other reasons.
//   npx tsx bench/scale/bench.ts      (TEST_POSTGRES_URL, default postgresql://parley@127.0.0.1:55432/postgres;
//   `bash scripts/postgres-test-cluster.sh start` prints it; SCALE_CONFIGS=sqlite:1,postgres:1,postgres:2,postgres:4;
//   SCALE_PHASES=runner,sends,dispatch)
// Uses data/scale-bench.db and the databases scale_bench_p<N> (recreated).
import os from 'node:os';
import readline from 'node:readline';
import { freshPostgresDatabase, freshSqliteUrl, startProcess } from './scale-setup';

const configs = (process.env.SCALE_CONFIGS ?? 'sqlite:1,postgres:1,postgres:2,postgres:4').split(',').map((c) => {
  const [kind, n] = c.split(':');
  return { kind: kind as 'sqlite' | 'postgres', n: Number(n) };
});
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = load();

type Cpu = { user: number; system: number } | null;
type Phase = {
  perSecond: number;
  tx: { commits: number; rollbacks: number } | null;
  cpuMs?: { parley: Cpu; postgres: Cpu };
  // How busy the machine's cores were over the phase's window, in percent (everything on it, the bench too).
  busy?: number | null;
};
// CPU ms per item, Parley's processes / PostgreSQL's, user + system.
const cpuCell = (p: Phase) => {
  const ms = (c: Cpu | undefined) => (c ? (c.user + c.system).toFixed(1) : '–');
  return p.cpuMs ? `${ms(p.cpuMs.parley)} / ${ms(p.cpuMs.postgres)}` : '–';
};
type Column = { label: string; runner: Phase; sends: Phase; dispatch: Phase };
/** One figure of each phase in a cell, "–" for a phase that has none. */
const perPhase = (c: Column, figure: (p: Phase) => number | null | undefined) => [c.runner, c.sends, c.dispatch].map((p) => figure(p) ?? '–').join(' / ');
const columns: Column[] = [];
for (const { kind, n } of configs) {
  const dbName = `scale_bench_p${n}`;
  const url = kind === 'sqlite' ? freshSqliteUrl('scale-bench') : await freshPostgresDatabase(dbName);
  const started = Date.now();
  const child = startProcess(url, { SCALE_PROCESSES: String(n), ...(kind === 'postgres' ? { SCALE_DBNAME: dbName } : {}) }, 'bench/scale/measure.ts');
  child.stdin!.end();
  let last = '';
  for await (const line of readline.createInterface({ input: child.stdout! })) last = line;
  const result = JSON.parse(last) as Omit<Column, 'label'>;
  const label = `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ×${n}`;
  columns.push({ label, ...result });
  console.error(`${label}: ${last} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const rows: [string, (c: Column) => string][] = [
  ['runner inbound/s', (c) => String(c.runner.perSecond)],
  ['sends/s', (c) => String(c.sends.perSecond)],
  ['campaign dispatch/s', (c) => String(c.dispatch.perSecond)],
  ['CPU ms/inbound Parley / PG', (c) => cpuCell(c.runner)],
  ['CPU ms/send Parley / PG', (c) => cpuCell(c.sends)],
  ['CPU ms/recipient Parley / PG', (c) => cpuCell(c.dispatch)],
  ['cores busy % runner/sends/disp.', (c) => perPhase(c, (p) => p.busy)],
  ['inbound refused (retries spent)', (c) => String((c.runner as Phase & { failed: number }).failed)],
  ['rollbacks runner/sends/dispatch', (c) => (c.runner.tx ? perPhase(c, (p) => p.tx?.rollbacks) : '–')],
];
console.log(`\nScale bench — ${os.cpus().length} cores, load average ${loadBefore} → ${load()}, BENCH_SECONDS ${process.env.BENCH_SECONDS ?? 10}`);
console.log(`${''.padEnd(32)}${columns.map((c) => c.label.padStart(18)).join('')}`);
for (const [what, cell] of rows) console.log(`${what.padEnd(32)}${columns.map((c) => cell(c).padStart(18)).join('')}`);
const one = columns.find((c) => c.label === 'PostgreSQL ×1');
const four = columns.find((c) => c.label === 'PostgreSQL ×4');
if (one && four) {
  for (const phase of ['runner', 'sends', 'dispatch'] as const) {
    const ratio = four[phase].perSecond / one[phase].perSecond;
    console.log(`${Number.isFinite(ratio) && ratio > 1 ? 'PASS' : 'FAIL'}  ${phase}: 4 processes ${ratio.toFixed(2)}× 1 process`);
  }
}
console.log(JSON.stringify(columns));
