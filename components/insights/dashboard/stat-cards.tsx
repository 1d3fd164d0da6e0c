import Link from 'next/link';
import type { UsageSummary } from '@/lib/analytics/usage-summary';
import { Card, CardContent } from '@/components/ui/card';
import { logsHref, type LogsScope, type LogsSelection } from '@/components/insights/logs-href';
import { formatCount, formatMoney, formatPercent } from '@/components/insights/format';

/** A count that opens the Logs filtered to exactly the messages it counts. */
export function CountLink({
  n,
  scope,
  selection,
  testId,
  className,
}: {
  n: number;
  scope: LogsScope;
  selection: LogsSelection;
  testId?: string;
  className?: string;
}) {
  return (
    <Link
      href={logsHref(scope, selection)}
      data-testid={testId}
      data-count={n}
      className={`tabular-nums underline-offset-4 hover:text-primary hover:underline focus-visible:text-primary ${className ?? ''}`}
      title="Show these messages in the Logs"
    >
      {formatCount(n)}
    </Link>
  );
}

function Stat({ label, children, sub }: { label: string; children: React.ReactNode; sub?: React.ReactNode }) {
  return (
    <Card className="min-w-0">
      <CardContent className="px-4 py-3.5">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <p className="mt-1 text-2xl font-semibold tracking-tight">{children}</p>
        {sub ? <p className="mt-1 text-xs text-muted-foreground">{sub}</p> : null}
      </CardContent>
    </Card>
  );
}

/** The headline numbers: delivery rate, outcomes, received and cost, each count a link to its messages. */
export function StatCards({ summary, scope }: { summary: UsageSummary; scope: LogsScope }) {
  const outcomes = summary.delivered + summary.read + summary.undelivered + summary.rejected;
  const link = (status: string, n: number) => <CountLink n={n} scope={scope} selection={{ status }} testId={`stat-${status}`} />;
  return (
    <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Stat
        label="Delivery rate"
        sub={
          <>
            of {formatCount(outcomes)} with an outcome · in flight {link('sent', summary.sent)} sent, {link('queued', summary.queued)} queued
          </>
        }
      >
        <span data-testid="stat-delivery-rate">{formatPercent(summary.deliveryRate)}</span>
      </Stat>
      <Stat label="Delivered" sub={<>and {link('read', summary.read)} read since</>}>
        {link('delivered', summary.delivered)}
      </Stat>
      <Stat label="Undelivered" sub={<>and {link('rejected', summary.rejected)} rejected</>}>
        {link('undelivered', summary.undelivered)}
      </Stat>
      <Stat label="Received" sub="messages from customers">
        {link('received', summary.received)}
      </Stat>
      <Stat label="Cost" sub="priced when delivered">
        <span className="tabular-nums" data-testid="stat-cost">
          {formatMoney(summary.cost)}
        </span>
      </Stat>
    </div>
  );
}
