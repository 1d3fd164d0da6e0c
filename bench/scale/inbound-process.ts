// One process of bench/scale's runner phase: what a web process with its background work does (the
// loops of `npm run worker`: scripts/compose.ts's tasks, woken across processes on PostgreSQL), driving
// SCALE_CUSTOMERS conversations of the menu bot through receiveInbound (which returns once the instance
// has run and its reply is queued) from number SCALE_FROM on. Prints "ready" after a warm-up, starts on
// a line on stdin, runs BENCH_SECONDS, and prints one JSON line: { inbound, seconds }.
import readline from 'node:readline';
import { env } from '@/lib/env';
import { db } from '@/lib/db/client';
import { startBackgroundWork } from '@/lib/jobs/start-background-work';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { composeParley } from '@/scripts/compose';
import { closedLoop } from '@/bench/runner/drive-conversations';
import { SUB } from './scale-fixtures';

const FROM = Number(process.env.SCALE_FROM ?? 0);
const CUSTOMERS = Number(process.env.SCALE_CUSTOMERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const loops = startBackgroundWork(composeParley().tasks);
// A message the database refused (serialization conflicts past lib/db/tx.ts's retries) is counted, not fatal:
// a carrier would send it again.
let failed = 0;
const send = (msisdn: string, text: string) =>
  receiveInbound(db, { accountId: 'acme_corp', subAccountId: SUB, channel: 'whatsapp', msisdn, type: 'text', content: { text } }).catch(() => failed++);
const phoneOf = (i: number) => `+659${String(FROM + i).padStart(7, '0')}`;

// Warm-up on numbers of its own (module loading, the JIT, the definition cache).
await closedLoop(send, 5, Number(process.env.BENCH_WARMUP_SECONDS ?? 1), (i) => `+657${String(FROM + i).padStart(7, '0')}`);
process.stdout.write('ready\n');
await new Promise((r) => readline.createInterface({ input: process.stdin }).once('line', r));
failed = 0;
const cpuAtStart = process.cpuUsage();
const figures = await closedLoop(send, CUSTOMERS, SECONDS, phoneOf);
const cpu = process.cpuUsage(cpuAtStart);
process.stdout.write(
  `${JSON.stringify({ inbound: figures.inbound - failed, failed, seconds: figures.seconds, p50: figures.p50, p99: figures.p99, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, db: env.DATABASE_URL.split(':')[0] })}\n`,
);
await loops.stop();
process.exit(0);
