'use client';
import * as React from 'react';
import { toast } from 'sonner';
import { LayoutTemplate, MessageSquare, Send, StickyNote } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { cn } from '@/lib/utils';
import { CannedPicker, matchCanned } from '@/components/converse/canned-picker';
import { TemplateReply } from '@/components/converse/template-reply';
import { WindowTimer, windowOpen } from '@/components/converse/window-timer';
import type { CannedResponse, ConverseActions, ReplyTemplate, TicketPanel } from '@/components/converse/types';

type Mode = 'text' | 'template' | 'note';

/**
 * Where the agent answers: freeform text while the 24 h window is open (its time left always shown),
 * only approved templates once it closed, "/" for quick replies, and internal notes on their own
 * yellow tab. A failed send says why and keeps what was typed.
 */
export function ReplyBox({
  ticket,
  actions,
  canned,
  now,
  onSent,
}: {
  ticket: TicketPanel;
  actions: ConverseActions;
  canned: CannedResponse[];
  now: number;
  onSent: () => void;
}) {
  const open = windowOpen(ticket, now);
  const [mode, setMode] = React.useState<Mode>(open ? 'text' : 'template');
  const [text, setText] = React.useState('');
  const [note, setNote] = React.useState('');
  const [pending, setPending] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const [templates, setTemplates] = React.useState<ReplyTemplate[] | null>(null);
  const attempt = React.useRef<string | null>(null);
  const closed = ticket.status === 'closed';
  // The window closing while the agent types moves them to templates (the text stays for later).
  const effective: Mode = mode === 'text' && !open ? 'template' : mode;
  const matches = effective === 'text' ? matchCanned(text, canned) : null;

  React.useEffect(() => {
    if (effective !== 'template' || templates) return;
    void actions.templates({ id: ticket.id }).then((r) => (r.ok ? setTemplates(r.data) : toast.error(r.error)));
  }, [effective, templates, actions, ticket.id]);

  async function send(input: Omit<Parameters<ConverseActions['reply']>[0], 'id' | 'clientMessageId'>): Promise<boolean> {
    // One id per message, kept across retries, so a double click or a retry after a lost answer sends once.
    attempt.current ??= globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setPending(true);
    const r = await actions.reply({ id: ticket.id, clientMessageId: attempt.current, ...input });
    setPending(false);
    if (!r.ok) {
      toast.error(r.error);
      return false;
    }
    attempt.current = null;
    onSent();
    return true;
  }

  async function sendText() {
    if (!text.trim() || pending) return;
    if (await send({ text })) setText('');
  }

  async function addNote() {
    if (!note.trim() || pending) return;
    setPending(true);
    const r = await actions.note({ id: ticket.id, text: note });
    setPending(false);
    if (!r.ok) return toast.error(r.error);
    setNote('');
    toast.success('Note added (only agents see it)');
    onSent();
  }

  function pick(c: CannedResponse) {
    setText(c.text);
    setActive(0);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (matches?.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
    }
    if (e.key === 'Escape' && matches) setText('');
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void sendText();
    }
  }

  if (closed) {
    return (
      <div className="border-t bg-card px-4 py-3 text-sm text-muted-foreground" data-testid="converse-reply-closed">
        This ticket is closed. If the customer writes again, their message starts the automation; a new hand-over opens a new ticket.
      </div>
    );
  }

  return (
    <div className={cn('border-t bg-card px-3 py-2.5 sm:px-4', effective === 'note' && 'bg-amber-50/60 dark:bg-amber-950/20')} data-testid="converse-reply">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <div className="inline-flex rounded-[var(--radius)] border bg-muted p-0.5 text-xs" role="tablist" aria-label="Reply or note">
          <ModeButton current={effective} mode="text" disabled={!open} icon={<MessageSquare />} label="Reply" onMode={setMode} />
          {ticket.channel === 'whatsapp' ? (
            <ModeButton current={effective} mode="template" icon={<LayoutTemplate />} label="Template" onMode={setMode} />
          ) : null}
          <ModeButton current={effective} mode="note" icon={<StickyNote />} label="Internal note" onMode={setMode} />
        </div>
        <WindowTimer window={ticket.window} channel={ticket.channel} now={now} />
      </div>
      {effective === 'text' ? (
        <div className="relative flex items-end gap-2">
          {matches ? (
            <CannedPicker matches={matches} active={Math.min(active, Math.max(0, matches.length - 1))} onPick={pick} hasAny={canned.length > 0} />
          ) : null}
          <Textarea
            aria-label="Reply to the customer"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Type a reply · / for quick replies · Shift+Enter for a new line"
            className="max-h-40 min-h-11 resize-none"
            rows={2}
          />
          <Button onClick={() => void sendText()} disabled={pending || !text.trim()} aria-label="Send reply">
            <Send /> <span className="hidden sm:inline">Send</span>
          </Button>
        </div>
      ) : effective === 'template' ? (
        <div className="max-h-[45dvh] overflow-y-auto">
          <TemplateReply templates={templates} loading={!templates} pending={pending} onSend={(t) => send({ template: t })} />
        </div>
      ) : (
        <div className="flex items-end gap-2">
          <Textarea
            aria-label="Internal note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="A note for agents and supervisors; the customer never sees it"
            className="max-h-40 min-h-11 resize-none border-amber-500/50"
            rows={2}
          />
          <Button variant="outline" onClick={() => void addNote()} disabled={pending || !note.trim()}>
            <StickyNote /> Add note
          </Button>
        </div>
      )}
    </div>
  );
}

function ModeButton({
  current,
  mode,
  icon,
  label,
  disabled,
  onMode,
}: {
  current: Mode;
  mode: Mode;
  icon: React.ReactNode;
  label: string;
  disabled?: boolean;
  onMode: (m: Mode) => void;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={current === mode}
      disabled={disabled}
      onClick={() => onMode(mode)}
      title={disabled ? 'The 24-hour window is closed: send a template' : undefined}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-[calc(var(--radius)-2px)] px-2.5 py-1 font-medium text-muted-foreground disabled:opacity-50 [&_svg]:size-3.5',
        current === mode && 'bg-card text-foreground shadow-xs dark:bg-input/60',
      )}
    >
      {icon}
      {label}
    </button>
  );
}
