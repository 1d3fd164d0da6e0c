// One column of bench/scale's table: the three phases on the database at DATABASE_URL (fresh, made by
// bench.ts) with SCALE_PROCESSES processes. Prints one JSON line with the figures.
import readline from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import {
  busyPercent,
  cpuDelta,
  cpuSeconds,
  machineTicks,
  migrateAndSeed,
  postgresProcesses,
  sleep,
  startProcess,
  startWorker,
  stopProcess,
  transactionCounts,
  type Cpu,
} from './scale-setup';

const N = Number(process.env.SCALE_PROCESSES ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 120);
const SENDS_N = Number(process.env.BENCH_SENDS ?? 15_000);
const CAMPAIGN_N = Number(process.env.BENCH_RECIPIENTS ?? 30_000);
const DB_NAME = process.env.SCALE_DBNAME; // the PostgreSQL database's name, for its transaction counts
const url = process.env.DATABASE_URL!;

const db = await migrateAndSeed('scale');
const { createMenuBot } = await import('../runner/menu-bot');
const { prepareTenant, storeCampaign, launchCampaign, campaignCounters, queuedMessages } = await import('./scale-fixtures');
const { dispatchCampaigns } = await import('@/lib/campaigns/dispatch/dispatch-campaigns');
await prepareTenant(db);
await createMenuBot(db);

const counts = async () => (DB_NAME ? transactionCounts(DB_NAME) : null);
function txDelta(a: Awaited<ReturnType<typeof counts>>, b: Awaited<ReturnType<typeof counts>>) {
  return a && b ? { commits: b.commits - a.commits, rollbacks: b.rollbacks - a.rollbacks } : null;
}

/**
 * CPU spent per item, in ms, by the Parley processes and by the PostgreSQL server between two snapshots
 * (`cpuAt`): where a process's time goes when more processes share the cores.
 */
type CpuSnapshot = { parley: Cpu | null; postgres: Cpu | null; machine: ReturnType<typeof machineTicks> };
const cpuAt = (pids: (number | undefined)[]): CpuSnapshot => ({
  parley: cpuSeconds((pid) => pids.includes(pid)),
  postgres: DB_NAME ? cpuSeconds(postgresProcesses) : null,
  machine: machineTicks(),
});
const msPer = (d: Cpu | null, items: number) =>
  d && items ? { user: Number(((d.user * 1000) / items).toFixed(2)), system: Number(((d.system * 1000) / items).toFixed(2)) } : null;
function cpuPerItem(a: CpuSnapshot, b: CpuSnapshot, items: number) {
  return { parley: msPer(cpuDelta(a.parley, b.parley), items), postgres: msPer(cpuDelta(a.postgres, b.postgres), items) };
}

function lines(child: ChildProcess): AsyncIterator<string> {
  return readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
}

// 1. Runner: N processes, each a web process's share of the conversations (CUSTOMERS in all).
async function runnerPhase() {
  const per = Math.ceil(CUSTOMERS / N);
  const procs = Array.from({ length: N }, (_, k) =>
    startProcess(url, { SCALE_FROM: String(k * 100_000), SCALE_CUSTOMERS: String(per), BENCH_SECONDS: String(SECONDS) }, 'bench/scale/inbound-process.ts'),
  );
  const outs = procs.map(lines);
  // Their stdout carries the logger's lines too (errors): the lines this reads are picked out.
  const nextOf = async (out: AsyncIterator<string>, pick: (line: string) => boolean) => {
    for (let r = await out.next(); !r.done; r = await out.next()) if (pick(r.value)) return r.value as string;
    throw new Error('an inbound process stopped early');
  };
  for (const out of outs) await nextOf(out, (l) => l === 'ready');
  const before = await counts();
  // Parley's own share comes from each process (below); the snapshots give PostgreSQL's and the machine's.
  const cpuBefore = cpuAt([]);
  for (const p of procs) p.stdin!.write('go\n');
  type Result = { inbound: number; failed: number; seconds: number; p50: number; p99: number; cpuUserMs: number; cpuSystemMs: number };
  const results: Result[] = [];
  for (const out of outs) results.push(JSON.parse(await nextOf(out, (l) => l.startsWith('{"inbound"'))) as Result);
  const after = await counts();
  const cpuAfter = cpuAt([]);
  await Promise.all(procs.map((p) => stopProcess(p)));
  const sum = (of: (r: Result) => number) => results.reduce((s, r) => s + of(r), 0);
  const inbound = sum((r) => r.inbound);
  const seconds = Math.max(...results.map((r) => r.seconds));
  return {
    perSecond: Math.round(inbound / seconds),
    inbound,
    failed: results.reduce((s, r) => s + r.failed, 0),
    seconds,
    p99: Math.max(...results.map((r) => r.p99)),
    tx: txDelta(before, after),
    // Parley's share as each process measured its own (it exits once it has printed it).
    cpuMs: {
      parley: msPer({ user: sum((r) => r.cpuUserMs) / 1000, system: sum((r) => r.cpuSystemMs) / 1000 }, inbound),
      postgres: msPer(cpuDelta(cpuBefore.postgres, cpuAfter.postgres), inbound),
    },
    busy: busyPercent(cpuBefore.machine, cpuAfter.machine),
  };
}

