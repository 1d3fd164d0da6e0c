import type { Metadata } from 'next';
import Link from 'next/link';
import { BarChart3, MessageCircle, MessageSquareText, Phone } from 'lucide-react';
import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { dashboardData, type DashboardData } from '@/lib/analytics/dashboard-data';
import { can } from '@/lib/auth/principal';
import { requireAccountPage } from '@/app/_lib/console-context';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { InsightsFrame } from '@/components/insights/insights-frame';
import { RangeFilters } from '@/components/insights/range-filters';
import { StatCards } from '@/components/insights/dashboard/stat-cards';
import { DeliveryChart } from '@/components/insights/dashboard/delivery-chart';
import { ConversationsChart } from '@/components/insights/dashboard/conversations-chart';
import { TopErrors } from '@/components/insights/dashboard/top-errors';
import { SplitTable } from '@/components/insights/dashboard/split-table';

export const metadata: Metadata = { title: 'Dashboard' };

const KIND_ICON = { whatsapp: MessageCircle, sms: MessageSquareText, voice: Phone } as const;
const CHANNEL_NAMES: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', voice: 'Voice' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, principal } = await requireAccountPage('dashboard.view');
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string) : undefined);
  const subAccounts = await listAccountStructure(db, account.id);
  let data: DashboardData;
  let error: string | null = null;
  try {
    data = await dashboardData(db, account.id, {
      range: one('range'),
      from: one('from'),
      to: one('to'),
      subAccountId: one('subAccountId'),
      channel: one('channel'),
    });
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    error = err.issues.map((i) => i.message).join('; ') || err.message;
    data = await dashboardData(db, account.id, {});
  }
  const scope = { from: data.instants.from, to: data.instants.to, subAccountId: data.subAccountId, channel: data.channel };
  const names = Object.fromEntries(subAccounts.map((s) => [s.id, s.name]));
  const s = data.summary;
  const anyMessages = s.queued + s.sent + s.delivered + s.read + s.undelivered + s.rejected + s.received > 0;
  const channels = subAccounts.flatMap((sub) => sub.channels.map((c) => ({ ...c, subAccountName: sub.name })));

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Overview of ${account.name}: delivery, conversations, cost and errors. Every count opens its messages in the Logs.`}
      />
      <InsightsFrame
        filters={
          <RangeFilters
            values={{ range: data.range, from: data.from, to: data.to, subAccountId: data.subAccountId, channel: data.channel }}
            subAccounts={subAccounts.map((sub) => ({ id: sub.id, name: sub.name }))}
            timeZone={data.timeZone}
            canChangeZone={can(principal, 'settings.pricing.manage')}
          />
        }
      >
        {error ? (
          <p role="alert" className="mb-4 rounded-md border border-destructive/40 bg-destructive/10 px-4 py-2 text-sm text-destructive">
            {error} Showing the last 7 days instead.
          </p>
        ) : null}
        <StatCards summary={s} scope={scope} />
        <div className="mb-6 grid min-w-0 gap-4 lg:grid-cols-3">
          <Card className="min-w-0 lg:col-span-2">
            <CardHeader>
              <CardTitle>Delivered vs undelivered</CardTitle>
              <CardDescription>Outbound messages per day by their current state. Click a bar to see its messages.</CardDescription>
            </CardHeader>
            <CardContent>
              {anyMessages ? (
                <DeliveryChart days={data.days} timeZone={data.timeZone} subAccountId={data.subAccountId} channel={data.channel} />
              ) : (
                <EmptyState icon={<BarChart3 />} title="No messages in this range">
                  Send a message through the API, an automation or the <Link href="/simulator">Simulator</Link>, or choose a longer range.
                </EmptyState>
              )}
            </CardContent>
          </Card>
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>WhatsApp conversations</CardTitle>
              <CardDescription>Opened in the range, by the category they are priced in.</CardDescription>
            </CardHeader>
            <CardContent>
              <ConversationsChart conversations={s.conversationsByCategory} />
            </CardContent>
          </Card>
        </div>
        <Card className="mb-6 min-w-0">
          <CardHeader>
            <CardTitle>Top error codes</CardTitle>
            <CardDescription>Why messages failed, most frequent first, with what each code means.</CardDescription>
          </CardHeader>
          <CardContent>
            <TopErrors errors={data.topErrors} scope={scope} />
          </CardContent>
        </Card>
        <Card className="mb-6 min-w-0">
          <CardHeader>
            <CardTitle>By subaccount and channel</CardTitle>
            <CardDescription>Outcomes and cost of each; every count opens its messages.</CardDescription>
          </CardHeader>
          <SplitTable rows={data.bySubAccount} by="subAccountId" scope={scope} names={names} />
          <div className="border-t" />
          <SplitTable rows={data.byChannel} by="channel" scope={scope} names={CHANNEL_NAMES} />
        </Card>
      </InsightsFrame>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Channels</CardTitle>
          <CardDescription>
            {subAccounts.length} subaccount{subAccounts.length === 1 ? '' : 's'}, {channels.length} channel{channels.length === 1 ? '' : 's'}.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2 md:grid-cols-2">
          {channels.length === 0 ? <p className="text-sm text-muted-foreground">No channels yet.</p> : null}
          {channels.map((c) => {
            const Icon = KIND_ICON[c.kind as keyof typeof KIND_ICON] ?? MessageCircle;
            return (
              <div key={c.id} className="flex min-w-0 items-center gap-3 rounded-md border px-3 py-2">
                <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{c.name}</p>
                  <p className="truncate font-mono text-xs text-muted-foreground">
                    {c.id} · {c.address} · {c.subAccountName}
                  </p>
                </div>
                <Badge tone="info">{CHANNEL_NAMES[c.kind] ?? c.kind}</Badge>
              </div>
            );
          })}
        </CardContent>
      </Card>
    </>
  );
}
