import type { Metadata } from 'next';
import Link from 'next/link';
import { Settings2 } from 'lucide-react';
import { db } from '@/lib/db/client';
import { listCannedResponses } from '@/lib/converse/canned-responses';
import { inboxSnapshot, type InboxSnapshot } from '@/lib/converse/console-inbox';
import { listAgents } from '@/lib/converse/list-agents';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ConverseInbox } from '@/components/converse/converse-inbox';
import type { ListTab } from '@/components/converse/ticket-list';
import { requireConversePage } from './converse-context';
import { addNoteAction, loadTicketAction, markReadAction, pollInboxAction, replyAction, replyTemplatesAction, updateTicketAction } from './actions';

export const metadata: Metadata = { title: 'Converse' };

const TABS: ListTab[] = ['queue', 'mine', 'all', 'closed'];
const actions = {
  poll: pollInboxAction,
  load: loadTicketAction,
  templates: replyTemplatesAction,
  markRead: markReadAction,
  update: updateTicketAction,
  reply: replyAction,
  note: addNoteAction,
};

export default async function ConversePage({ searchParams }: { searchParams: Promise<{ tab?: string; ticket?: string }> }) {
  const { viewer } = await requireConversePage();
  const sp = await searchParams;
  const [initial, canned, agents] = await Promise.all([
    inboxSnapshot(db, viewer) as Promise<InboxSnapshot>,
    listCannedResponses(db, viewer),
    viewer.supervisor ? listAgents(db, viewer) : Promise.resolve([]),
  ]);
  const tab =
    TABS.includes(sp.tab as ListTab) && (sp.tab !== 'all' || viewer.supervisor)
      ? (sp.tab as ListTab)
      : initial.mine.length && !initial.queue.length
        ? 'mine'
        : 'queue';
  return (
    <>
      <PageHeader
        title="Converse"
        description="Conversations handed over by your automations, for agents to answer. The longest-waiting customer comes first."
        actions={
          viewer.supervisor ? (
            <Button variant="outline" asChild>
              <Link href="/converse/configuration">
                <Settings2 /> Configuration
              </Link>
            </Button>
          ) : null
        }
      />
      <ConverseInbox
        initial={initial}
        me={{ id: viewer.userId!, supervisor: viewer.supervisor }}
        agents={agents}
        canned={canned}
        actions={actions}
        initialTab={tab}
        initialTicket={sp.ticket ?? null}
      />
    </>
  );
}
