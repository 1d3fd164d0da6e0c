// npx tsx scripts/e2e-fresh-database.ts — the e2e server's database made empty before the server starts
// (playwright.config.ts runs it): DATABASE_URL's SQLite file and its WAL side files deleted, or its
// PostgreSQL database dropped (closing any connection a previous run left) and created again, on the
// same cluster. scripts/start.ts then migrates and seeds it.
import fs from 'node:fs';
import pg from 'pg';
import { parseDatabaseUrl } from '@/lib/db/database-url';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const target = parseDatabaseUrl(url);
if (target.kind === 'sqlite') {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${target.path}${suffix}`, { force: true });
} else {
  const database = decodeURIComponent(new URL(target.url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`refusing to re-create database "${database}": not a plain lower-case name`);
  const admin = new URL(target.url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
}
