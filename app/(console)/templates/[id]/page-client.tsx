'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Copy, Hourglass, Languages, Pencil, Send, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { PreviewCodeTabs } from '@/components/template-designer/preview-code-tabs';
import { TemplateStatusBadge } from '@/components/template-designer/template-status-badge';
import { TemplateHistory } from '@/components/template-designer/template-history';
import type { HistoryEntry } from '@/components/template-designer/history-label';
import type { TemplateCategory, TemplateComponent } from '@/lib/templates/template-schema';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { REASON_HELP } from '@/lib/templates/sandbox-review-decision';
import { DeleteTemplateDialog } from './delete-template-dialog';
import { QualitySimulator } from './quality-simulator';

type Template = {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponent[];
  status: string;
  reason: string | null;
  qualityScore: string;
  version: number;
  /** An edit of the approved template in review (version + 1). */
  pendingComponents: TemplateComponent[] | null;
  createdAt: string;
};

export function TemplateDetailClient({
  accountId,
  template: t,
  history,
  channel,
  canWrite,
  canSend,
  editBlocked,
}: {
  accountId: string;
  template: Template;
  history: HistoryEntry[];
  channel: TemplateChannel;
  canWrite: boolean;
  canSend: boolean;
  /** Why the template cannot be edited now (WhatsApp's rules), or null. */
  editBlocked: string | null;
}) {
  const router = useRouter();
  const [deleting, setDeleting] = React.useState(false);
  const [showing, setShowing] = React.useState<'live' | 'review'>('live');
  const inReview = t.status === 'PENDING' || !!t.pendingComponents;
  // The sandbox reviewer decides within seconds: follow it while something is in review.
  React.useEffect(() => {
    if (!inReview) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [inReview, router]);
  const pending = t.pendingComponents && showing === 'review' ? t.pendingComponents : null;
  const draft = { name: t.name, language: t.language, category: t.category, components: pending ?? t.components };
  const editable = canWrite && !editBlocked;

  return (
    <>
      {/* Back to the list above the title, so the header's right side holds the template's own actions. */}
      <Link href="/templates" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-3.5" aria-hidden /> All templates
      </Link>
      <PageHeader
        title={t.name}
        description={`${TEMPLATE_LANGUAGES[t.language] ?? t.language} · ${t.category[0] + t.category.slice(1).toLowerCase()} · ${channel.name}`}
        actions={
          // Wraps onto a second line on a phone instead of running off the screen.
          <div className="flex flex-wrap items-center gap-2">
            {canSend && t.status === 'APPROVED' && (
              <Button asChild>
                <Link href={`/templates/${t.id}/send`} data-testid="send-template">
                  <Send /> Send
                </Link>
              </Button>
            )}
            {editable && (
              <Button variant="outline" asChild>
                <Link href={`/templates/${t.id}/edit`} data-testid="edit-template">
                  <Pencil /> Edit
                </Link>
              </Button>
            )}
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
              <CardDescription>
                WhatsApp reviews every template, and every new version of it, before it can be sent. Every change is kept below.
              </CardDescription>
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
                <span className="text-sm text-muted-foreground" data-testid="template-version">
                  Version {t.version}
                </span>
              </div>
              {t.pendingComponents && (
                <p
                  className="flex items-start gap-2 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100"
                  data-testid="template-edit-in-review"
                >
                  <Hourglass className="mt-0.5 size-4 shrink-0" aria-hidden />
                  <span>
                    Version {t.version + 1} is in review. Version {t.version} stays approved and is what sends use until WhatsApp approves the new one; if it is
                    rejected, version {t.version} stays.
                  </span>
                </p>
              )}
              {t.reason && REASON_HELP[t.reason] && (
                <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-dashed p-3 text-sm text-muted-foreground">
                  <p className="min-w-0 flex-1 basis-64">{REASON_HELP[t.reason]}</p>
                  {editable && t.status === 'REJECTED' && (
                    <Button size="sm" asChild>
                      <Link href={`/templates/${t.id}/edit`} data-testid="edit-and-resubmit">
                        <Pencil /> Edit and resubmit
                      </Link>
                    </Button>
                  )}
                </div>
              )}
              {canWrite && editBlocked && t.status === 'APPROVED' && !t.pendingComponents && (
                <p className="text-xs text-muted-foreground" data-testid="edit-blocked">
                  {editBlocked}
                </p>
              )}
              <TemplateHistory history={history} />
            </CardContent>
          </Card>
          {canWrite && (t.status === 'APPROVED' || t.status === 'PAUSED') && <QualitySimulator id={t.id} />}
        </div>
        <div className="min-w-0 space-y-3">
          {t.pendingComponents && (
            <div role="radiogroup" aria-label="Version shown" className="inline-flex rounded-md border p-0.5 text-xs" data-testid="version-toggle">
              {(
                [
                  ['live', `Approved · v${t.version}`],
                  ['review', `In review · v${t.version + 1}`],
                ] as const
              ).map(([value, label]) => (
                // biome-ignore lint/a11y/useSemanticElements: a segmented control, as the preview's own toggles: buttons with the radio role (WAI-ARIA's radio group pattern)
                <button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={showing === value}
                  onClick={() => setShowing(value)}
                  className={`rounded px-2.5 py-1 font-medium ${showing === value ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:text-foreground'}`}
                >
                  {label}
                </button>
              ))}
            </div>
          )}
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
