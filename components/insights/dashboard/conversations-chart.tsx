'use client';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageSummary } from '@/lib/analytics/usage-summary';
import { AXIS, chartColor, GRID, TOOLTIP } from '@/components/insights/chart-colors';
import { formatCount } from '@/components/insights/format';

const CATEGORIES = [
  { key: 'marketing', label: 'Marketing' },
  { key: 'utility', label: 'Utility' },
  { key: 'authentication', label: 'Authentication' },
  { key: 'service', label: 'Service' },
] as const;

/** WhatsApp conversations opened in the range, by the category WhatsApp prices them in. */
export function ConversationsChart({ conversations }: { conversations: UsageSummary['conversationsByCategory'] }) {
  const data = CATEGORIES.map((c) => ({ ...c, value: conversations[c.key] }));
  const total = data.reduce((n, d) => n + d.value, 0);
  return (
    <div className="min-w-0" data-testid="conversations-chart" data-total={total}>
      <div className="h-48 w-full" role="img" aria-label={`Conversations by category: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }} barSize={18}>
            <CartesianGrid {...GRID} vertical horizontal={false} />
            <XAxis type="number" allowDecimals={false} {...AXIS} />
            <YAxis type="category" dataKey="label" {...AXIS} width={96} />
            <Tooltip {...TOOLTIP} formatter={(value) => [formatCount(Number(value)), 'Conversations']} />
            <Bar dataKey="value" name="Conversations" radius={[0, 4, 4, 0]}>
              {data.map((d) => (
                <Cell key={d.key} fill={chartColor(d.key)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
        {data.map((d) => (
          <li key={d.key} className="flex items-center justify-between gap-2" data-testid={`conversations-${d.key}`}>
            <span className="inline-flex items-center gap-1.5 text-muted-foreground">
              <span className="size-2 rounded-full" style={{ background: chartColor(d.key) }} aria-hidden />
              {d.label}
            </span>
            <span className="font-medium tabular-nums">{formatCount(d.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
