import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/db/generated/client';
import { PrismaClient as PrismaClientPostgres } from '@/lib/db/generated-postgres/client';
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { rememberConnection, sqliteAdapterFactory } from '@/lib/db/sqlite-connection';
import { postgresPool, rememberPool } from '@/lib/db/postgres/run-postgres';
import { sqliteLikeTypes } from '@/lib/db/postgres/types';

// Both generated clients come from the one schema (scripts/generate-client.mjs) and differ only in the
// SQL they compile to, so the SQLite client's type describes either.
export type Db = PrismaClient;

export function createDb(databaseUrl: string): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'postgres') return createPostgresDb(target.url);
  fs.mkdirSync(path.dirname(path.resolve(target.path)), { recursive: true });
  // Prisma connects lazily, after the client exists: the connection is remembered under the client.
  const client: PrismaClient = new PrismaClient({ adapter: sqliteAdapterFactory(target.path, (conn) => rememberConnection(client, conn)) });
  return client;
}

function createPostgresDb(url: string): PrismaClient {
  const settings = {
    connectionString: url,
    max: env.DATABASE_POOL_SIZE,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    // A transaction left open by a process that hung must not hold its locks (and claims) for ever.
    idle_in_transaction_session_timeout: Math.max(60_000, env.DATABASE_STATEMENT_TIMEOUT_MS * 4),
    connectionTimeoutMillis: 10_000,
  };
  const client = new PrismaClientPostgres({ adapter: new PrismaPg(settings) }) as unknown as PrismaClient;
  // Parley's own statements (lib/db/tx.ts) get a pool of their own, whose rows read as SQLite's do.
  rememberPool(client, new pg.Pool({ ...settings, types: sqliteLikeTypes }));
  return client;
}

/** Closes the client and, on PostgreSQL, Parley's own pool: a clean shutdown hands every connection back. */
export async function closeDb(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  await postgresPool(client)?.end();
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { parleyDb?: PrismaClient };
export const db: PrismaClient = globalForDb.parleyDb ?? createDb(env.DATABASE_URL);
globalForDb.parleyDb = db;
