// npm run db:deploy — applies pending migrations to DATABASE_URL (SQLite, or PostgreSQL's own history).
import { env } from '@/lib/env';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations';
import { applyMigrationsPostgres } from '@/lib/db/migrations-postgres';

const target = parseDatabaseUrl(env.DATABASE_URL);
const { applied } = target.kind === 'postgres' ? await applyMigrationsPostgres(target.url) : applyMigrations(env.DATABASE_URL);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
