// npm run db:deploy — applies pending migrations to DATABASE_URL (SQLite, or PostgreSQL's own history).
import { env } from '@/lib/env';
import { applyMigrations } from '@/lib/db/apply-migrations';

const { applied } = await applyMigrations(env.DATABASE_URL);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
