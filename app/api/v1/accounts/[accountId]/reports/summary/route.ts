import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { parseUsageQuery } from '@/lib/analytics/usage-query';
import { usageSummary } from '@/lib/analytics/usage-summary';
import { ValidationError } from '@/lib/errors';

const SUMMARY_PARAMS = new Set(['from', 'to', 'subAccountId', 'channel', 'timeZone']);

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const query = Object.fromEntries(new URL(req.url).searchParams);
    const unknown = Object.keys(query).filter((k) => !SUMMARY_PARAMS.has(k));
    if (unknown.length)
      throw new ValidationError(
        `Invalid parameter(s): ${unknown.map((k) => `'${k}'`).join(', ')}`,
        unknown.map((path) => ({ path, message: `Unknown parameter; the parameters are ${[...SUMMARY_PARAMS].join(', ')}` })),
      );
    return jsonResponse(await usageSummary(db, key.accountId, parseUsageQuery(query)));
  },
  { permission: 'reports.view' },
);
