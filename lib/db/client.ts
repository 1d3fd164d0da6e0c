import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';

export type Db = PrismaClient;

export function createDb(databaseUrl: string): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind !== 'sqlite') {
    throw new Error('PostgreSQL support arrives with its own issue; DATABASE_URL must be a file: URL for now');
  }
  fs.mkdirSync(path.dirname(path.resolve(target.path)), { recursive: true });
  // A busy writer in another process (the worker) makes us wait rather than fail.
  const adapter = new PrismaBetterSqlite3({ url: target.path, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { parleyDb?: PrismaClient };
export const db: PrismaClient = globalForDb.parleyDb ?? createDb(env.DATABASE_URL);
globalForDb.parleyDb = db;
