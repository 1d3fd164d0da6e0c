'use client';
import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayPoint } from '@/lib/analytics/dashboard-data';
import { localRangeInstants } from '@/lib/analytics/date-range';
import { AXIS, chartColor, GRID, LEGEND, TOOLTIP } from '@/components/insights/chart-colors';
import { logsHref } from '@/components/insights/logs-href';
import { formatCount, shortDay } from '@/components/insights/format';

const SERIES = [
  { key: 'read', label: 'Read' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'undelivered', label: 'Undelivered' },
  { key: 'rejected', label: 'Rejected' },
] as const;

/**
 * Outbound outcomes per local day, stacked: read and delivered (reached the phone) over undelivered and
 * rejected. A click on a segment opens that day's messages in that state in the Logs.
 */
export function DeliveryChart({
  days,
  timeZone,
  subAccountId,
  channel,
}: {
  days: DayPoint[];
  timeZone: string;
  subAccountId: string | null;
  channel: string | null;
}) {
  const router = useRouter();
  const open = (day: string, status: string) => router.push(logsHref({ ...localRangeInstants(day, day, timeZone), subAccountId, channel }, { status }));
  return (
    <div className="h-72 w-full min-w-0" data-testid="delivery-chart" role="img" aria-label="Delivered and undelivered messages per day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} maxBarSize={36}>
          <CartesianGrid {...GRID} />
          <XAxis dataKey="day" tickFormatter={shortDay} {...AXIS} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} {...AXIS} width={48} />
          <Tooltip {...TOOLTIP} labelFormatter={(day) => shortDay(String(day))} formatter={(value, name) => [formatCount(Number(value)), name]} />
          <Legend {...LEGEND} itemSorter={(item) => SERIES.findIndex((s) => s.key === item.dataKey)} />
          {SERIES.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="outcome"
              fill={chartColor(s.key)}
              className="cursor-pointer"
              onClick={(entry) => open(String((entry as unknown as { payload: DayPoint }).payload.day), s.key)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
