'use client';
import * as React from 'react';
import Link from 'next/link';
import { toast } from 'sonner';
import { CheckCircle2, CircleDot, Hand, PauseCircle, Undo2, UserPlus, Workflow, XCircle } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/input';
import { customerLabel, duration, STATUS_LABEL, STATUS_TONE } from '@/components/converse/format';
import type { ConverseActions, ConverseAgent, Me, TicketPanel } from '@/components/converse/types';

/** The customer, where the ticket came from, and what can be done with it now. */
export function TicketDetails({
  ticket,
  me,
  agents,
  load,
  actions,
  now,
  onChanged,
}: {
  ticket: TicketPanel;
  me: Me;
  agents: ConverseAgent[];
  /** Open tickets per agent, live from the inbox. */
  load: Map<string, number>;
  actions: ConverseActions;
  now: number;
  onChanged: () => void;
}) {
  const [pending, setPending] = React.useState(false);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const [assignee, setAssignee] = React.useState('');
  const mine = ticket.assigneeId === me.id;
  const closed = ticket.status === 'closed';
  const mayWork = mine || me.supervisor || (!ticket.assigneeId && ticket.status === 'queued');

  async function update(change: { status?: string; assigneeId?: string | null }, done: string) {
    setPending(true);
    const r = await actions.update({ id: ticket.id, ...change });
    setPending(false);
    if (!r.ok) return void toast.error(r.error);
    toast.success(done);
    onChanged();
  }

  const assigneeText = ticket.assigneeId ? (mine ? 'You' : (ticket.assigneeName ?? 'Another agent')) : 'Nobody (in the queue)';
  return (
    <div className="flex flex-col gap-5 p-4 text-sm" data-testid="converse-details">
      <section className="space-y-1">
        <h2 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Customer</h2>
        <p className="text-base font-semibold">{customerLabel(ticket)}</p>
        {ticket.customer.name ? <p className="font-mono text-muted-foreground">{ticket.customer.msisdn}</p> : null}
        <p className="text-muted-foreground">
          {ticket.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'} · {ticket.subAccountName}
        </p>
      </section>

      <section className="space-y-1.5">
        <h2 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Ticket</h2>
        <div className="flex items-center gap-2">
          <Badge tone={STATUS_TONE[ticket.status]} data-testid="converse-status">
            {STATUS_LABEL[ticket.status]}
          </Badge>
          <span className="text-muted-foreground">for {duration(now - Date.parse(ticket.statusAt))}</span>
        </div>
        <p>
          <span className="text-muted-foreground">Assigned to </span>
          <span data-testid="converse-assignee">{assigneeText}</span>
        </p>
        <p className="text-muted-foreground">Opened {new Date(ticket.createdAt).toLocaleString()}</p>
        {ticket.waitingSince && !closed ? (
          <p className={now - Date.parse(ticket.waitingSince) > 5 * 60_000 ? 'font-medium text-amber-700 dark:text-amber-300' : 'text-muted-foreground'}>
            Customer waiting {duration(now - Date.parse(ticket.waitingSince))}
          </p>
        ) : null}
      </section>

      <section className="space-y-1">
        <h2 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Came from</h2>
        {ticket.workflow ? (
          <div className="space-y-1">
            <Link href={`/automation/${ticket.workflow.id}`} className="inline-flex items-center gap-1.5 font-medium text-primary hover:underline">
              <Workflow className="size-4" aria-hidden /> {ticket.workflow.name}
            </Link>
            {ticket.workflowId ? (
              <p>
                <Link href={`/automation/runs/${ticket.workflowId}`} className="text-xs text-muted-foreground hover:underline">
                  The run that handed over
                </Link>
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-muted-foreground">{ticket.workflowId ? 'A workflow that no longer exists' : 'A hand-over through the API'}</p>
        )}
      </section>

      {!closed && mayWork ? (
        <section className="space-y-2">
          <h2 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Actions</h2>
          <div className="flex flex-wrap gap-2">
            {!mine ? (
              <Button size="sm" disabled={pending} onClick={() => update({ assigneeId: me.id }, 'The ticket is yours')} data-testid="converse-take">
                <Hand /> Take
              </Button>
            ) : null}
            {ticket.assigneeId && ticket.status !== 'pending' && ticket.status !== 'resolved' ? (
              <Button size="sm" variant="outline" disabled={pending} onClick={() => update({ status: 'pending' }, 'Pending: waiting on the customer')}>
                <PauseCircle /> Pending
              </Button>
            ) : null}
            {ticket.assigneeId && (ticket.status === 'pending' || ticket.status === 'resolved') ? (
              <Button size="sm" variant="outline" disabled={pending} onClick={() => update({ status: 'active' }, 'Active again')}>
                <CircleDot /> Reopen
              </Button>
            ) : null}
            {ticket.status !== 'resolved' ? (
              <Button size="sm" variant="outline" disabled={pending} onClick={() => update({ status: 'resolved' }, 'Resolved')} data-testid="converse-resolve">
                <CheckCircle2 /> Resolve
              </Button>
            ) : null}
            {ticket.assigneeId && (mine || me.supervisor) ? (
              <Button size="sm" variant="ghost" disabled={pending} onClick={() => update({ assigneeId: null }, 'Back in the queue')}>
                <Undo2 /> Back to queue
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" className="text-destructive" disabled={pending} onClick={() => setConfirmClose(true)}>
              <XCircle /> Close
            </Button>
          </div>
          {me.supervisor ? (
            <form
              className="flex gap-2 pt-1"
              onSubmit={(e) => {
                e.preventDefault();
                if (assignee) void update({ assigneeId: assignee }, 'Assigned').then(() => setAssignee(''));
              }}
            >
              <Select aria-label="Assign to" value={assignee} onChange={(e) => setAssignee(e.target.value)} className="h-8 min-w-0 flex-1 text-xs">
                <option value="">Assign to…</option>
                {agents
                  .filter((a) => a.id !== ticket.assigneeId)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name || a.email} · {load.get(a.id) ?? 0} open{a.role === 'supervisor' ? ' · supervisor' : ''}
                    </option>
                  ))}
              </Select>
              <Button type="submit" size="sm" variant="outline" disabled={!assignee || pending}>
                <UserPlus /> Assign
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}

      <ConfirmDialog
        open={confirmClose}
        onOpenChange={setConfirmClose}
        title="Close this ticket?"
        description="The conversation goes back to the automation: the customer's next message starts a workflow again. A closed ticket cannot be reopened; a new hand-over opens a new one."
        confirmLabel="Close ticket"
        pending={pending}
        onConfirm={() => void update({ status: 'closed' }, 'Closed').then(() => setConfirmClose(false))}
      />
    </div>
  );
}
