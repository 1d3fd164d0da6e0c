// npm run worker — a separate process for background work (for deployments that run several).
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { closeDb, db } from '@/lib/db/client';
import { startBackgroundWork } from '@/lib/jobs/start-background-work';
import { composeParley } from './compose';

await applyMigrations(env.DATABASE_URL);
const loops = startBackgroundWork(composeParley().tasks);
logger.info('worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // A clean stop: the loops finish what they claimed (nothing is left leased to a process that is gone),
  // then the connections go back. A process killed instead loses nothing either: its leases expire.
  process.on(signal, async () => {
    await loops.stop();
    await closeDb(db);
    process.exit(0);
  });
}
