import { Card } from '@/components/ui/card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

/** Grey bars in the shape of a table, for a route's loading.tsx while its rows are read. */
export function DataTableSkeleton({ columns, rows = 8 }: { columns: number; rows?: number }) {
  const cols = Array.from({ length: columns }, (_, i) => i);
  return (
    <Card aria-busy="true" aria-label="Loading">
      <Table>
        <THead>
          <tr>
            {cols.map((c) => (
              <TH key={c}>
                <div className="h-3 w-16 animate-pulse rounded bg-muted-foreground/20" />
              </TH>
            ))}
          </tr>
        </THead>
        <TBody>
          {Array.from({ length: rows }, (_, r) => (
            <TR key={r} className="hover:bg-transparent">
              {cols.map((c) => (
                <TD key={c}>
                  {/* Widths vary by column so the bars read as text, not as a grid. */}
                  <div className="h-4 animate-pulse rounded bg-muted" style={{ width: `${[70, 55, 85, 45, 65][(c + r) % 5]}%` }} />
                </TD>
              ))}
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
