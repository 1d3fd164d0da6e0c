'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { SlidersHorizontal } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { Input, Select } from '@/components/ui/input';
import { fromZonedInput, toZonedInput } from '@/components/insights/logs/zoned-time-input';
import { LOGS_FILTER_KEYS } from '@/components/insights/logs/logs-filter-keys';

const STATES = ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'];
const label = 'flex min-w-0 flex-col gap-1 text-xs font-medium text-muted-foreground';

/**
 * The Logs filters, kept in the URL: a select applies at once, the text fields on Enter or Apply. From
 * and To are wall-clock times of the account's zone; the URL keeps the instants (so the Dashboard's
 * exact ranges survive a visit here untouched).
 */
export function LogsFilterForm({
  values,
  subAccounts,
  campaigns,
  timeZone,
}: {
  values: Record<string, string>;
  subAccounts: Array<{ id: string; name: string }>;
  campaigns: Array<{ id: string; name: string }>;
  timeZone: string;
}) {
  const router = useRouter();
  const form = React.useRef<HTMLFormElement>(null);
  const [pending, start] = React.useTransition();
  // On a phone the twelve fields would fill the screen before the first message: folded until asked for.
  const [expanded, setExpanded] = React.useState(false);
  const active = LOGS_FILTER_KEYS.filter((k) => values[k]).length;

  function apply() {
    const data = new FormData(form.current!);
    const q = new URLSearchParams();
    for (const key of LOGS_FILTER_KEYS) {
      let v = String(data.get(key) ?? '').trim();
      if ((key === 'from' || key === 'to') && v) {
        // Unchanged: keep the exact instant (a Dashboard range ends at .999 of its last second).
        v = values[key] && toZonedInput(values[key]!, timeZone) === v ? values[key]! : (fromZonedInput(v, timeZone) ?? v);
      }
      if (v) q.set(key, v);
    }
    start(() => router.push(`/logs?${q}`));
  }
  const submitNow = () => form.current?.requestSubmit();
  const select = (name: string, options: Array<[string, string]>, any = 'Any') => (
    <Select id={`logs-${name}`} name={name} defaultValue={values[name] ?? ''} onChange={submitNow}>
      <option value="">{any}</option>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
  const campaignOptions =
    campaigns.some((c) => c.id === values.campaignId) || !values.campaignId ? campaigns : [...campaigns, { id: values.campaignId, name: values.campaignId }];

  return (
    <form
      ref={form}
      className="mb-4 rounded-[var(--radius)] border bg-card p-4"
      aria-label="Filters"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <Button type="button" variant="outline" size="sm" className="w-full md:hidden" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
        <SlidersHorizontal /> {expanded ? 'Hide filters' : `Filters${active ? ` (${active} active)` : ''}`}
      </Button>
      <div className={cn('grid-cols-2 gap-3 md:grid md:grid-cols-4 xl:grid-cols-6', expanded ? 'mt-3 grid' : 'hidden')}>
        <label className={`${label} col-span-2 md:col-span-1`} htmlFor="logs-subAccountId">
          Subaccount
          {select(
            'subAccountId',
            subAccounts.map((s) => [s.id, s.name]),
            'All',
          )}
        </label>
        <label className={label} htmlFor="logs-channel">
          Channel
          {select('channel', [
            ['whatsapp', 'WhatsApp'],
            ['sms', 'SMS'],
            ['voice', 'Voice'],
          ])}
        </label>
        <label className={label} htmlFor="logs-direction">
          Direction
          {select('direction', [
            ['inbound', 'Inbound'],
            ['outbound', 'Outbound'],
          ])}
        </label>
        <label className={label} htmlFor="logs-status">
          Status
          {select(
            'status',
            STATES.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)]),
          )}
        </label>
        <label className={label} htmlFor="logs-campaignId">
          Campaign
          {select(
            'campaignId',
            campaignOptions.map((c) => [c.id, c.name]),
          )}
        </label>
        <label className={label}>
          Country
          <Input name="country" placeholder="e.g. US" maxLength={2} defaultValue={values.country ?? ''} />
        </label>
        <label className={label}>
          Number
          <Input name="msisdn" placeholder="e.g. +15551234567" defaultValue={values.msisdn ?? ''} />
        </label>
        <label className={label}>
          UMID
          <Input name="umid" placeholder="Message id" defaultValue={values.umid ?? ''} />
        </label>
        <label className={label}>
          Workflow run
          <Input name="workflowId" placeholder="Run id" defaultValue={values.workflowId ?? ''} />
        </label>
        <label className={label}>
          Error code
          <Input name="errorCode" placeholder="e.g. 131026" inputMode="numeric" defaultValue={values.errorCode ?? ''} />
        </label>
        <label className={label}>
          From
          <Input name="from" type="datetime-local" defaultValue={values.from ? toZonedInput(values.from, timeZone) : ''} />
        </label>
        <label className={label}>
          To
          <Input name="to" type="datetime-local" defaultValue={values.to ? toZonedInput(values.to, timeZone) : ''} />
        </label>
      </div>
      <div className={cn('mt-3 flex-wrap items-center justify-between gap-2 md:flex', expanded ? 'flex' : 'hidden')}>
        <p className="text-xs text-muted-foreground">Times are in {timeZone}, the account’s time zone.</p>
        <div className="flex gap-2">
          <Button asChild variant="ghost" size="sm">
            <Link href="/logs">Clear</Link>
          </Button>
          <Button type="submit" size="sm" disabled={pending}>
            Apply
          </Button>
        </div>
      </div>
    </form>
  );
}
