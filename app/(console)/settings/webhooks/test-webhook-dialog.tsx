'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { CheckCircle2, Send, XCircle } from 'lucide-react';
import type { EndpointView } from '@/lib/webhooks/endpoints';
import type { DeliveryView } from '@/lib/webhooks/list-deliveries';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { sendTestEventAction } from './actions';

/**
 * Sends a test event to a webhook and shows what its receiver answered. The delivery is signed and
 * recorded like any other (it also appears under Recent deliveries), and marked X-Parley-Test.
 */
export function TestWebhookDialog({ endpoint, onOpenChange }: { endpoint: EndpointView | null; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [eventType, setEventType] = React.useState('');
  const [result, setResult] = React.useState<DeliveryView | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  React.useEffect(() => {
    setEventType(endpoint?.events[0] ?? '');
    setResult(null);
    setError(null);
  }, [endpoint]);

  const send = () =>
    start(async () => {
      if (!endpoint) return;
      setError(null);
      const r = await sendTestEventAction({ id: endpoint.id, eventType });
      if (!r.ok) return setError(r.error);
      setResult(r.data);
      router.refresh();
    });
  const attempt = result?.history.at(-1);

  return (
    <Dialog open={!!endpoint} onOpenChange={onOpenChange}>
      <DialogContent
        title="Send a test event"
        description={`A signed sample event, as the real one is sent, to ${endpoint?.url ?? ''}. It is marked X-Parley-Test and not retried.`}
        className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto [overflow-wrap:anywhere]"
      >
        <div className="space-y-4">
          <Field label="Event" htmlFor="webhook-test-event">
            <Select id="webhook-test-event" value={eventType} onChange={(e) => setEventType(e.target.value)}>
              {(endpoint?.events ?? []).map((ev) => (
                <option key={ev} value={ev}>
                  {ev}
                </option>
              ))}
            </Select>
          </Field>
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          {result && (
            <div className="space-y-2" data-testid="webhook-test-result" data-status={result.status}>
              {result.status === 'succeeded' ? (
                <p className="flex items-center gap-2 text-sm font-medium text-emerald-700 dark:text-emerald-400">
                  <CheckCircle2 className="size-4 shrink-0" aria-hidden /> Delivered: HTTP {result.lastStatusCode}
                  {attempt ? ` in ${attempt.durationMs} ms` : ''}
                </p>
              ) : (
                <p className="flex items-center gap-2 text-sm font-medium text-destructive">
                  <XCircle className="size-4 shrink-0" aria-hidden /> Not delivered: {result.lastError ?? `HTTP ${result.lastStatusCode}`}
                </p>
              )}
              <pre className="max-h-56 overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(result.body, null, 2)}</pre>
            </div>
          )}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Done
            </Button>
            <Button type="button" onClick={send} disabled={pending || !eventType} data-testid="send-test-event">
              <Send /> {pending ? 'Sending…' : result ? 'Send again' : 'Send test event'}
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
