// A fresh, migrated, seeded bench database (never the app's own database).
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { applyMigrationsSqlite } from '@/lib/db/migrations';
import { createDb } from '@/lib/db/client';
import { seedDemo } from '@/lib/tenancy/seed-demo';

export const BENCH_API_KEY = 'prl_bench_key_0123456789abcdef';

export async function freshBenchDb(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  applyMigrationsSqlite(file);
  const db = createDb(`file:${file}`);
  await seedDemo(db, { adminPassword: 'bench-password', apiKey: BENCH_API_KEY });
  return db;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A CPU profile of the measured phase only, written to `file` (open it in Chrome DevTools). */
export async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> } | null> {
  if (!file) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
