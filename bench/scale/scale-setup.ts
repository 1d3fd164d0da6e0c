// Setup shared by bench/scale/bench.ts and test/fault: fresh databases (a SQLite file or a database
// created on TEST_POSTGRES_URL), `npm run worker`-style child processes, and the stored work they take
// (a campaign's recipients, abandoned workflow instances). Nothing here opens lib/db/client: callers
// set DATABASE_URL first, then import what needs the database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgresql://parley@127.0.0.1:55432/postgres';

/** The URL of `database` on the cluster at TEST_POSTGRES_URL. */
export function postgresUrl(database: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database `name` on the cluster (dropped first if it exists); its URL. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  return postgresUrl(name);
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Commits and rollbacks (serialization retries among them) of a PostgreSQL database so far. */
export async function transactionCounts(name: string): Promise<{ commits: number; rollbacks: number }> {
  return admin(async (c) => {
    // The statistics are flushed by each backend at most once a second; a snapshot taken now is current enough.
    const { rows } = await c.query('SELECT xact_commit AS commits, xact_rollback AS rollbacks FROM pg_stat_database WHERE datname = $1', [name]);
    return { commits: Number(rows[0]?.commits ?? 0), rollbacks: Number(rows[0]?.rollbacks ?? 0) };
  });
}

export type Cpu = { user: number; system: number };

/**
 * CPU seconds (user, system) spent so far by the processes `pick` chooses (by pid and command name), from
 * /proc (Linux; null elsewhere). A phase's share is the difference across it; a process that exits takes
 * its figure with it, so phases read it while their processes and pooled connections are still there.
 */
export function cpuSeconds(pick: (pid: number, command: string) => boolean): Cpu | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const tick = 100; // USER_HZ: 100 on every Linux Parley runs on
  const cpu = { user: 0, system: 0 };
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const close = stat.lastIndexOf(')');
    if (!pick(Number(entry), stat.slice(stat.indexOf('(') + 1, close))) continue;
    const fields = stat.slice(close + 2).split(' '); // from field 3 (state) on: utime is field 14, stime 15
    cpu.user += Number(fields[11]) / tick;
    cpu.system += Number(fields[12]) / tick;
  }
  return cpu;
}

/** The whole machine's CPU ticks so far, busy and in all (from /proc/stat's first line; null elsewhere). */
export function machineTicks(): { busy: number; total: number } | null {
  if (!fs.existsSync('/proc/stat')) return null;
  // user nice system idle iowait irq softirq steal …: idle and iowait are the time nobody had work to do.
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((s, t) => s + t, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

/** How busy the machine's cores were between two readings of machineTicks, in percent. */
export function busyPercent(a: ReturnType<typeof machineTicks>, b: ReturnType<typeof machineTicks>): number | null {
  return a && b && b.total > a.total ? Math.round((100 * (b.busy - a.busy)) / (b.total - a.total)) : null;
}

/** The local PostgreSQL server's processes (the bench's server runs on this machine). */
export const postgresProcesses = (_pid: number, command: string) => command.startsWith('postgres');

export const cpuDelta = (a: Cpu | null, b: Cpu | null): Cpu | null =>
  a && b ? { user: Number((b.user - a.user).toFixed(2)), system: Number((b.system - a.system).toFixed(2)) } : null;

/** A fresh SQLite file's URL (the file and its WAL side files removed). */
export function freshSqliteUrl(name: string): string {
  const file = path.resolve(`data/${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return `file:${file}`;
}

/** Migrates and seeds the database at DATABASE_URL (set by the caller before any import opened it). */
export async function migrateAndSeed(name: string) {
  const { applyMigrations } = await import('@/lib/db/apply-migrations');
  await applyMigrations(process.env.DATABASE_URL!);
  const { db } = await import('@/lib/db/client');
  const { seedDemo } = await import('@/lib/tenancy/seed-demo');
  (await import('@/scripts/compose')).registerInboundConsumers();
  await seedDemo(db, { adminPassword: 'bench-password', apiKey: `prl_${name.replace(/\W/g, '_')}_key_0123456789` });
  return db;
}

/** A child process running `script` (scripts/worker.ts by default) on `databaseUrl`. */
export function startProcess(databaseUrl: string, env: Record<string, string> = {}, script = 'scripts/worker.ts'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', RUN_WORKER_IN_WEB: 'false', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** startProcess for `npm run worker` itself: its stdout (nothing at LOG_LEVEL error) is discarded. */
export function startWorker(databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  const child = startProcess(databaseUrl, env);
  child.stdout!.resume();
  return child;
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  return exited;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => Promise<boolean>, ms = 600_000, every = 100): Promise<void> {
  for (const deadline = Date.now() + ms; !(await check()); await sleep(every)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}
