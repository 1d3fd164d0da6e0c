import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { NotFoundError } from '@/lib/errors';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getTemplateById, getTemplateHistory } from '@/lib/templates/get-template';
import { listTemplateChannels } from '@/lib/templates/list-template-channels';
import { whyTemplateNotEditable } from '@/lib/templates/edit-template';
import { TemplateDetailClient } from './page-client';

export const metadata: Metadata = { title: 'Template' };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, account } = await requireAccountPage('templates.view');
  const { id } = await params;
  let template: Awaited<ReturnType<typeof getTemplateById>>;
  try {
    template = await getTemplateById(db, account.id, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const [history, channels, editBlocked] = await Promise.all([
    getTemplateHistory(db, account.id, id),
    listTemplateChannels(db, account.id),
    whyTemplateNotEditable(db, template),
  ]);
  const channel = channels.find((c) => c.id === template.channelId);
  return (
    <TemplateDetailClient
      accountId={account.id}
      canWrite={can(principal, 'templates.write')}
      canSend={can(principal, 'messages.send')}
      editBlocked={editBlocked}
      channel={channel ?? { id: template.channelId, name: template.channelId, address: '', subAccountId: template.subAccountId }}
      template={{
        id: template.id,
        name: template.name,
        language: template.language,
        category: template.category,
        components: template.components,
        status: template.status,
        reason: template.reason,
        qualityScore: template.qualityScore,
        version: template.version,
        pendingComponents: template.pendingComponents,
        createdAt: template.createdAt.toISOString(),
      }}
      history={history.map((h) => ({
        id: h.id,
        version: h.version,
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        category: h.fromCategory && h.toCategory ? { from: h.fromCategory, to: h.toCategory } : null,
        source: h.source,
        at: h.createdAt.toISOString(),
      }))}
    />
  );
}
