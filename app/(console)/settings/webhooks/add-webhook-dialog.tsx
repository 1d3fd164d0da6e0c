'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createWebhookAction } from './actions';
import { WebhookFields } from './webhook-fields';

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
            <WebhookFields url={url} events={events} errors={errors} onUrl={setUrl} onEvents={setEvents} />
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
