'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Globe } from 'lucide-react';
import type { TimeZoneOption } from '@/lib/tenancy/time-zone-options';
import type { TimeZoneChange } from '@/lib/tenancy/set-account-time-zone';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { TimeZonePicker } from '@/components/insights/settings/time-zone-picker';

type Save = (input: { timeZone: string }) => Promise<{ ok: true; data: TimeZoneChange } | { ok: false; error: string; fieldErrors?: Record<string, string> }>;

/** The account's time zone: the days of its Dashboard and Reports. Saving recounts them in the new zone. */
export function AccountTimeZoneForm({ timeZone, options, save }: { timeZone: string; options: TimeZoneOption[]; save: Save }) {
  const router = useRouter();
  const [value, setValue] = React.useState(timeZone);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const chosen = options.find((o) => o.id === value);
  const current = options.find((o) => o.id === timeZone);
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle>Time zone</CardTitle>
        <CardDescription>
          The Dashboard and Reports count days from midnight to midnight in this zone, and the Logs show times in it. Changing it recounts the account’s
          messages into the new days at once.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const r = await save({ timeZone: value });
              if (!r.ok) return setError(r.fieldErrors?.timeZone ?? r.error);
              setError(null);
              toast.success(
                r.data.changed
                  ? `Time zone set to ${r.data.timeZone}; ${r.data.messagesRecounted.toLocaleString('en-US')} messages recounted into its days`
                  : `The time zone already is ${r.data.timeZone}`,
              );
              router.refresh();
            });
          }}
        >
          <p className="flex items-center gap-2 text-sm" data-testid="current-time-zone">
            <Globe className="size-4 text-muted-foreground" aria-hidden />
            Now: <span className="font-medium">{timeZone}</span>
            {current ? <span className="text-muted-foreground">{current.label.slice(0, current.label.indexOf(')') + 1)}</span> : null}
          </p>
          <Field
            label="Time zone"
            htmlFor="account-time-zone"
            error={error}
            help={chosen && chosen.id !== timeZone ? `Chosen: ${chosen.label}` : 'Search, then pick a zone from the list.'}
          >
            <TimeZonePicker id="account-time-zone" options={options} value={value} onChange={setValue} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || value === timeZone}>
              {pending ? 'Saving and recounting…' : 'Save time zone'}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