/**
 * How fast `remaining()` falls once the workers have started, from its first fall to its last one within
 * `windowMs` after it (or to zero): work commits in batches (dispatch hands over 500 recipients a
 * transaction), so the figure is taken between two commits, never from a window's arbitrary edges.
 */
async function drainRate(remaining: () => Promise<number>, windowMs: number, pids: (number | undefined)[]) {
  const samples: [number, number][] = [];
  let previous = await remaining();
  let first: [number, number] | null = null;
  let last: [number, number] | null = null;
  let cpuFirst: CpuSnapshot | null = null;
  let cpuLast: CpuSnapshot | null = null;
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await sleep(100)) {
    const r = await remaining();
    const now = Date.now();
    samples.push([now, r]);
    if (r < previous) {
      if (!first) {
        first = [now, r];
        cpuFirst = cpuAt(pids);
      }
      last = [now, r];
      cpuLast = cpuAt(pids);
    }
    previous = r;
    if (r === 0 || (first && now >= first[0] + windowMs)) break;
  }
  if (!first || !last) throw new Error('nothing was taken in five minutes');
  const items = first[1] - last[1];
  const seconds = (last[0] - first[0]) / 1000;
  return {
    perSecond: seconds > 0 ? Math.round(items / seconds) : 0,
    items,
    seconds: Number(seconds.toFixed(1)),
    cpuMs: cpuPerItem(cpuFirst!, cpuLast!, items),
    busy: busyPercent(cpuFirst!.machine, cpuLast!.machine),
  };
}

let numbers = 0;
async function withWorkers<T>(fn: (pids: (number | undefined)[]) => Promise<T>): Promise<T & { tx: ReturnType<typeof txDelta> }> {
  const before = await counts();
  const workers = Array.from({ length: N }, () => startWorker(url));
  const result = await fn(workers.map((w) => w.pid));
  const after = await counts();
  await Promise.all(workers.map((w) => stopProcess(w)));
  return { ...result, tx: txDelta(before, after) };
}

// 2. Sends: a backlog queued first (a campaign dispatched here, with no outbox running), then drained by N workers.
async function sendsPhase() {
  await storeCampaign(db, 'sends_backlog', SENDS_N, numbers);
  numbers += SENDS_N + SENDS_N / 10_000 + 1;
  await launchCampaign(db, 'sends_backlog');
  // Every recipient handed to the send pipeline (the campaign completes only once the outbox has sent them).
  while ((await campaignCounters(db, 'sends_backlog'))!.pending > 0) await dispatchCampaigns(db);
  return withWorkers((pids) => drainRate(() => queuedMessages(db, 'sends_backlog'), SECONDS * 1000, pids));
}

// 3. Campaign dispatch: recipients → messages (queued for the outbox, which the same workers drain meanwhile).
async function dispatchPhase() {
  await storeCampaign(db, 'dispatch', CAMPAIGN_N, numbers + 1_000_000);
  await launchCampaign(db, 'dispatch');
  return withWorkers((pids) => drainRate(async () => (await campaignCounters(db, 'dispatch'))!.pending, 3 * SECONDS * 1000, pids));
}

const log = (what: string) => process.env.SCALE_VERBOSE && console.error(`${new Date().toISOString()} ${what}`);
// SCALE_PHASES picks phases (runner,sends,dispatch; all by default); a phase not run reads 0.
const phases = new Set((process.env.SCALE_PHASES ?? 'runner,sends,dispatch').split(','));
const skipped = { perSecond: 0, tx: null };
log('runner phase');
const runner = phases.has('runner') ? await runnerPhase() : { ...skipped, failed: 0 };
log('sends phase');
const sends = phases.has('sends') ? await sendsPhase() : skipped;
log('dispatch phase');
const dispatch = phases.has('dispatch') ? await dispatchPhase() : skipped;
process.stdout.write(`${JSON.stringify({ processes: N, runner, sends, dispatch })}\n`);
await db.$disconnect();
process.exit(0);
