import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getTemplateById } from '@/lib/templates/get-template';
import { listTemplateChannels } from '@/lib/templates/list-template-channels';
import { categoryEditable } from '@/lib/templates/template-edit-rules';
import { whyTemplateNotEditable } from '@/lib/templates/edit-template';
import { EditTemplateClient } from './page-client';

export const metadata: Metadata = { title: 'Edit template' };

/** The designer on a submitted template: a rejected one is fixed and resubmitted, an approved one gets a new version. */
export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { account } = await requireAccountPage('templates.write');
  const { id } = await params;
  let t: Awaited<ReturnType<typeof getTemplateById>>;
  try {
    t = await getTemplateById(db, account.id, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const channels = (await listTemplateChannels(db, account.id)).filter((c) => c.id === t.channelId);
  const live = t.status === 'APPROVED';
  return (
    <EditTemplateClient
      accountId={account.id}
      id={t.id}
      name={t.name}
      status={t.status}
      version={t.version}
      blocked={await whyTemplateNotEditable(db, t)}
      channels={channels.length ? channels : [{ id: t.channelId, name: t.channelId, address: '', subAccountId: t.subAccountId }]}
      initial={{ channelId: t.channelId, name: t.name, language: t.language, category: t.category, components: t.components }}
      locks={{
        name: 'WhatsApp keeps a template’s name: duplicate the template to use another one.',
        language: 'WhatsApp keeps a template’s language: add a new language version for another one.',
        channelId: 'The template stays on the number it was submitted on.',
        ...(categoryEditable(t.status) ? {} : { category: `WhatsApp does not let an approved template change its category: it stays ${t.category}.` }),
      }}
      liveNote={
        live
          ? `Version ${t.version} stays approved and in use while WhatsApp reviews version ${t.version + 1}; if the new version is rejected, version ${t.version} stays.`
          : null
      }
    />
  );
}
