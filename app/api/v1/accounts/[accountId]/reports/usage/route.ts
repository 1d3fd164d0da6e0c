import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { db } from '@/lib/db/client';
import { parseUsageQuery } from '@/lib/analytics/usage-query';
import { usageReport } from '@/lib/analytics/usage-report';
import { usageReportCsv } from '@/lib/analytics/usage-report-csv';
import { csvResponse, wantsCsv } from '@/lib/http/csv';

export const GET = withApiKey<{ accountId: string }>(
  async ({ req, key }) => {
    const report = await usageReport(db, key.accountId, parseUsageQuery(Object.fromEntries(new URL(req.url).searchParams)));
    if (wantsCsv(req)) return csvResponse(`usage-${report.from}-${report.to}.csv`, usageReportCsv(report));
    return jsonResponse({ data: report.data, totals: report.totals, timeZone: report.timeZone, from: report.from, to: report.to, interval: report.interval });
  },
  { permission: 'reports.view' },
);
