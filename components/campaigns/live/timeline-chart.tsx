'use client';
import * as React from 'react';
import { useTheme } from 'next-themes';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TimelinePoint } from '@/components/campaigns/campaign-types';

// Recharts writes colours as SVG attributes, where CSS variables do not resolve: the theme's values here.
const PALETTE = {
  light: { sent: '#6366f1', delivered: '#16a34a', read: '#0284c7', failed: '#dc2626', axis: '#5f6673', grid: '#e3e5ea', card: '#ffffff', text: '#16181d' },
  dark: { sent: '#818cf8', delivered: '#4ade80', read: '#38bdf8', failed: '#f87171', axis: '#9aa2b1', grid: '#272c36', card: '#161920', text: '#e8eaef' },
};
const SERIES = [
  { key: 'sent', label: 'Sent' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'read', label: 'Read' },
  { key: 'failed', label: 'Failed' },
] as const;

function widthLabel(seconds: number): string {
  if (seconds === 1) return 'second';
  if (seconds < 60) return `${seconds} seconds`;
  if (seconds === 60) return 'minute';
  if (seconds < 3600) return `${seconds / 60} minutes`;
  return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
}

/** Sends and what became of them, per time bucket. */
export function TimelineChart({ points, bucketSeconds }: { points: TimelinePoint[]; bucketSeconds: number }) {
  const { resolvedTheme } = useTheme();
  const c = PALETTE[resolvedTheme === 'dark' ? 'dark' : 'light'];
  const time = React.useCallback(
    (iso: string) =>
      new Date(iso).toLocaleTimeString(
        'en',
        bucketSeconds < 60 ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' },
      ),
    [bucketSeconds],
  );
  // Running totals: a marketer reads "how many so far" at a glance, and a short campaign's two or three
  // buckets still draw a rising line instead of a zigzag. It starts from zero one bucket before the first.
  const data = React.useMemo(() => {
    if (!points.length) return [];
    const total = { sent: 0, delivered: 0, read: 0, failed: 0 };
    const start = { t: new Date(Date.parse(points[0]!.t) - bucketSeconds * 1000).toISOString(), ...total };
    return [
      start,
      ...points.map((p) => {
        for (const s of SERIES) total[s.key] += p[s.key];
        return { t: p.t, ...total };
      }),
    ];
  }, [points, bucketSeconds]);
  const shown = SERIES.filter((s) => s.key === 'sent' || s.key === 'delivered' || points.some((p) => p[s.key] > 0));
  return (
    <Card data-testid="timeline-card">
      <CardHeader>
        <CardTitle>Over time</CardTitle>
        <CardDescription>Messages so far by what happened to them, every {widthLabel(bucketSeconds)}.</CardDescription>
      </CardHeader>
      <CardContent>
        {points.length === 0 ? (
          <div className="flex h-56 items-center justify-center rounded-[var(--radius)] border border-dashed text-sm text-muted-foreground">
            The chart starts with the first message sent.
          </div>
        ) : (
          <div className="h-56" data-testid="timeline-chart">
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
                <CartesianGrid stroke={c.grid} vertical={false} />
                <XAxis dataKey="t" tickFormatter={time} stroke={c.axis} tick={{ fontSize: 11 }} tickLine={false} minTickGap={32} />
                <YAxis stroke={c.axis} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} allowDecimals={false} width={56} />
                <Tooltip
                  labelFormatter={(v) => time(String(v))}
                  contentStyle={{ background: c.card, border: `1px solid ${c.grid}`, borderRadius: 8, fontSize: 12, color: c.text }}
                />
                <Legend iconType="circle" iconSize={8} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                {shown.map((s) => (
                  <Area
                    key={s.key}
                    type="monotone"
                    dataKey={s.key}
                    name={s.label}
                    stroke={c[s.key]}
                    fill={c[s.key]}
                    fillOpacity={s.key === 'sent' ? 0.12 : 0.06}
                    strokeWidth={2}
                    isAnimationActive={false}
                    dot={false}
                  />
                ))}
              </AreaChart>
            </ResponsiveContainer>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
