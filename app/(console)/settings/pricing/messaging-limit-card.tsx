'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { setMessagingTierAction } from './actions';

export type MessagingLimitView = {
  tier: string;
  limit: number | null;
  usersLast24h: number;
  next: { tier: string; users: number; needed: number; windowDays: number; lowQuality: boolean } | null;
};

const usersText = (n: number | null) => (n === null ? 'unlimited' : n.toLocaleString('en-US'));

/** The account's WhatsApp messaging-limit tier, its use today, the next automatic upgrade, and the sandbox's manual switch. */
export function MessagingLimitCard({ status, tiers }: { status: MessagingLimitView; tiers: { tier: string; limit: number | null }[] }) {
  const router = useRouter();
  const [tier, setTier] = React.useState(status.tier);
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const next = status.next;
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>WhatsApp messaging limit</CardTitle>
        <CardDescription>
          Unique customers the account can start conversations with (templates outside the 24 h customer service window) per rolling 24 hours, shared by all its
          WhatsApp numbers. Replies inside an open window never count.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <div className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="info" data-testid="messaging-tier" data-tier={status.tier}>
              {status.tier}
            </Badge>
            <span className="text-muted-foreground">{status.limit === null ? 'No limit' : `${usersText(status.limit)} unique users / 24 h`}</span>
          </div>
          <p data-testid="messaging-usage">
            Used in the last 24 h: <span className="font-medium tabular-nums">{usersText(status.usersLast24h)}</span>
            {status.limit !== null ? <> of {usersText(status.limit)}</> : null}
          </p>
          <p className="text-muted-foreground" data-testid="messaging-next-upgrade">
            {!next
              ? 'This is the highest tier.'
              : next.lowQuality
                ? `No automatic upgrade while a template is paused or disabled for low quality (next: ${next.tier}).`
                : `WhatsApp upgrades the account to ${next.tier} at ${usersText(next.needed)} unique users within ${next.windowDays} days under this tier: ${usersText(next.users)} so far.`}
          </p>
        </div>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const r = await setMessagingTierAction({ tier: tier as never });
              if (!r.ok) return setError(r.fieldErrors?.tier ?? r.error);
              setError(null);
              toast.success(r.data.event ? `Messaging limit set to ${r.data.tier} (${r.data.event})` : `The messaging limit already is ${r.data.tier}`);
              router.refresh();
            });
          }}
        >
          <Field
            label="Messaging tier"
            htmlFor="messaging-tier-select"
            help="Sandbox: WhatsApp sets the tier in production. A change sends phone_number_quality_update (UPGRADE or DOWNGRADE) for every WhatsApp number."
            error={error}
          >
            <Select id="messaging-tier-select" value={tier} onChange={(e) => setTier(e.target.value)} aria-invalid={!!error}>
              {tiers.map((t) => (
                <option key={t.tier} value={t.tier}>
                  {t.tier} ({usersText(t.limit)})
                </option>
              ))}
            </Select>
          </Field>
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || tier === status.tier}>
              Set tier
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
