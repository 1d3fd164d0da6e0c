'use client';
import * as React from 'react';
import Link from 'next/link';
import { ChevronLeft, Pencil } from 'lucide-react';
import type { ChannelDetail } from '@/lib/provisioning/get-channel-detail';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { kindLabel, providerLabel } from '../labels';
import { CopyButton } from './copy-button';
import { EditChannelDialog } from './edit-channel-dialog';
import { SendTestCard } from './send-test-card';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** A time, or why there is none (with other channels of its kind, only the subaccount's newest messages are looked at). */
function Activity({ iso, none }: { iso: string | null; none: string }) {
  if (iso) return <RelativeTime iso={iso} />;
  return <span className="text-muted-foreground">{none}</span>;
}

export function ChannelClient({ detail, canSend }: { detail: ChannelDetail; canSend: boolean }) {
  const [editing, setEditing] = React.useState(false);
  const { channel: c } = detail;
  const is8x8 = c.provider === '8x8';
  return (
    <>
      <Link href="/settings/channels" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft className="size-4" /> Channels
      </Link>
      <PageHeader
        title={c.name}
        description={`${kindLabel(c.kind)} ${c.kind === 'sms' ? 'sender' : 'number'} ${c.address} of subaccount ${detail.subAccountName}.`}
        actions={
          <Button variant="outline" onClick={() => setEditing(true)}>
            <Pencil /> {is8x8 ? 'Rename or rotate credentials' : 'Rename'}
          </Button>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Connection</CardTitle>
              <CardDescription>
                {is8x8
                  ? 'Give 8x8 the webhook URL so inbound messages and receipts reach this channel.'
                  : 'The sandbox simulates the phone network; nothing leaves Parley.'}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                <Row label="Channel id">
                  <code className="font-mono text-xs">{c.id}</code>
                </Row>
                <Row label="Provider">
                  <Badge tone={is8x8 ? 'info' : 'neutral'}>{providerLabel(c.provider)}</Badge>
                </Row>
                <Row label="Region">{detail.regionLabel}</Row>
                <Row label={is8x8 ? 'Sends to' : 'Base URL (with 8x8)'}>
                  <code data-testid="channel-base-url" className="break-all font-mono text-xs">
                    {detail.baseUrl}
                  </code>
                </Row>
                <Row label="Webhook URL">
                  <div className="flex items-start gap-2">
                    <code data-testid="channel-webhook-url" className="min-w-0 flex-1 break-all rounded-md border bg-muted px-2 py-1.5 font-mono text-xs">
                      {detail.webhookUrl}
                    </code>
                    <CopyButton value={detail.webhookUrl} label="Copy webhook URL" />
                  </div>
                </Row>
                <Row label="Credentials">
                  {c.credentials === 'set' ? (
                    <Badge tone="success" data-testid="channel-credentials">
                      Set
                    </Badge>
                  ) : (
                    <span className="text-muted-foreground" data-testid="channel-credentials">
                      {is8x8 ? 'Missing' : 'None needed'}
                    </span>
                  )}
                </Row>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Activity</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="divide-y">
                <Row label="Last inbound">
                  <Activity iso={detail.activity.lastInboundAt} none="Nothing received yet" />
                </Row>
                <Row label="Last outbound">
                  <Activity iso={detail.activity.lastOutboundAt} none="Nothing sent yet" />
                </Row>
              </dl>
            </CardContent>
          </Card>
        </div>
        <SendTestCard detail={detail} canSend={canSend} />
      </div>
      <EditChannelDialog open={editing} onOpenChange={setEditing} channel={c} />
    </>
  );
}
