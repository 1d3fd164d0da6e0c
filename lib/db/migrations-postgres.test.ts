import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations, POSTGRES_MIGRATIONS_DIR } from '@/lib/db/migrations';
import { applyMigrationsPostgres } from '@/lib/db/migrations-postgres';

// The PostgreSQL history is made from the same prisma/schema as SQLite's (scripts/db-migrate.ts, and
// `--check` in CI). Here it is applied to a real server (the throwaway cluster scripts/test.sh starts)
// and must give the same tables, columns and indexes as SQLite's history.
const server = process.env.TEST_POSTGRES_URL;
const database = `parley_migrations_${crypto.randomBytes(4).toString('hex')}`;
let url = '';
let admin: pg.Client;

beforeAll(async () => {
  if (!server) return;
  admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const u = new URL(server);
  u.pathname = `/${database}`;
  url = u.toString();
});
afterAll(async () => {
  if (!server) return;
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(!server)('PostgreSQL migrations', () => {
  it('apply to an empty database once, then find nothing to do (also when two processes start together)', async () => {
    const all = listMigrations(POSTGRES_MIGRATIONS_DIR);
    expect(all.length).toBeGreaterThan(0);
    const [a, b] = await Promise.all([applyMigrationsPostgres(url), applyMigrationsPostgres(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(all.map((m) => m.name));
    expect((await applyMigrationsPostgres(url)).applied).toEqual([]);
    const rows = await query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(all.map((m) => m.name));
  });

  it('give the same tables, columns and indexes as the SQLite history', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-parity-')), 'db.sqlite');
    applyMigrationsSqlite(file);
    const lite = new Database(file, { readonly: true });
    const liteTables = (
      lite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as {
        name: string;
      }[]
    )
      .map((t) => t.name)
      .sort();
    const liteColumns = liteTables
      .flatMap((t) => (lite.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => `${t}.${c.name}`))
      .sort();
    const liteIndexes = (lite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'`).all() as { name: string }[])
      .map((i) => i.name)
      .sort();
    lite.close();

    const pgColumns = (
      await query<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      )
    )
      .map((r) => `${r.t}.${r.c}`)
      .sort();
    const pgTables = [...new Set(pgColumns.map((c) => c.split('.')[0]!))].sort();
    const pgIndexes = (await query<{ i: string }>(`SELECT indexname AS i FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`))
      .map((r) => r.i)
      .sort();
    expect(pgTables).toEqual(liteTables);
    expect(pgColumns).toEqual(liteColumns);
    expect(pgIndexes).toEqual(liteIndexes);
  });

  it('refuse a migration changed after it was applied, and roll back one that fails', async () => {
    const all = listMigrations(POSTGRES_MIGRATIONS_DIR);
    const changed = all.map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(applyMigrationsPostgres(url, changed)).rejects.toThrow(/was changed after it was applied/);
    const broken = { name: '99999999999999_broken', sql: 'CREATE TABLE "Half" ("id" TEXT); SELECT * FROM "NoSuchTable";', checksum: 'x' };
    await expect(applyMigrationsPostgres(url, [...all, broken])).rejects.toThrow(/99999999999999_broken failed/);
    expect(await query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name])).toEqual([]);
  });
});
