// npm run analytics:rebuild [accountId] — recounts the Insights rollups from the Message table (after a
// repair, or to check them: the rollups are kept up to date on every message change without this).
import { env } from '@/lib/env';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { rebuildRollups } from '@/lib/analytics/rebuild-rollups';

await applyMigrations(env.DATABASE_URL);
const { db } = await import('@/lib/db/client');
const started = performance.now();
const accountId = process.argv[2];
const { accounts, messages } = await rebuildRollups(db, accountId ? { accountId } : {});
console.log(`Rebuilt the rollups of ${accounts} account(s) from ${messages} message(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
