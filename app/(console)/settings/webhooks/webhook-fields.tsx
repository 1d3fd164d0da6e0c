'use client';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Checkbox } from '@/components/ui/checkbox';

/** The URL and the events of a webhook: the fields adding and editing one share. */
export function WebhookFields({
  url,
  events,
  errors,
  onUrl,
  onEvents,
}: {
  url: string;
  events: string[];
  errors: Record<string, string>;
  onUrl: (url: string) => void;
  onEvents: (events: string[]) => void;
}) {
  return (
    <>
      <Field label="URL" htmlFor="webhook-url" error={errors.url}>
        <Input
          id="webhook-url"
          value={url}
          onChange={(e) => onUrl(e.target.value)}
          placeholder="https://example.com/parley/webhooks"
          aria-invalid={!!errors.url}
        />
      </Field>
      <fieldset className="space-y-1.5">
        <legend className="mb-1 text-sm font-medium">Events</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} className="flex items-center gap-2 text-sm">
            <Checkbox checked={events.includes(ev)} onChange={(e) => onEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))} />
            <code className="font-mono text-xs [overflow-wrap:anywhere]">{ev}</code>
          </label>
        ))}
        {errors.events ? (
          <p role="alert" className="text-xs text-destructive">
            {errors.events}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
