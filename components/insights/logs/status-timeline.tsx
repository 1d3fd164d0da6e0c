import type { TimelineEntry } from '@/lib/messaging/get-message-detail';
import { Badge } from '@/components/ui/badge';
import { STATUS_TONE } from '@/components/insights/logs/message-summary';
import { formatInstant } from '@/components/insights/logs/zoned-time-input';

/** Every status the message went through, oldest first, with the error code and what it means. */
export function StatusTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No status recorded yet.</p>;
  return (
    <ol className="relative ml-1.5 border-l pl-5" data-testid="drawer-timeline">
      {entries.map((e, i) => (
        <li key={`${e.state}|${e.at}|${e.errorCode ?? ''}`} className="relative pb-4 last:pb-0" data-testid="timeline-entry" data-state={e.state}>
          <span
            className={`absolute -left-[1.6rem] top-1 size-2.5 rounded-full ring-4 ring-card ${e.errorCode ? 'bg-destructive' : i === entries.length - 1 ? 'bg-primary' : 'bg-muted-foreground/50'}`}
            aria-hidden
          />
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[e.state] ?? 'neutral'}>{e.state}</Badge>
            <time className="text-xs tabular-nums text-muted-foreground" dateTime={e.at}>
              {formatInstant(e.at, timeZone, true)}
            </time>
            {e.detail ? <span className="font-mono text-[11px] text-muted-foreground">{e.detail}</span> : null}
          </div>
          {e.errorCode ? (
            <div className="mt-1 text-xs">
              <p className="text-destructive">
                <span className="font-mono">{e.errorCode}</span> {e.errorMessage}
              </p>
              {e.meaning ? (
                <p className="mt-0.5 text-muted-foreground">
                  <span className="font-medium text-foreground">{e.meaning.title}:</span> {e.meaning.meaning}
                </p>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
