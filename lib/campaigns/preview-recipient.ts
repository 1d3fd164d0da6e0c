import { campaignRowOf } from '@/lib/campaigns/get-campaign';
import type { Db } from '@/lib/db/client';
import { readJson } from '@/lib/db/sql';
import { read, type Step } from '@/lib/db/tx';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { TEMPLATE_NOT_FOUND } from '@/lib/messaging/codes';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import type { StoredTemplate } from '@/lib/templates/stored-template';
import { fillTemplateComponents } from '@/lib/templates/template-slots';

// What one recipient gets: the 8x8 send payload built from the template and the row's values (the
// preview shows it, dispatch sends it), and stepping between the rows that will be sent.

export type RecipientMessage = {
  user: { msisdn: string };
  type: 'template';
  content: { template: { name: string; language: string; components: Record<string, unknown>[] } };
};

type JsonList = readonly (string | null)[] | string | null | undefined;

const list = (v: unknown): (string | null)[] => (typeof v === 'string' ? (readJson<(string | null)[]>(v) ?? []) : Array.isArray(v) ? v : []);

/**
 * The send payload for a recipient: `campaign.slotKeys` names the recipient's `values` in order (both
 * as stored, JSON text, or already parsed), filled into `campaign.template`.
 */
export function buildRecipientMessage(
  campaign: { slotKeys: JsonList; template: Pick<StoredTemplate, 'name' | 'language' | 'components'> },
  recipient: { msisdn: string; values: JsonList },
): RecipientMessage {
  const keys = list(campaign.slotKeys);
  const values = list(recipient.values);
  const byKey: Record<string, string> = {};
  keys.forEach((key, i) => {
    const v = values[i];
    if (key && v != null) byKey[key] = v;
  });
  const t = campaign.template;
  return {
    user: { msisdn: recipient.msisdn },
    type: 'template',
    content: { template: { name: t.name, language: t.language, components: fillTemplateComponents(t, byKey) } },
  };
}

export type RecipientPreview = { row: number; msisdn: string; message: RecipientMessage; prevRow: number | null; nextRow: number | null };

type Recipient = { row: number; msisdn: string; status: string; values: string | null };

/** A row number from a query string, or a 400 naming `row`. */
function rowNumber(raw: number | string | null | undefined): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = typeof raw === 'number' ? raw : /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1)
    throw new ValidationError("Invalid parameter(s): 'row'", [{ path: 'row', message: 'A row number of the audience (the header is 1)' }]);
  return n;
}

/**
 * GET .../campaigns/{id}/preview?row=N: the message row N gets (default: the first valid row), with
 * the valid rows before and after it. A row that will not be sent (invalid, duplicate, opted out) has
 * no message: 400 saying why.
 */
export async function previewRecipient(db: Db, accountId: string, id: string, rawRow?: number | string | null): Promise<RecipientPreview> {
  const wanted = rowNumber(rawRow);
  const { campaign, recipient, prevRow, nextRow } = await read(db, function* (t) {
    const campaign = yield* campaignRowOf(t, accountId, id);
    const select = 'SELECT "row", "msisdn", "status", "values" FROM "CampaignRecipient" WHERE "campaignId" = ?';
    const recipient =
      wanted === undefined
        ? yield* t.one<Recipient>(`${select} AND "values" IS NOT NULL ORDER BY "row" LIMIT 1`, id)
        : yield* t.one<Recipient>(`${select} AND "row" = ?`, id, wanted);
    function* near(op: '<' | '>', order: 'ASC' | 'DESC'): Step<number | null> {
      if (!recipient) return null;
      const row = yield* t.one<{ row: number }>(
        `SELECT "row" FROM "CampaignRecipient" WHERE "campaignId" = ? AND "row" ${op} ? AND "values" IS NOT NULL ORDER BY "row" ${order} LIMIT 1`,
        id,
        recipient.row,
      );
      return row?.row ?? null;
    }
    return { campaign, recipient, prevRow: yield* near('<', 'DESC'), nextRow: yield* near('>', 'ASC') };
  });
  if (!recipient)
    throw new NotFoundError(wanted === undefined ? 'The campaign has no valid recipients to preview' : `Row ${wanted} not found in this campaign`);
  if (recipient.values === null)
    throw new ValidationError(`Row ${recipient.row} is ${recipient.status.replace('_', ' ')}: it gets no message`, [
      { path: 'row', message: 'Choose a valid row' },
    ]);
  const template = await findApprovedTemplate(db, { subAccountId: campaign.subAccountId, name: campaign.templateName, language: campaign.templateLanguage });
  if (!template)
    throw new ValidationError(
      `Template not found: '${campaign.templateName}' (${campaign.templateLanguage}) is no longer APPROVED for this subaccount`,
      [{ path: 'template.name', message: 'No approved template with this name and language' }],
      TEMPLATE_NOT_FOUND,
    );
  const message = buildRecipientMessage({ slotKeys: campaign.slotKeys as string, template }, recipient);
  return { row: recipient.row, msisdn: recipient.msisdn, message, prevRow, nextRow };
}
