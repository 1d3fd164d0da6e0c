'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createWebhookAction } from './actions';

export function AddWebhookDialog({ open, onOpenChange, subAccounts }: { open: boolean; onOpenChange: (o: boolean) => void; subAccounts: string[] }) {
  const router = useRouter();
  const [url, setUrl] = React.useState('');
  const [events, setEvents] = React.useState<string[]>(['inbound_message_received', 'outbound_message_status_changed']);
  const [sub, setSub] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [secret, setSecret] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();

  function close(o: boolean) {
    if (!o) {
      setUrl('');
      setErrors({});
      setSecret(null);
    }
    onOpenChange(o);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const r = await createWebhookAction({ url, events: events as never, subAccountId: sub || null });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      setSecret(r.data.secret);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={secret ? 'Webhook added' : 'Add webhook'}
        description={secret ? 'Verify each delivery with this signing secret. It is shown only now.' : 'Parley POSTs each event as JSON to this URL.'}
      >
        {secret ? (
          <div className="space-y-4">
            <code data-testid="webhook-secret" className="block break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm">
              {secret}
            </code>
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <Field label="URL" htmlFor="webhook-url" error={errors.url}>
              <Input
                id="webhook-url"
                value={url}
                onChange={(e) => setUrl(e.target.value)}
                placeholder="https://example.com/parley/webhooks"
                aria-invalid={!!errors.url}
              />
            </Field>
            <fieldset className="space-y-1.5">
              <legend className="mb-1 text-sm font-medium">Events</legend>
              {WEBHOOK_EVENTS.map((ev) => (
                <label key={ev} className="flex items-center gap-2 text-sm">
                  <Checkbox checked={events.includes(ev)} onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} />
                  <code className="font-mono text-xs">{ev}</code>
                </label>
              ))}
              {errors.events ? <p className="text-xs text-destructive">{errors.events}</p> : null}
            </fieldset>
            <Field label="Subaccount" htmlFor="webhook-sub" help="Only this subaccount's events, or all of them.">
              <Select id="webhook-sub" value={sub} onChange={(e) => setSub(e.target.value)}>
                <option value="">All subaccounts</option>
                {subAccounts.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
            {errors._ && !errors.url && !errors.events ? <p className="text-sm text-destructive">{errors._}</p> : null}
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                Add webhook
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
