import { campaignView, type CampaignRow, type CampaignView } from '@/lib/campaigns/campaign-view';
import type { Db } from '@/lib/db/client';
import { read, type Step, type Tx } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';

/** The account's campaign row, or 404: another account's campaign is reported as missing. */
export function* campaignRowOf(t: Tx, accountId: string, id: string): Step<CampaignRow> {
  const row = yield* t.one<CampaignRow>('SELECT * FROM "Campaign" WHERE "id" = ? AND "accountId" = ?', id, accountId);
  if (!row) throw new NotFoundError(`Campaign '${String(id).slice(0, 100)}' not found`);
  return row;
}

/** GET /accounts/{accountId}/campaigns/{id}: the campaign as the API answers it. */
export async function getCampaign(db: Db, accountId: string, id: string): Promise<CampaignView> {
  return campaignView(await read(db, (t) => campaignRowOf(t, accountId, id)));
}
