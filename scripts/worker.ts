// npm run worker — a separate process for background work (for deployments that run several).
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { startBackgroundWork } from '@/lib/jobs/start-background-work';
import { composeParley } from './compose';

await applyMigrations(env.DATABASE_URL);
const loops = startBackgroundWork(composeParley().tasks);
logger.info('worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await loops.stop();
    process.exit(0);
  });
}
