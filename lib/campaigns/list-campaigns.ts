import { CAMPAIGN_STATUSES, type CampaignStatus } from '@/lib/campaigns/campaign-spec';
import { campaignView, type CampaignRow, type CampaignView } from '@/lib/campaigns/campaign-view';
import type { Db } from '@/lib/db/client';
import { readDate } from '@/lib/db/sql';
import { read } from '@/lib/db/tx';
import { ValidationError } from '@/lib/errors';

export type ListCampaignsQuery = { status?: string | null; limit?: number | string | null; cursor?: string | null };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** A page size from a query string: 1 to MAX_LIMIT; anything else is a 400 naming `limit`. */
export function pageLimit(raw: number | string | null | undefined, max = MAX_LIMIT, fallback = DEFAULT_LIMIT): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new ValidationError("Invalid parameter(s): 'limit'", [{ path: 'limit', message: `A whole number from 1 to ${max}` }]);
  return n;
}

function badCursor(): never {
  throw new ValidationError("Invalid parameter(s): 'cursor'", [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
}

// A page ends at a campaign; the next starts strictly after it in (createdAt, id) order, newest first.
const encodeCursor = (row: CampaignRow) => Buffer.from(`${readDate(row.createdAt).getTime()}:${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString();
  const m = /^(\d{1,15}):([A-Za-z0-9_-]{1,100})$/.exec(text);
  if (!m) badCursor();
  const at = new Date(Number(m[1]));
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() > 9999) badCursor();
  return { createdAt: at.toISOString().replace('Z', '+00:00'), id: m[2]! };
}

/** GET /accounts/{accountId}/campaigns?status=: the account's campaigns, newest first. */
export async function listCampaigns(db: Db, accountId: string, query: ListCampaignsQuery = {}): Promise<{ data: CampaignView[]; nextCursor: string | null }> {
  const status = query.status || undefined;
  if (status !== undefined && !CAMPAIGN_STATUSES.includes(status as CampaignStatus))
    throw new ValidationError("Invalid parameter(s): 'status'", [{ path: 'status', message: `One of ${CAMPAIGN_STATUSES.join(', ')}` }]);
  const limit = pageLimit(query.limit);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where = ['"accountId" = ?'];
  const params: unknown[] = [accountId];
  if (status) {
    where.push('"status" = ?');
    params.push(status);
  }
  if (after) {
    where.push('("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))');
    params.push(after.createdAt, after.createdAt, after.id);
  }
  const rows = await read(db, (t) =>
    t.all<CampaignRow>(`SELECT * FROM "Campaign" WHERE ${where.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`, ...params, limit + 1),
  );
  const page = rows.slice(0, limit);
  return { data: page.map(campaignView), nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null };
}
