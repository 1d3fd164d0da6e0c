'use client';
import { Select } from '@/components/ui/input';
import { useInsightsFrame } from '@/components/insights/insights-frame';
import { GROUP_LABELS } from '@/components/insights/reports/report-labels';

const label = 'flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground sm:w-44';

/** The Reports' own selects beside the range filters: periods, grouping and direction, each in the URL. */
export function ReportControls({ interval, groupBy, direction }: { interval: string; groupBy: string | null; direction: string | null }) {
  const { setParams } = useInsightsFrame();
  return (
    <>
      <label className={label}>
        Periods
        <Select value={interval} onChange={(e) => setParams({ interval: e.target.value })}>
          <option value="day">Daily</option>
          <option value="month">Monthly</option>
        </Select>
      </label>
      <label className={label}>
        Group by
        <Select value={groupBy ?? ''} onChange={(e) => setParams({ groupBy: e.target.value || null })}>
          <option value="">Nothing (totals)</option>
          {Object.entries(GROUP_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Direction
        <Select value={direction ?? ''} onChange={(e) => setParams({ direction: e.target.value || null })}>
          <option value="">Both</option>
          <option value="outbound">Outbound</option>
          <option value="inbound">Inbound</option>
        </Select>
      </label>
    </>
  );
}
