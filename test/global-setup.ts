import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrationsSqlite } from '@/lib/db/migrations';
import { applyMigrationsPostgres } from '@/lib/db/migrations-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
    /** Set when the suite runs on PostgreSQL (TEST_DATABASE=postgres): the migrated template database's URL. */
    templatePostgresUrl: string | undefined;
  }
}

/** The URL of `database` on the cluster at TEST_POSTGRES_URL. */
export function postgresDatabaseUrl(database: string): string {
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A migrated, empty database made once per test run; each test file works on its own copy (a file on
 * SQLite; on PostgreSQL, a database created from the template, all dropped at the end of the run).
 */
export default async function setup(project: TestProject) {
  const file = path.join(os.tmpdir(), `parley-test-template-${crypto.randomBytes(4).toString('hex')}.db`);
  applyMigrationsSqlite(file);
  // One file, not WAL side files, so that copies are consistent.
  project.provide('templateDb', file);
  const onPostgres = process.env.TEST_DATABASE === 'postgres';
  const prefix = `parley_t${crypto.randomBytes(3).toString('hex')}`;
  if (onPostgres) {
    if (!process.env.TEST_POSTGRES_URL) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URL (scripts/postgres-test-cluster.sh start prints one)');
    await adminQuery(`CREATE DATABASE ${prefix}_template`);
    await applyMigrationsPostgres(postgresDatabaseUrl(`${prefix}_template`));
    project.provide('templatePostgresUrl', postgresDatabaseUrl(`${prefix}_template`));
  } else project.provide('templatePostgresUrl', undefined);
  return async () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    if (onPostgres) {
      const { rows } = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`);
      for (const { datname } of rows) await adminQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  };
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
