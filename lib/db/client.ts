import fs from 'node:fs';
import path from 'node:path';
import { PrismaClient } from '@/lib/db/generated/client';
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { rememberConnection, sqliteAdapterFactory } from '@/lib/db/sqlite-connection';

export type Db = PrismaClient;

export function createDb(databaseUrl: string): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind !== 'sqlite') {
    throw new Error('PostgreSQL support arrives with its own issue; DATABASE_URL must be a file: URL for now');
  }
  fs.mkdirSync(path.dirname(path.resolve(target.path)), { recursive: true });
  // Prisma connects lazily, after the client exists: the connection is remembered under the client.
  const client: PrismaClient = new PrismaClient({ adapter: sqliteAdapterFactory(target.path, (conn) => rememberConnection(client, conn)) });
  return client;
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { parleyDb?: PrismaClient };
export const db: PrismaClient = globalForDb.parleyDb ?? createDb(env.DATABASE_URL);
globalForDb.parleyDb = db;
