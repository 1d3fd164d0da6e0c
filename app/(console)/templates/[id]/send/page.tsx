import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { NotFoundError } from '@/lib/errors';
import { requireAccountPage } from '@/app/_lib/console-context';
import { getTemplateById } from '@/lib/templates/get-template';
import { listTemplateSenders } from '@/lib/templates/list-template-senders';
import { listSimulatorPhones } from '@/lib/simulator/list-simulator-phones';
import { SendTemplateClient } from './page-client';

export const metadata: Metadata = { title: 'Send template' };

/** Sends an approved template to one number: the subaccount, the number and a value per parameter, with the preview. */
export default async function SendTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, account } = await requireAccountPage('messages.send');
  if (!can(principal, 'templates.view')) forbidden();
  const { id } = await params;
  let t: Awaited<ReturnType<typeof getTemplateById>>;
  try {
    t = await getTemplateById(db, account.id, id);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const [senders, phones] = await Promise.all([
    t.status === 'APPROVED' ? listTemplateSenders(db, { accountId: account.id, name: t.name, language: t.language }) : [],
    listSimulatorPhones(db, { userId: principal.userId, accountId: account.id }),
  ]);
  return (
    <SendTemplateClient
      template={{ id: t.id, name: t.name, language: t.language, category: t.category, components: t.components, status: t.status }}
      // The template's own subaccount first: that is where it was approved.
      senders={[...senders.filter((s) => s.subAccountId === t.subAccountId), ...senders.filter((s) => s.subAccountId !== t.subAccountId)]}
      phones={phones}
    />
  );
}
