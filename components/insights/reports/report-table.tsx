import type { Totals, UsageRow } from '@/lib/analytics/usage-report';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatCount, formatMoney } from '@/components/insights/format';
import { GROUP_LABELS, groupLabel, type GroupKey } from '@/components/insights/reports/report-labels';

// Cost beside the message count, where a narrow screen still shows it; then the states.
const COUNTS = [
  { key: 'delivered', label: 'Delivered' },
  { key: 'read', label: 'Read' },
  { key: 'undelivered', label: 'Undelivered' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'received', label: 'Received' },
  { key: 'sent', label: 'Sent' },
  { key: 'queued', label: 'Queued' },
  { key: 'conversations', label: 'Conversations' },
] as const;

/** The screen shows this many rows; the export holds them all. */
export const MAX_TABLE_ROWS = 1000;

/** The report's rows, with the totals at the foot. */
export function ReportTable({ rows, totals, groupBy, names }: { rows: UsageRow[]; totals: Totals; groupBy: GroupKey | null; names: Record<string, string> }) {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  return (
    <>
      <Table containerClassName="max-h-[32rem]" aria-label="Usage report" data-testid="report-table">
        <THead>
          <tr>
            <TH className="whitespace-nowrap">Period</TH>
            {groupBy ? <TH>{GROUP_LABELS[groupBy]}</TH> : null}
            <TH className="text-right">Messages</TH>
            <TH className="text-right">Cost</TH>
            {COUNTS.map((c) => (
              <TH key={c.key} className="text-right">
                {c.label}
              </TH>
            ))}
          </tr>
        </THead>
        <TBody>
          {shown.map((r) => (
            <TR key={`${r.period}|${groupBy ? groupLabel(groupBy, r, names) : ''}`} data-testid="report-row">
              <TD className="whitespace-nowrap tabular-nums">{r.period}</TD>
              {groupBy ? <TD className="whitespace-nowrap font-medium">{groupLabel(groupBy, r, names)}</TD> : null}
              <TD className="text-right font-medium tabular-nums">{formatCount(r.messages)}</TD>
              <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(r.cost, 4)}</TD>
              {COUNTS.map((c) => (
                <TD key={c.key} className="text-right tabular-nums">
                  {formatCount(r[c.key])}
                </TD>
              ))}
            </TR>
          ))}
        </TBody>
        <tfoot className="sticky bottom-0 bg-[color-mix(in_oklab,var(--muted)_60%,var(--card))] font-semibold shadow-[0_-1px_0_var(--border)]">
          <tr data-testid="report-totals">
            <TD colSpan={groupBy ? 2 : 1}>Total</TD>
            <TD className="text-right tabular-nums">{formatCount(totals.messages)}</TD>
            <TD className="whitespace-nowrap text-right tabular-nums">{formatMoney(totals.cost, 4)}</TD>
            {COUNTS.map((c) => (
              <TD key={c.key} className="text-right tabular-nums">
                {formatCount(totals[c.key])}
              </TD>
            ))}
          </tr>
        </tfoot>
      </Table>
      {rows.length > shown.length ? (
        <p className="border-t px-5 py-2 text-xs text-muted-foreground">
          Showing the first {formatCount(shown.length)} of {formatCount(rows.length)} rows; the CSV export holds them all.
        </p>
      ) : null}
    </>
  );
}
