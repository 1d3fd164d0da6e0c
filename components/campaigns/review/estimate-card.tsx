import { AlertTriangle } from 'lucide-react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatCount, formatMoney } from '@/components/campaigns/format';
import type { CampaignData } from '@/components/campaigns/campaign-types';

/** What sending will cost and whether the messaging-limit tier lets it all go out today. */
export function EstimateCard({ campaign }: { campaign: CampaignData }) {
  const { estimate, counts } = campaign;
  const remaining = estimate.tierRemaining24h;
  const overTier = remaining !== null && counts.valid > remaining;
  return (
    <Card data-testid="estimate-card">
      <CardHeader>
        <CardTitle>Cost and limits</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-xs font-medium text-muted-foreground">Messages</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums">{formatCount(estimate.messages)}</dd>
          </div>
          <div>
            <dt className="text-xs font-medium text-muted-foreground">Estimated cost</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="estimate-cost">
              {formatMoney(estimate.cost.amount, estimate.cost.currency)}
            </dd>
            <p className="text-xs text-muted-foreground">From the rate card, by country and category</p>
          </div>
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-xs font-medium text-muted-foreground">Messaging limit, next 24 h</dt>
            <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="tier-remaining">
              {remaining === null ? 'Unlimited' : `${formatCount(remaining)} customers`}
            </dd>
            <p className="text-xs text-muted-foreground">New conversations your tier still allows</p>
          </div>
        </dl>
        {overTier ? (
          <p
            role="alert"
            data-testid="tier-warning"
            className="flex items-start gap-2 rounded-[var(--radius)] border border-amber-500/40 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
          >
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              {formatCount(counts.valid)} recipients, but your messaging limit allows {formatCount(remaining)} more customers in the next 24 hours. Sending
              pauses at the limit and the other {formatCount(counts.valid - remaining)} wait until you resume it.
            </span>
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
