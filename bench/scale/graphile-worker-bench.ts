// npx tsx bench/scale/graphile-worker-bench.ts — what graphile-worker 0.17.3 (issue 19's first choice of
// job engine) does on this machine's PostgreSQL, next to what Parley's own paths need: how fast jobs are
// added (one addJob per call, 50 at a time, as a send or an inbound would add its job) and run (a no-op
// task, concurrency 10 per runner). If every send were a job, the send rate could not pass these.
// TEST_POSTGRES_URL names the server (scripts/postgres-test-cluster.sh start prints one); N jobs (10,000).
import pg from 'pg';
import { makeWorkerUtils, run } from 'graphile-worker';

const base = process.env.TEST_POSTGRES_URL ?? 'postgresql://parley@127.0.0.1:55432/postgres';
const N = Number(process.env.N ?? 10_000);
const database = `parley_gw_bench_${process.pid}`;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = new URL(base);
url.pathname = `/${database}`;
const connectionString = url.toString();

try {
  const utils = await makeWorkerUtils({ connectionString });
  await utils.migrate();
  for (const runners of [1, 2]) {
    const added = Date.now();
    for (let i = 0; i < N; i += 50) await Promise.all(Array.from({ length: Math.min(50, N - i) }, (_, k) => utils.addJob('noop', { i: i + k })));
    const addSeconds = (Date.now() - added) / 1000;
    let done = 0;
    const started = Date.now();
    const workers = await Promise.all(
      Array.from({ length: runners }, () =>
        run({ connectionString, concurrency: 10, noHandleSignals: true, pollInterval: 100, logger: undefined, taskList: { noop: async () => void done++ } }),
      ),
    );
    while (done < N) await new Promise((r) => setTimeout(r, 20));
    const runSeconds = (Date.now() - started) / 1000;
    for (const w of workers) await w.stop();
    console.log(`graphile-worker, ${runners} runner(s): added ${N} jobs at ${Math.round(N / addSeconds)}/s, ran them at ${Math.round(N / runSeconds)}/s`);
  }
  await utils.release();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
