import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronLeft, ChevronRight, ScrollText } from 'lucide-react';
import { db } from '@/lib/db/client';
import { listAuditEvents } from '@/lib/partners/list-audit-events';
import { auditFilter, type AuditFilter } from '@/lib/partners/audit-filter';
import { requirePage } from '@/app/_lib/console-context';
import { PageHeader, EmptyState } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { AuditTable } from './audit-table';

export const metadata: Metadata = { title: 'Audit log' };

const ENTITY_LABELS: Record<string, string> = {
  role: 'Roles',
  user: 'Users',
  api_key: 'API keys',
  webhook: 'Webhooks',
  template: 'Templates',
  workflow: 'Workflows',
  workflow_instance: 'Workflow runs',
  webhook_delivery: 'Webhook deliveries',
  rate_card_entry: 'Rates',
  campaign: 'Campaigns',
  contact: 'Contacts',
  opt_out: 'Opt-outs',
  account: 'Accounts',
};

function hrefFor(filter: AuditFilter, page: number) {
  const qs = new URLSearchParams();
  for (const k of ['entityType', 'actor', 'from', 'to'] as const) if (filter[k]) qs.set(k, filter[k]!);
  if (page > 1) qs.set('page', String(page));
  return `/partners/audit-log${qs.size ? `?${qs}` : ''}`;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal } = await requirePage('partners.audit.view');
  const filter = auditFilter.parse(await searchParams);
  const log = await listAuditEvents(db, principal.partnerId, filter);
  const filtered = !!(filter.entityType || filter.actor || filter.from || filter.to);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed which role, user, key, webhook, template, workflow, campaign or rate, when, and what changed. Entries cannot be edited."
      />
      {/* A plain GET form: the filters live in the URL and work without JavaScript. */}
      <form method="get" className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <label className="space-y-1 text-xs font-medium text-muted-foreground">
          <span>Entity</span>
          <Select name="entityType" defaultValue={filter.entityType ?? ''} className="sm:w-40">
            <option value="">All entities</option>
            {log.entityTypes.map((t) => (
              <option key={t} value={t}>
                {ENTITY_LABELS[t] ?? t}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs font-medium text-muted-foreground">
          <span>Actor</span>
          <Select name="actor" defaultValue={filter.actor ?? ''} className="sm:w-56">
            <option value="">Anyone</option>
            {log.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-xs font-medium text-muted-foreground">
          <span>From (UTC)</span>
          <Input type="date" name="from" defaultValue={filter.from ?? ''} className="sm:w-40" />
        </label>
        <label className="space-y-1 text-xs font-medium text-muted-foreground">
          <span>To (UTC)</span>
          <Input type="date" name="to" defaultValue={filter.to ?? ''} className="sm:w-40" />
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/partners/audit-log">Clear</Link>
            </Button>
          ) : null}
        </div>
      </form>
      <Card>
        <AuditTable
          events={log.events}
          empty={
            <EmptyState icon={<ScrollText />} title={filtered ? 'Nothing matches these filters' : 'No changes recorded yet'}>
              {filtered ? 'Widen the dates or clear the filters.' : 'Changes to roles, users, API keys and other settings appear here.'}
            </EmptyState>
          }
        />
      </Card>
      <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-xs text-muted-foreground">
        <span>
          {log.total} entr{log.total === 1 ? 'y' : 'ies'} · page {log.page} of {log.pageCount}
        </span>
        <span className="flex gap-2">
          {log.page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={hrefFor(filter, log.page - 1)}>
                <ChevronLeft /> Newer
              </Link>
            </Button>
          ) : null}
          {log.page < log.pageCount ? (
            <Button asChild variant="outline" size="sm">
              <Link href={hrefFor(filter, log.page + 1)}>
                Older <ChevronRight />
              </Link>
            </Button>
          ) : null}
        </span>
      </nav>
    </>
  );
}
