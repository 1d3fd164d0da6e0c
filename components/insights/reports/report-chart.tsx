'use client';
import * as React from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageRow } from '@/lib/analytics/usage-report';
import { AXIS, chartColor, GRID, GROUP_COLORS, LEGEND, TOOLTIP } from '@/components/insights/chart-colors';
import { formatCount, formatMoney, shortDay } from '@/components/insights/format';
import { groupLabel, type GroupKey } from '@/components/insights/reports/report-labels';

const OUTCOMES = [
  { key: 'received', label: 'Received' },
  { key: 'read', label: 'Read' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'inFlight', label: 'Sent or queued' },
  { key: 'undelivered', label: 'Undelivered' },
  { key: 'rejected', label: 'Rejected' },
] as const;
const OUTCOME_COLOR: Record<string, string> = { inFlight: chartColor('sent') };
const MAX_GROUPS = 7;

type Metric = 'messages' | 'cost';
type Series = { key: string; label: string; color: string };

const periodLabel = (p: string) =>
  p.length === 7 ? new Date(`${p}-15T12:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }) : shortDay(p);

/**
 * The report per period, stacked: by outcome when nothing is grouped, else by the groups (the seven
 * largest, the rest as "Other"); messages or cost.
 */
export function ReportChart({
  rows,
  periods: allPeriods,
  groupBy,
  names,
  currency,
}: {
  rows: UsageRow[];
  /** Every period of the range, those without messages included (a gap would read as missing data). */
  periods: string[];
  groupBy: GroupKey | null;
  names: Record<string, string>;
  currency: string;
}) {
  const [metric, setMetric] = React.useState<Metric>('messages');
  const { data, series } = React.useMemo(() => {
    const value = (r: UsageRow) => (metric === 'cost' ? r.cost.amount : r.messages);
    const periods = [...new Set([...allPeriods, ...rows.map((r) => r.period)])].sort();
    const byPeriod = new Map(periods.map((p) => [p, { period: p } as Record<string, number | string>]));
    let series: Series[];
    if (!groupBy) {
      series =
        metric === 'cost'
          ? [{ key: 'cost', label: 'Cost', color: chartColor('cost') }]
          : OUTCOMES.map((o) => ({ key: o.key, label: o.label, color: OUTCOME_COLOR[o.key] ?? chartColor(o.key) }));
      for (const r of rows) {
        const point = byPeriod.get(r.period)!;
        const add = (k: string, n: number) => (point[k] = Number(point[k] ?? 0) + n);
        if (metric === 'cost') add('cost', r.cost.amount);
        else {
          for (const o of ['received', 'read', 'delivered', 'undelivered', 'rejected'] as const) add(o, r[o]);
          add('inFlight', r.sent + r.queued);
        }
      }
    } else {
      const totals = new Map<string, number>();
      for (const r of rows) totals.set(groupLabel(groupBy, r, names), (totals.get(groupLabel(groupBy, r, names)) ?? 0) + value(r));
      const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
      const shown = ranked.length > MAX_GROUPS + 1 ? ranked.slice(0, MAX_GROUPS) : ranked;
      const other = ranked.length > shown.length;
      series = [...shown, ...(other ? ['Other'] : [])].map((label, i) => ({ key: `g${i}`, label, color: GROUP_COLORS[i % GROUP_COLORS.length]! }));
      const keyOf = new Map(series.map((s) => [s.label, s.key]));
      for (const r of rows) {
        const point = byPeriod.get(r.period)!;
        const k = keyOf.get(groupLabel(groupBy, r, names)) ?? keyOf.get('Other')!;
        point[k] = Number(point[k] ?? 0) + value(r);
      }
    }
    return { data: [...byPeriod.values()], series };
  }, [rows, allPeriods, groupBy, names, metric]);
  const format = (n: number) => (metric === 'cost' ? formatMoney({ amount: n, currency }, 2) : formatCount(n));

  return (
    <div className="min-w-0" data-testid="report-chart">
      <div className="mb-2 flex justify-end">
        <fieldset className="inline-flex rounded-[var(--radius)] border p-0.5 text-xs">
          <legend className="sr-only">Chart shows</legend>
          {(['messages', 'cost'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={metric === m}
              onClick={() => setMetric(m)}
              className={`rounded-[calc(var(--radius)-2px)] px-2.5 py-1 ${metric === m ? 'bg-muted font-medium text-foreground' : 'text-muted-foreground hover:text-foreground'}`}
            >
              {m === 'messages' ? 'Messages' : 'Cost'}
            </button>
          ))}
        </fieldset>
      </div>
      <div
        className="h-72 w-full"
        role="img"
        aria-label={`${metric === 'cost' ? 'Cost' : 'Messages'} per ${data[0]?.period.toString().length === 7 ? 'month' : 'day'}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: metric === 'cost' ? 0 : -16 }} maxBarSize={40}>
            <CartesianGrid {...GRID} />
            <XAxis dataKey="period" tickFormatter={periodLabel} {...AXIS} interval="preserveStartEnd" minTickGap={16} />
            <YAxis
              allowDecimals={metric === 'cost'}
              tickFormatter={(n) => (metric === 'cost' ? formatMoney({ amount: Number(n), currency }, 0) : formatCount(Number(n)))}
              {...AXIS}
              width={metric === 'cost' ? 64 : 48}
            />
            <Tooltip {...TOOLTIP} labelFormatter={(p) => periodLabel(String(p))} formatter={(v, name) => [format(Number(v)), name]} />
            <Legend {...LEGEND} itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="report" fill={s.color} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
