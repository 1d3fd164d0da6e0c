'use client';
import * as React from 'react';
import { CalendarClock, Loader2, Send } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { formatCount, formatMoney } from '@/components/campaigns/format';
import type { CampaignData } from '@/components/campaigns/campaign-types';
import type { CampaignSchedule } from '@/lib/campaigns/campaign-spec';
import { cn } from '@/lib/utils';

export type LaunchInput = { id: string; schedule: CampaignSchedule | null; ratePerSecond: number };

function tomorrowNine(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

function duration(seconds: number): string {
  if (seconds < 1.5) return 'a second';
  if (seconds < 90) return `${Math.round(seconds)} seconds`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  return `${(seconds / 3600).toFixed(1)} hours`;
}

/** Send now or at a time (in a chosen zone, or at that local time for each recipient), at a chosen rate. */
export function LaunchCard({ campaign, onLaunch, pending }: { campaign: CampaignData; onLaunch: (input: LaunchInput) => void; pending: boolean }) {
  const [mode, setMode] = React.useState<'now' | 'schedule'>(campaign.schedule ? 'schedule' : 'now');
  const [at, setAt] = React.useState(campaign.schedule?.at.slice(0, 16) ?? tomorrowNine());
  const [timeZone, setTimeZone] = React.useState(campaign.schedule?.timeZone ?? '');
  const [localTime, setLocalTime] = React.useState(!!campaign.schedule?.recipientLocalTime);
  const [rate, setRate] = React.useState(String(campaign.ratePerSecond));
  const [confirm, setConfirm] = React.useState(false);
  const listed = React.useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  // The browser's own zone (or a stored one) may be an alias the list leaves out, such as UTC.
  const zones = timeZone && !listed.includes(timeZone) ? [timeZone, ...listed] : listed;
  React.useEffect(() => {
    setTimeZone((z) => z || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  }, []);

  const rateNum = Number(rate);
  const rateError = !Number.isInteger(rateNum) || rateNum < 1 || rateNum > 10_000 ? 'A whole number of messages per second, 1 to 10,000' : null;
  const atError =
    mode === 'schedule' && !localTime && at && new Date(at).getTime() < Date.now() && timeZone === Intl.DateTimeFormat().resolvedOptions().timeZone
      ? 'This time has passed'
      : null;
  const none = campaign.counts.valid === 0;
  const schedule: CampaignSchedule | null =
    mode === 'schedule' ? { at: at.length === 16 ? `${at}:00` : at, ...(localTime ? { recipientLocalTime: true } : { timeZone }) } : null;
  // When and how fast are part of the spec the audience was checked with: changing them checks it again.
  const when = mode === 'now' ? 'now' : localTime ? `at ${at.replace('T', ' ')} in each recipient’s own time` : `at ${at.replace('T', ' ')} (${timeZone})`;

  return (
    <Card data-testid="launch-card">
      <CardHeader>
        <CardTitle>Send</CardTitle>
        <CardDescription>Nothing is sent until you confirm.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <div role="radiogroup" aria-label="When" className="grid gap-2 sm:grid-cols-2">
          {(
            [
              ['now', 'Send now', 'Starts within a second', <Send key="i" />],
              ['schedule', 'Schedule', 'At a date and time you choose', <CalendarClock key="i" />],
            ] as const
          ).map(([value, title, text, icon]) => (
            // biome-ignore lint/a11y/useSemanticElements: a choice between two cards (WAI-ARIA's radio pattern on buttons)
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={mode === value}
              onClick={() => setMode(value)}
              className={cn(
                'flex items-center gap-3 rounded-[var(--radius)] border p-3 text-left transition-colors focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-5 [&_svg]:shrink-0',
                mode === value ? 'border-primary bg-accent text-accent-foreground' : 'hover:bg-muted',
              )}
            >
              {icon}
              <span>
                <span className="block text-sm font-medium">{title}</span>
                <span className="block text-xs text-muted-foreground">{text}</span>
              </span>
            </button>
          ))}
        </div>
        {mode === 'schedule' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Date and time" htmlFor="schedule-at" error={atError}>
              <Input id="schedule-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
            </Field>
            <Field label="Time zone" htmlFor="schedule-tz" help={localTime ? 'Each recipient’s zone, from their number’s country.' : undefined}>
              <Select id="schedule-tz" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} disabled={localTime}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replace(/_/g, ' ')}
                  </option>
                ))}
              </Select>
            </Field>
            <label className="flex items-start gap-2 text-sm sm:col-span-2">
              <Checkbox checked={localTime} onChange={(e) => setLocalTime(e.target.checked)} className="mt-0.5" />
              <span>
                Same local time for each recipient
                <span className="block text-xs text-muted-foreground">
                  9:00 in Singapore for Singapore numbers, 9:00 in London for UK numbers. Countries with several zones use the earliest.
                </span>
              </span>
            </label>
          </div>
        ) : null}
        <Field
          label="Messages per second"
          htmlFor="rate"
          error={rateError}
          help={
            rateError
              ? undefined
              : `About ${duration(campaign.counts.valid / rateNum)} for ${formatCount(campaign.counts.valid)} recipients. Defaults to the channel’s rate, which is also the most it sends.`
          }
        >
          <Input id="rate" type="number" min={1} max={10000} value={rate} onChange={(e) => setRate(e.target.value)} className="w-32" />
        </Field>
        <div className="flex flex-wrap items-center justify-end gap-3 border-t pt-4">
          {none ? <p className="mr-auto text-sm text-destructive">No row can be sent: fix the problems above and map again.</p> : null}
          <Button type="button" disabled={none || !!rateError || !!atError || pending} onClick={() => setConfirm(true)} data-testid="launch">
            {pending ? <Loader2 className="animate-spin" /> : mode === 'now' ? <Send /> : <CalendarClock />}
            {mode === 'now' ? `Send now to ${formatCount(campaign.counts.valid)} recipient${campaign.counts.valid === 1 ? '' : 's'}` : 'Schedule'}
          </Button>
        </div>
      </CardContent>
      {/* Not the destructive ConfirmDialog: sending is the point of the page, so its button is the primary one. */}
      <Dialog open={confirm} onOpenChange={setConfirm}>
        <DialogContent
          title={mode === 'now' ? `Send “${campaign.name}” now?` : `Schedule “${campaign.name}”?`}
          description={`${formatCount(campaign.counts.valid)} recipients get ${campaign.template.name} ${when}, at up to ${formatCount(rateNum || 0)} messages a second. Estimated cost ${formatMoney(campaign.estimate.cost.amount, campaign.estimate.cost.currency)}. You can pause or cancel while it sends.`}
        >
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirm(false)}>
              Not yet
            </Button>
            <Button
              disabled={pending}
              data-testid="confirm-launch"
              onClick={() => {
                setConfirm(false);
                onLaunch({ id: campaign.id, schedule, ratePerSecond: rateNum });
              }}
            >
              {mode === 'now' ? 'Send now' : 'Schedule campaign'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
