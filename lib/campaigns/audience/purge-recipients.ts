import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { deleteRecipientsBatch } from '@/lib/campaigns/audience/recipient-writer';

/**
 * Deletes a campaign's recipients a few thousand at a time, each batch its own short transaction: a
 * million rows in one would hold the write lock (and every send waiting on it) for seconds.
 */
export async function purgeRecipients(db: Db, campaignId: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const n = await write(db, (t) => deleteRecipientsBatch(t, campaignId));
    deleted += n;
    if (n === 0) return deleted;
  }
}
