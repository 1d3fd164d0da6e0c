import type { ErrorPoint } from '@/lib/analytics/dashboard-data';
import { CountLink } from '@/components/insights/dashboard/stat-cards';
import type { LogsScope } from '@/components/insights/logs-href';

/** The most frequent error codes of failed messages, with what each means and a link to those messages. */
export function TopErrors({ errors, scope }: { errors: ErrorPoint[]; scope: LogsScope }) {
  if (errors.length === 0) return <p className="py-6 text-center text-sm text-muted-foreground">No failed messages in this range.</p>;
  const top = errors[0]!.messages;
  return (
    <ol className="grid gap-x-8 md:grid-cols-2">
      {errors.map((e) => (
        <li
          key={e.errorCode}
          className="border-b py-2.5 last:border-0 md:[&:nth-last-child(2):nth-child(odd)]:border-0"
          data-testid="top-error"
          data-code={e.errorCode}
        >
          <div className="flex items-baseline justify-between gap-3">
            <p className="min-w-0 text-sm">
              <span className="mr-2 rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{e.errorCode}</span>
              <span className="font-medium">{e.title}</span>
            </p>
            <CountLink
              n={e.messages}
              scope={scope}
              selection={{ errorCode: e.errorCode }}
              testId={`top-error-count-${e.errorCode}`}
              className="text-sm font-semibold"
            />
          </div>
          {e.meaning ? <p className="mt-1 text-xs text-muted-foreground">{e.meaning}</p> : null}
          <div className="mt-1.5 h-1 rounded-full bg-muted" aria-hidden>
            <div className="h-1 rounded-full bg-[var(--chart-rejected)]" style={{ width: `${Math.max(4, (e.messages / top) * 100)}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
