// One background pass at a given instant, in a process of its own: another worker process, for tests of
// what worker processes share (lib/messaging/shared-rate.test.ts). PASS=outbox|dispatch, PASS_AT=ms since
// the epoch, PASS_LIMIT=the outbox's rows per pass; DATABASE_URL is the test file's database.
import { closeDb, db } from '@/lib/db/client';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';
import { processOutbox, settleOutbox } from '@/lib/messaging/process-outbox';

const at = new Date(Number(process.env.PASS_AT));
if (process.env.PASS === 'outbox') {
  await processOutbox(db, { now: () => at, limit: Number(process.env.PASS_LIMIT ?? 100) });
  await settleOutbox();
} else await dispatchCampaigns(db, { now: () => at });
await closeDb(db);
