'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { EndpointView } from '@/lib/webhooks/endpoints';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { updateWebhookAction } from './actions';
import { WebhookFields } from './webhook-fields';

/** Edits a webhook's URL and events; its signing secret and subaccount stay as they are. */
export function EditWebhookDialog({ endpoint, onOpenChange }: { endpoint: EndpointView | null; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [url, setUrl] = React.useState('');
  const [events, setEvents] = React.useState<string[]>([]);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [pending, start] = React.useTransition();
  React.useEffect(() => {
    if (!endpoint) return;
    setUrl(endpoint.url);
    setEvents(endpoint.events);
    setErrors({});
  }, [endpoint]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!endpoint) return;
    start(async () => {
      const r = await updateWebhookAction({ id: endpoint.id, url, events: events as never });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      toast.success('Webhook saved');
      onOpenChange(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={!!endpoint} onOpenChange={onOpenChange}>
      <DialogContent
        title="Edit webhook"
        description={`Events go to the new URL from now on, signed with the same secret${endpoint?.subAccountId ? `; only ${endpoint.subAccountId}'s events` : ''}.`}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
      >
        <form onSubmit={submit} className="space-y-4">
          <WebhookFields url={url} events={events} errors={errors} onUrl={setUrl} onEvents={setEvents} />
          {errors._ && !errors.url && !errors.events ? (
            <p role="alert" className="text-sm text-destructive">
              {errors._}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending} data-testid="save-webhook">
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
