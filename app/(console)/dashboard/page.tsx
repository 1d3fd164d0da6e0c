import type { Metadata } from 'next';
import { MessageCircle, MessageSquareText, Phone } from 'lucide-react';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';

export const metadata: Metadata = { title: 'Dashboard' };

const KIND_ICON = { whatsapp: MessageCircle, sms: MessageSquareText, voice: Phone } as const;

export default async function DashboardPage() {
  const { account } = await requireAccountPage('dashboard.view');
  const subAccounts = await listAccountStructure(db, account.id);
  const channels = subAccounts.flatMap((s) => s.channels);
  return (
    <>
      <PageHeader title="Dashboard" description={`Overview of ${account.name}: its subaccounts and messaging channels.`} />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Subaccounts" value={subAccounts.length} />
        <Stat label="WhatsApp channels" value={channels.filter((c) => c.kind === 'whatsapp').length} />
        <Stat label="SMS senders" value={channels.filter((c) => c.kind === 'sms').length} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {subAccounts.map((s) => (
          <Card key={s.id}>
            <CardHeader>
              <CardTitle>{s.name}</CardTitle>
              <CardDescription className="font-mono">{s.id}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-2">
              {s.channels.length === 0 ? <p className="text-sm text-muted-foreground">No channels on this subaccount.</p> : null}
              {s.channels.map((c) => {
                const Icon = KIND_ICON[c.kind as keyof typeof KIND_ICON] ?? MessageCircle;
                return (
                  <div key={c.id} className="flex items-center gap-3 rounded-md border px-3 py-2">
                    <Icon className="size-4 text-muted-foreground" />
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium">{c.name}</p>
                      <p className="truncate font-mono text-xs text-muted-foreground">
                        {c.id} · {c.address}
                      </p>
                    </div>
                    <Badge tone="info">{c.kind === 'whatsapp' ? 'WhatsApp' : c.kind.toUpperCase()}</Badge>
                    <Badge>{c.provider}</Badge>
                  </div>
                );
              })}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card>
      <CardContent>
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      </CardContent>
    </Card>
  );
}
