// Chart colours as CSS variables set on the chart's container, one value per theme, so Recharts (which
// takes colour strings) follows the dark class without re-rendering: fill="var(--chart-read)".

export const CHART_COLOR_VARS = [
  '[--chart-read:#15803d] dark:[--chart-read:#22c55e]',
  '[--chart-delivered:#4ade80] dark:[--chart-delivered:#86efac]',
  '[--chart-sent:#60a5fa] dark:[--chart-sent:#93c5fd]',
  '[--chart-undelivered:#f59e0b] dark:[--chart-undelivered:#fbbf24]',
  '[--chart-rejected:#dc2626] dark:[--chart-rejected:#f87171]',
  '[--chart-received:#6366f1] dark:[--chart-received:#a5b4fc]',
  '[--chart-marketing:#db2777] dark:[--chart-marketing:#f472b6]',
  '[--chart-utility:#0891b2] dark:[--chart-utility:#22d3ee]',
  '[--chart-authentication:#7c3aed] dark:[--chart-authentication:#a78bfa]',
  '[--chart-service:#16a34a] dark:[--chart-service:#4ade80]',
  '[--chart-cost:#4f46e5] dark:[--chart-cost:#818cf8]',
  // A palette for series of no meaning of their own (a report's groups), distinct in both themes.
  '[--chart-g1:#4f46e5] dark:[--chart-g1:#818cf8]',
  '[--chart-g2:#0891b2] dark:[--chart-g2:#22d3ee]',
  '[--chart-g3:#db2777] dark:[--chart-g3:#f472b6]',
  '[--chart-g4:#ca8a04] dark:[--chart-g4:#facc15]',
  '[--chart-g5:#16a34a] dark:[--chart-g5:#4ade80]',
  '[--chart-g6:#ea580c] dark:[--chart-g6:#fb923c]',
  '[--chart-g7:#7c3aed] dark:[--chart-g7:#a78bfa]',
  '[--chart-g8:#64748b] dark:[--chart-g8:#94a3b8]',
].join(' ');

export const GROUP_COLORS = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7', 'g8'].map((g) => `var(--chart-${g})`);

export const chartColor = (name: string) => `var(--chart-${name})`;

/** Axis, grid and tooltip in the console's tokens. */
export const AXIS = { stroke: 'var(--muted-foreground)', fontSize: 11, tickLine: false } as const;
export const GRID = { stroke: 'var(--border)', strokeDasharray: '3 3', vertical: false } as const;
export const TOOLTIP = {
  contentStyle: {
    background: 'var(--card)',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    color: 'var(--card-foreground)',
    fontSize: 12,
    boxShadow: '0 4px 12px rgb(0 0 0 / 0.12)',
  },
  labelStyle: { color: 'var(--muted-foreground)', marginBottom: 4 },
  itemStyle: { padding: 0 },
  cursor: { fill: 'var(--muted)', opacity: 0.6 },
} as const;
export const LEGEND = { wrapperStyle: { fontSize: 12, color: 'var(--muted-foreground)' }, iconType: 'circle', iconSize: 8 } as const;
