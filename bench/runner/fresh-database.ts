// A fresh, migrated and seeded SQLite file for a runner bench, with Parley composed as every entry
// point composes it (inbound messages reach automation). Imported first, with top-level await: the
// database URL must be set before anything opens lib/db/client.
import fs from 'node:fs';
import path from 'node:path';

export async function freshBenchDatabase(name: string, env: Record<string, string> = {}) {
  const file = path.resolve(`data/${name}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
  Object.assign(process.env, env);
  process.env.LOG_LEVEL ??= 'error';
  const { applyMigrations } = await import('@/lib/db/apply-migrations');
  await applyMigrations(process.env.DATABASE_URL);
  const { db } = await import('@/lib/db/client');
  const { seedDemo } = await import('@/lib/tenancy/seed-demo');
  (await import('@/scripts/compose')).registerInboundConsumers();
  await seedDemo(db, { adminPassword: 'bench-password', apiKey: `prl_${name.replace(/\W/g, '_')}_key_0123456789` });
  return { file, db };
}
