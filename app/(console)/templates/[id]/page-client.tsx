'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Copy, Languages, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { PreviewCodeTabs } from '@/components/template-designer/preview-code-tabs';
import { TemplateStatusBadge } from '@/components/template-designer/template-status-badge';
import type { TemplateCategory, TemplateComponent } from '@/lib/templates/template-schema';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { REASON_HELP } from '@/lib/templates/sandbox-review-decision';
import { deleteTemplateAction, qualityEventAction } from '../actions';

type Template = {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponent[];
  status: string;
  reason: string | null;
  qualityScore: string;
  createdAt: string;
};
type HistoryEntry = {
  id: string;
  from: string | null;
  to: string;
  reason: string | null;
  /** WhatsApp changed the category with this entry. */
  category: { from: string; to: string } | null;
  source: string;
  at: string;
};

export function TemplateDetailClient({
  accountId,
  template: t,
  history,
  channel,
  canWrite,
}: {
  accountId: string;
  template: Template;
  history: HistoryEntry[];
  channel: TemplateChannel;
  canWrite: boolean;
}) {
  const router = useRouter();
  const [deleting, setDeleting] = React.useState(false);
  // The sandbox reviewer decides within seconds: follow it while the template is in review.
  React.useEffect(() => {
    if (t.status !== 'PENDING') return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [t.status, router]);
  const draft = { name: t.name, language: t.language, category: t.category, components: t.components };

  return (
    <>
      <PageHeader
        title={t.name}
        description={`${TEMPLATE_LANGUAGES[t.language] ?? t.language} · ${t.category[0] + t.category.slice(1).toLowerCase()} · ${channel.name}`}
        actions={
          // Wraps onto a second line on a phone instead of running off the screen.
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="outline" asChild>
              <Link href="/templates">
                <ArrowLeft /> All templates
              </Link>
            </Button>
            {canWrite && (
              <>
                <Button variant="outline" asChild>
                  <Link href={`/templates/new?from=${t.id}&as=copy`} data-testid="duplicate-template">
                    <Copy /> Duplicate
                  </Link>
                </Button>
                <Button variant="outline" asChild>
                  <Link href={`/templates/new?from=${t.id}&as=language`} data-testid="new-language-version">
                    <Languages /> New language
                  </Link>
                </Button>
                <Button variant="destructive" onClick={() => setDeleting(true)} data-testid="delete-template">
                  <Trash2 /> Delete
                </Button>
              </>
            )}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader>
              <CardTitle>Review status</CardTitle>
              <CardDescription>WhatsApp reviews every template before it can be sent. Every change is kept below.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <div className="flex flex-wrap items-center gap-3">
                <TemplateStatusBadge status={t.status} />
                {t.reason && (
                  <span className="text-sm" data-testid="template-reason">
                    Reason: <code className="font-mono text-xs">{t.reason}</code>
                  </span>
                )}
                <span className="text-sm text-muted-foreground">Quality: {t.qualityScore === 'UNKNOWN' ? 'not rated yet' : t.qualityScore}</span>
              </div>
              {t.reason && REASON_HELP[t.reason] && (
                <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">{REASON_HELP[t.reason]}</p>
              )}
              <ol className="space-y-2 border-l pl-4" data-testid="template-history">
                {history.map((h) => (
                  <li key={h.id} className="relative text-sm">
                    <span className="absolute top-1.5 -left-[21px] size-2 rounded-full bg-primary" aria-hidden />
                    <span className="font-medium">{h.from ? (h.from === h.to ? h.to : `${h.from} → ${h.to}`) : `Submitted (${h.to})`}</span>
                    {h.reason && <span className="text-muted-foreground"> · {h.reason}</span>}
                    {h.category && (
                      <span className="text-muted-foreground" data-testid="template-history-category">
                        {' '}
                        · category changed by WhatsApp: {h.category.from} → {h.category.to}
                      </span>
                    )}
                    <span className="block text-xs text-muted-foreground">
                      <RelativeTime iso={h.at} /> · {h.source}
                    </span>
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          {canWrite && (t.status === 'APPROVED' || t.status === 'PAUSED') && <QualitySimulator id={t.id} />}
        </div>
        <div className="min-w-0">
          <PreviewCodeTabs draft={draft} businessName={channel.name} code={{ accountId, channelId: channel.id, subAccountId: channel.subAccountId }} />
        </div>
      </div>
      <DeleteTemplateDialog
        open={deleting}
        onOpenChange={setDeleting}
        id={t.id}
        name={t.name}
        description={`The ${t.language} version is removed from ${channel.name}; sends naming it will fail with 3038 (template not found). This cannot be undone.`}
      />
    </>
  );
}

function DeleteTemplateDialog({
  open,
  onOpenChange,
  id,
  name,
  description,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  id: string;
  name: string;
  description: string;
}) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${name}?`}
      description={description}
      confirmLabel="Delete template"
      confirmTestId="confirm-delete"
      pending={pending}
      onConfirm={() =>
        start(async () => {
          const res = await deleteTemplateAction({ id });
          if (!res.ok) return void toast.error(res.error);
          toast.success(`Deleted “${name}”`);
          router.push('/templates');
        })
      }
    />
  );
}

/** Sandbox only: quality ratings normally come from WhatsApp; here they can be played to try PAUSED/DISABLED. */
function QualitySimulator({ id }: { id: string }) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sandbox: quality rating</CardTitle>
        <CardDescription>Play a rating change from WhatsApp. A red rating pauses an approved template; a second one disables it.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-wrap gap-2">
        {(['GREEN', 'YELLOW', 'RED'] as const).map((q) => (
          <Button
            key={q}
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await qualityEventAction({ id, quality: q });
                if (!res.ok) toast.error(res.error);
                else toast.success(`Quality ${q}: template is ${res.data.status}`);
                router.refresh();
              })
            }
          >
            <span className={`size-2 rounded-full ${q === 'GREEN' ? 'bg-green-500' : q === 'YELLOW' ? 'bg-amber-400' : 'bg-red-500'}`} aria-hidden />
            {q[0] + q.slice(1).toLowerCase()}
          </Button>
        ))}
      </CardContent>
    </Card>
  );
}
