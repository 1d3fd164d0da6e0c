import { csvStream } from '@/lib/http/csv';
import { COUNTERS, type UsageReport } from '@/lib/analytics/usage-report';

const GROUP_KEYS = ['subAccountId', 'channel', 'category', 'country', 'direction'] as const;
const PAGE = 1000;

/** The report as CSV: period, the grouped keys present, the counters, cost and currency; streamed in pages. */
export function usageReportCsv(report: UsageReport): ReadableStream<Uint8Array> {
  const groups = GROUP_KEYS.filter((k) => report.data.some((r) => k in r));
  const header = ['period', ...groups, ...COUNTERS, 'cost', 'currency'];
  let at = 0;
  return csvStream(header, async () => {
    if (at >= report.data.length) return null;
    const page = report.data.slice(at, (at += PAGE));
    return page.map((r) => [r.period, ...groups.map((g) => r[g] ?? ''), ...COUNTERS.map((c) => r[c]), r.cost.amount, r.cost.currency]);
  });
}
