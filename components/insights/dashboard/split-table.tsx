import type { SplitRow } from '@/lib/analytics/dashboard-data';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { CountLink } from '@/components/insights/dashboard/stat-cards';
import type { LogsScope } from '@/components/insights/logs-href';
import { formatMoney } from '@/components/insights/format';

const COLUMNS = [
  { key: 'delivered', label: 'Delivered' },
  { key: 'read', label: 'Read' },
  { key: 'undelivered', label: 'Undelivered' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'received', label: 'Received' },
] as const;

/** Outcomes per subaccount or per channel; each count opens its messages in the Logs. */
export function SplitTable({ rows, by, scope, names }: { rows: SplitRow[]; by: 'subAccountId' | 'channel'; scope: LogsScope; names: Record<string, string> }) {
  if (rows.length === 0) return <p className="px-5 py-6 text-center text-sm text-muted-foreground">No messages in this range.</p>;
  return (
    <Table containerClassName="max-h-none" className="min-w-[40rem] table-fixed" aria-label={by === 'channel' ? 'By channel' : 'By subaccount'}>
      {/* The same widths in both tables of the card, so that their columns line up. */}
      <colgroup>
        <col className="w-[28%]" />
      </colgroup>
      <THead>
        <tr>
          <TH>{by === 'channel' ? 'Channel' : 'Subaccount'}</TH>
          {COLUMNS.map((c) => (
            <TH key={c.key} className="text-right">
              {c.label}
            </TH>
          ))}
          <TH className="text-right">Cost</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const key = r[by] ?? '';
          const rowScope = { ...scope, [by]: key };
          return (
            <TR key={key} data-testid={`split-${by}-${key}`}>
              <TD className="whitespace-nowrap font-medium">{names[key] ?? key}</TD>
              {COLUMNS.map((c) => (
                <TD key={c.key} className="text-right">
                  <CountLink n={r[c.key]} scope={rowScope} selection={{ status: c.key }} />
                </TD>
              ))}
              <TD className="whitespace-nowrap text-right tabular-nums text-muted-foreground">{formatMoney(r.cost)}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
