// Accepted sends per second through the API on the embedded SQLite: 50 concurrent clients call the real
// POST /subaccounts/{id}/messages handler (API-key auth, validation, template checks, idempotency,
// message + outbox rows in one transaction). Half the sends are templates, half freeform text.
// Run: npx tsx bench/messaging/send-bench.ts   (BENCH_SENDS, BENCH_CLIENTS, BENCH_WORKER=1 to drain the outbox meanwhile)
import path from 'node:path';

const FILE = path.resolve(process.env.BENCH_DB ?? './data/bench-sends.db');
// The app's db singleton reads DATABASE_URL when lib/db/client is first imported: set it first.
process.env.DATABASE_URL = `file:${FILE}`;
process.env.LOG_LEVEL = 'warn';
const { BENCH_API_KEY, freshSendBenchDb, percentile, sendBody, startProfile } = await import('./setup-db');
const TOTAL = Number(process.env.BENCH_SENDS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SUB = 'acme_corp_chatapps';

await freshSendBenchDb(FILE);
const { POST } = await import('@/app/api/v1/subaccounts/[subAccountId]/messages/route');
const { db } = await import('@/lib/db/client');
const { processOutbox } = await import('@/lib/messaging/process-outbox');

async function once(i: number): Promise<number> {
  const t = performance.now();
  const res = await POST(
    new Request(`http://localhost/api/v1/subaccounts/${SUB}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(sendBody(i)),
    }),
    {
      params: Promise.resolve({ subAccountId: SUB }),
    },
  );
  if (res.status !== 200) throw new Error(`send ${i}: ${res.status} ${await res.text()}`);
  return performance.now() - t;
}

// Warm up (module init, prepared statements).
for (let i = 0; i < 50; i++) await once(TOTAL + i);

let stopWorker = false;
const worker =
  process.env.BENCH_WORKER === '1'
    ? (async () => {
        while (!stopWorker) {
          const wait = await processOutbox(db);
          await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
        }
      })()
    : null;

const latencies: number[] = [];
let next = 0;
const profiler = await startProfile(process.env.BENCH_PROFILE);
const started = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < TOTAL) latencies.push(await once(next++));
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
await profiler?.stop();
stopWorker = true;
await worker;
latencies.sort((a, b) => a - b);
console.log(`${TOTAL.toLocaleString()} sends, ${CLIENTS} concurrent clients, worker ${worker ? 'draining meanwhile' : 'off'}:`);
console.log(
  `  ${(TOTAL / seconds).toFixed(0)} accepted sends/s; latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
);
console.log(
  `  CPU per send: ${((cpu.user + cpu.system) / TOTAL).toFixed(0)} us (user ${(cpu.user / TOTAL).toFixed(0)}, system ${(cpu.system / TOTAL).toFixed(0)})`,
);
console.log(`  messages stored: ${await db.message.count()}, outbox rows: ${await db.messageJob.count()}`);
await db.$disconnect();
