// Accepted sends per second through the HTTP API, as an integration sees it: the app started the way
// `npm start` starts it (production build, background work in a thread of the web process, embedded
// SQLite), and 50 keep-alive clients in this separate process POSTing /api/v1/subaccounts/{id}/messages
// (half templates, half freeform text, each with its own clientMessageId and customer). Two phases:
// the peak (every client sends its next request as soon as the last one is answered; with 50 clients
// the latency is then about 50 / throughput, Little's law), and the goal rate of 1,000 sends/s offered
// evenly by the same 50 clients, where the p99 latency goal is read.
// Run: npx tsx bench/messaging/send-http-bench.ts   (BENCH_SENDS=10000 BENCH_CLIENTS=50 BENCH_PORT=3390)
// BENCH_EXTERNAL=1 prepares the database and waits for an app you start yourself on BENCH_PORT
// (e.g. under a profiler: node --cpu-prof --import tsx scripts/serve.ts).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { BENCH_API_KEY, freshSendBenchDb, percentile, sendBody } from './setup-db';

const FILE = path.resolve(process.env.BENCH_DB ?? './data/bench-http.db');
const TOTAL = Number(process.env.BENCH_SENDS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const SUB = 'acme_corp_chatapps';

await freshSendBenchDb(FILE);

// The app, as `npm start` runs it (it builds first when the build is missing or stale).
const external = process.env.BENCH_EXTERNAL === '1';
const server = external
  ? null
  : spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, DATABASE_URL: `file:${FILE}`, PORT: String(PORT), LOG_LEVEL: 'warn', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
if (external) console.log(`Waiting for the app on port ${PORT} with DATABASE_URL=file:${FILE}`);
const stop = () => server?.kill('SIGTERM');
process.on('exit', stop);

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function request(method: string, url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port: PORT, path: url, method, headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

for (let i = 0; ; i++) {
  const up = await request('GET', '/api/health').catch(() => null);
  if (up?.status === 200) break;
  if (i > 900) throw new Error('the app did not start within 15 minutes');
  await new Promise((r) => setTimeout(r, 1000));
}

async function send(i: number): Promise<number> {
  const t = performance.now();
  const res = await request('POST', `/api/v1/subaccounts/${SUB}/messages`, sendBody(i));
  if (res.status !== 200) throw new Error(`send ${i}: ${res.status} ${res.text}`);
  return performance.now() - t;
}

/** CPU seconds used so far by the app's processes (the server is a child of scripts/start.ts). */
function serverCpuSeconds(): number {
  const root =
    server?.pid ?? Number(process.env.BENCH_SERVER_PID ?? (fs.existsSync('data/.bench-server-pid') ? fs.readFileSync('data/.bench-server-pid', 'utf8') : NaN));
  if (!root) return NaN;
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(root)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    // pgrep exits 1 when there are none
  }
  const pids = [root, ...children];
  const tick = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  return pids.reduce((sum, pid) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(stat[11]) + Number(stat[12])) / tick;
  }, 0);
}

for (let i = 0; i < 200; i++) await send(TOTAL + i); // warm-up: module loading, prepared statements

type Phase = { sends: number; seconds: number; rate: number; p50: number; p95: number; p99: number; cpuUsPerSend: number };

/** Runs `sends` sends over the 50 clients; `intervalMs` paces each client (0: back to back, the peak). */
async function phase(first: number, sends: number, intervalMs: number): Promise<Phase> {
  const latencies: number[] = [];
  let next = first;
  const cpuBefore = serverCpuSeconds();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      // Paced clients start spread over one interval and keep to their schedule (a late send goes
      // at once), so the offered load is CLIENTS / interval whatever the answers' latency.
      let due = started + (intervalMs * c) / CLIENTS;
      while (next < first + sends) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        latencies.push(await send(next++));
        due += intervalMs;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = serverCpuSeconds() - cpuBefore;
  latencies.sort((a, b) => a - b);
  const r1 = (n: number) => Number(n.toFixed(1));
  return {
    sends,
    seconds: r1(seconds),
    rate: Math.round(sends / seconds),
    p50: r1(percentile(latencies, 50)),
    p95: r1(percentile(latencies, 95)),
    p99: r1(percentile(latencies, 99)),
    cpuUsPerSend: Math.round((cpu / sends) * 1e6),
  };
}

const load = os.loadavg();
const peak = await phase(0, TOTAL, 0);
// The goal rate offered evenly: 1,000 sends/s from the 50 clients, one every 50 ms each.
const GOAL_RATE = 1000;
const paced = await phase(TOTAL, TOTAL, (CLIENTS / GOAL_RATE) * 1000);
const loadAfter = os.loadavg();

const fmt = (f: Phase) =>
  `${f.rate}/s; latency p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms${Number.isNaN(f.cpuUsPerSend) ? '' : `; app CPU ${f.cpuUsPerSend} us per send`}`;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`\nsend-http-bench: sends over HTTP to the app as npm start runs it (outbox and receipts in its background thread), ${CLIENTS} keep-alive clients`);
console.log(
  `  machine: ${os.cpus().length} cores; load average ${load.map((l) => l.toFixed(2)).join(' / ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' / ')} after`,
);
console.log(`  peak, ${TOTAL.toLocaleString('en')} sends back to back: ${fmt(peak)}`);
console.log(`    goal >= ${GOAL_RATE} accepted/s: ${mark(peak.rate >= GOAL_RATE)}`);
console.log(`  at the goal rate, ${TOTAL.toLocaleString('en')} sends offered at ${GOAL_RATE}/s: ${fmt(paced)}`);
console.log(`    goal p99 <= 50 ms at ${GOAL_RATE}/s: ${mark(paced.p99 <= 50 && paced.rate >= GOAL_RATE * 0.95)}`);
console.log(JSON.stringify({ load, loadAfter, peak, paced }));
stop();
process.exit(0);
