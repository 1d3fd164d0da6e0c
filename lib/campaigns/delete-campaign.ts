import type { Actor } from '@/lib/audit/record-audit-event';
import { deleteAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { purgeRecipients } from '@/lib/campaigns/audience/purge-recipients';
import { campaignRowOf } from '@/lib/campaigns/get-campaign';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import type { Db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { ConflictError } from '@/lib/errors';

/**
 * Deletes a draft with its recipients and, when no other campaign of the account was made from it,
 * its stored file. A campaign past draft has sent (or was to send) messages and stays: 409. 404 for
 * another account's campaign.
 */
export async function deleteCampaign(db: Db, actor: Actor, accountId: string, id: string): Promise<void> {
  const row = await write(db, function* (t) {
    const row = yield* campaignRowOf(t, accountId, id);
    if (row.status !== 'draft') throw new ConflictError(`Campaign '${id}' is ${row.status}: only a draft can be deleted`);
    yield* t.run('DELETE FROM "Campaign" WHERE "id" = ?', id);
    yield* insertAuditRow(
      t,
      actor,
      { accountId, action: 'campaign.delete', entityType: 'campaign', entityId: id, summary: `Deleted draft campaign "${row.name}"` },
      new Date(),
    );
    return row;
  });
  await purgeRecipients(db, id);
  const fileId = row.audienceFileId as string | null;
  if (fileId) {
    const shared = await read(db, (t) => t.one('SELECT 1 AS "one" FROM "Campaign" WHERE "accountId" = ? AND "audienceFileId" = ? LIMIT 1', accountId, fileId));
    if (!shared) await deleteAudienceFile(db, accountId, fileId);
  }
}
