import { db } from '@/lib/db/client';
import { reportView } from '@/lib/analytics/report-view';
import { usageReportCsv } from '@/lib/analytics/usage-report-csv';
import { csvResponse } from '@/lib/http/csv';
import { consoleRoute, queryOf } from '@/app/_lib/console-route';

// GET /reports/export?<the Reports page's query> — the report on the screen as a CSV download, streamed.
export const GET = consoleRoute('reports.view', async (req, { accountId }) => {
  const { query, report } = await reportView(db, accountId, queryOf(req));
  const name = ['usage', query.from, query.to, query.interval, query.groupBy].filter(Boolean).join('-');
  return csvResponse(`${name}.csv`, usageReportCsv(report));
});
