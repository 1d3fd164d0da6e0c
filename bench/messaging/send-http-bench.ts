// Accepted sends per second through the HTTP API, as an integration sees it: the app started the way
// `npm start` starts it (production build, background work in the web process, embedded SQLite), and
// 50 keep-alive clients in this separate process POSTing /api/v1/subaccounts/{id}/messages (half
// templates, half freeform text, each with its own clientMessageId and customer).
// Run: npx tsx bench/messaging/send-http-bench.ts   (BENCH_SENDS=10000 BENCH_CLIENTS=50 BENCH_PORT=3390)
// BENCH_EXTERNAL=1 prepares the database and waits for an app you start yourself on BENCH_PORT
// (e.g. under a profiler: node --cpu-prof --import tsx scripts/serve.ts).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { BENCH_API_KEY, freshBenchDb, percentile } from './setup-db';

const FILE = path.resolve(process.env.BENCH_DB ?? './data/bench-http.db');
const TOTAL = Number(process.env.BENCH_SENDS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3390);
const SUB = 'acme_corp_chatapps';

const setupDb = await freshBenchDb(FILE);
await setupDb.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_UNLIMITED' } });
await setupDb.template.create({
  data: {
    accountId: 'acme_corp',
    subAccountId: SUB,
    channelId: 'acme_corp_whatsapp',
    name: 'appointment_reminder_v1',
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hi {{1}}, this is a reminder for your appointment on {{2}} at {{3}}.', examples: ['Maria', 'Nov 10, 2025', '10:30 AM'] }],
  },
});
await setupDb.$disconnect();

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
    const req = http.request({ agent, host: '127.0.0.1', port: PORT, path: url, method, headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
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

function body(i: number) {
  const msisdn = `+1555${String(1_000_000 + i).slice(-7)}`;
  if (i % 2) return { user: { msisdn }, type: 'text', content: { text: `Hello #${i}` }, clientMessageId: `bench-${i}` };
  return {
    user: { msisdn },
    type: 'template',
    clientMessageId: `bench-${i}`,
    content: { template: { name: 'appointment_reminder_v1', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }, { type: 'text', text: 'Nov 10, 2025' }, { type: 'text', text: '10:30 AM' }] }] } },
  };
}

async function send(i: number): Promise<number> {
  const t = performance.now();
  const res = await request('POST', `/api/v1/subaccounts/${SUB}/messages`, body(i));
  if (res.status !== 200) throw new Error(`send ${i}: ${res.status} ${res.text}`);
  return performance.now() - t;
}

/** CPU seconds used so far by the app's processes (the server is a child of scripts/start.ts). */
function serverCpuSeconds(): number {
  const root = server?.pid ?? Number(process.env.BENCH_SERVER_PID ?? (fs.existsSync('data/.bench-server-pid') ? fs.readFileSync('data/.bench-server-pid', 'utf8') : NaN));
  if (!root) return NaN;
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(root)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
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

const latencies: number[] = [];
let next = 0;
const load = os.loadavg();
const cpuBefore = serverCpuSeconds();
const started = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < TOTAL) latencies.push(await send(next++));
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = serverCpuSeconds() - cpuBefore;
latencies.sort((a, b) => a - b);

const p99 = percentile(latencies, 99);
const rate = TOTAL / seconds;
console.log(`\nsend-http-bench: ${TOTAL.toLocaleString()} sends over HTTP, ${CLIENTS} keep-alive clients, app as npm start runs it (outbox worker in-process)`);
console.log(`  machine: ${os.cpus().length} cores, load before ${load.map((l) => l.toFixed(1)).join('/')}`);
console.log(`  accepted sends/s: ${rate.toFixed(0)}   (goal >= 1,000: ${rate >= 1000 ? 'met' : 'NOT met'})`);
console.log(`  latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${p99.toFixed(1)}   (goal p99 <= 50: ${p99 <= 50 ? 'met' : 'NOT met'})`);
if (!Number.isNaN(cpu)) console.log(`  app CPU per accepted send: ${((cpu / TOTAL) * 1e6).toFixed(0)} us (including the outbox and sandbox receipts it processed meanwhile)`);
stop();
process.exit(0);
