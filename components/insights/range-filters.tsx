'use client';
import type * as React from 'react';
import Link from 'next/link';
import { Globe } from 'lucide-react';
import { RANGE_LABELS, RANGE_PRESETS, type RangePreset } from '@/lib/analytics/date-range';
import { Input, Select } from '@/components/ui/input';
import { useInsightsFrame } from '@/components/insights/insights-frame';

export type RangeFilterValues = { range: RangePreset; from: string; to: string; subAccountId: string | null; channel: string | null };

const label = 'flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground sm:w-44';

/**
 * Subaccount, channel and date range (presets or two dates), in the account's zone; each change goes to
 * the URL at once. `children` adds the page's own selects (the Reports' interval and grouping).
 */
export function RangeFilters({
  values,
  subAccounts,
  timeZone,
  canChangeZone = false,
  children,
}: {
  values: RangeFilterValues;
  subAccounts: Array<{ id: string; name: string }>;
  timeZone: string;
  /** Whether the user may change the account's zone (Settings → Account), so the hint links there. */
  canChangeZone?: boolean;
  children?: React.ReactNode;
}) {
  const { setParams } = useInsightsFrame();
  return (
    <search className="mb-6 block rounded-[var(--radius)] border bg-card p-4" aria-label="Filters">
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        <label className={`${label} col-span-2`}>
          Date range
          <Select
            value={values.range}
            onChange={(e) => {
              const range = e.target.value as RangePreset;
              // Custom starts from the days shown, so switching to it changes nothing until a date is picked.
              setParams(range === 'custom' ? { range, from: values.from, to: values.to } : { range, from: null, to: null });
            }}
          >
            {RANGE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {RANGE_LABELS[p]}
              </option>
            ))}
          </Select>
        </label>
        {values.range === 'custom' ? (
          <>
            <label className={label}>
              From
              <Input type="date" value={values.from} max={values.to} onChange={(e) => e.target.value && setParams({ range: 'custom', from: e.target.value })} />
            </label>
            <label className={label}>
              To
              <Input type="date" value={values.to} min={values.from} onChange={(e) => e.target.value && setParams({ range: 'custom', to: e.target.value })} />
            </label>
          </>
        ) : null}
        <label className={label}>
          Subaccount
          <Select value={values.subAccountId ?? ''} onChange={(e) => setParams({ subAccountId: e.target.value || null })}>
            <option value="">All subaccounts</option>
            {subAccounts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={label}>
          Channel
          <Select value={values.channel ?? ''} onChange={(e) => setParams({ channel: e.target.value || null })}>
            <option value="">All channels</option>
            <option value="whatsapp">WhatsApp</option>
            <option value="sms">SMS</option>
            <option value="voice">Voice</option>
          </Select>
        </label>
        {children}
      </div>
      <p className="mt-3 flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground" data-testid="range-summary">
        <Globe className="size-3.5" aria-hidden />
        <span>
          {formatDay(values.from)}
          {values.to !== values.from ? ` – ${formatDay(values.to)}` : ''}
        </span>
        <span>· days in {timeZone}</span>
        {canChangeZone ? (
          <Link href="/settings/account" className="text-primary hover:underline">
            Change
          </Link>
        ) : null}
      </p>
    </search>
  );
}

/** "5 Dec 2026" for "2026-12-05", without the viewer's zone moving the day. */
export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
