import { parseDatabaseUrl } from '@/lib/db/database-url';
import { applyMigrationsSqlite, type MigrateResult } from '@/lib/db/migrations';
import { applyMigrationsPostgres } from '@/lib/db/migrations-postgres';

/** Brings DATABASE_URL's database to the current schema, from the history of its own kind. */
export async function applyMigrations(databaseUrl: string): Promise<MigrateResult> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'sqlite') return applyMigrationsSqlite(target.path);
  return applyMigrationsPostgres(target.url);
}
