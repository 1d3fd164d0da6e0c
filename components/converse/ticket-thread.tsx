'use client';
import * as React from 'react';
import { useTheme } from 'next-themes';
import { StickyNote } from 'lucide-react';
import { MessageView } from '@/components/simulator/message-view';
import { WA_COLORS, WaThemeProvider, type WaTheme } from '@/components/whatsapp-preview/wa-theme';
import { clock } from '@/components/converse/format';
import type { TicketNote, TicketPanel } from '@/components/converse/types';

type Item =
  | { kind: 'message'; at: string; m: TicketPanel['messages'][number] }
  | { kind: 'note'; at: string; note: TicketNote }
  | { kind: 'event'; at: string; text: string };

const noop = () => undefined;

function timeline(t: TicketPanel): Item[] {
  const items: Item[] = [
    ...t.messages.map((m) => ({ kind: 'message' as const, at: m.createdAt, m })),
    ...t.notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    { kind: 'event', at: t.createdAt, text: `Handed over to Converse · ${clock(t.createdAt)}` },
  ];
  if (t.closedAt) items.push({ kind: 'event', at: t.closedAt, text: `Closed · ${clock(t.closedAt)}` });
  // Stable: a message and the hand-over stamped the same millisecond keep the order above.
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.at.localeCompare(b.item.at) || a.i - b.i)
    .map((x) => x.item);
}

function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * The conversation as the customer sees it on WhatsApp (the Simulator's renderers: templates, media,
 * buttons), the bot's part before the hand-over included, with the agents' internal notes between the
 * messages on a yellow card the customer never sees.
 */
export function TicketThread({ ticket }: { ticket: TicketPanel }) {
  const { resolvedTheme } = useTheme();
  const [mounted, setMounted] = React.useState(false);
  React.useEffect(() => setMounted(true), []);
  const theme: WaTheme = mounted && resolvedTheme === 'dark' ? 'dark' : 'light';
  const c = WA_COLORS[theme];
  const items = React.useMemo(() => timeline(ticket), [ticket]);
  const scroller = React.useRef<HTMLDivElement>(null);
  // Scrolls the chat itself (not the page) to the newest item when one arrives or another ticket opens,
  // and only then: a refresh that brings nothing new leaves the agent where they scrolled to.
  const newest = `${ticket.id}:${items.length}`;
  React.useEffect(() => {
    const el = scroller.current;
    if (!el || el.dataset.scrolledTo === newest) return;
    el.dataset.scrolledTo = newest;
    el.scrollTop = el.scrollHeight;
  }, [newest]);

  let lastDay = '';
  return (
    <WaThemeProvider value={theme}>
      <div
        ref={scroller}
        data-testid="converse-thread"
        className="flex min-h-0 flex-1 flex-col gap-1.5 overflow-y-auto px-3 py-4 text-[14.2px] leading-[19px] sm:px-5"
        style={{ background: c.wallpaper, color: c.text }}
      >
        {items.map((item) => {
          const day = dayOf(item.at);
          const chip = day !== lastDay ? <DayChip key={`day-${item.at}`} text={day} bg={c.received} fg={c.time} /> : null;
          lastDay = day;
          return (
            <React.Fragment key={`${item.kind}-${item.at}-${item.kind === 'message' ? item.m.umid : item.kind === 'note' ? item.note.id : item.text}`}>
              {chip}
              {item.kind === 'message' ? (
                <MessageView m={item.m} onReply={noop} onKey={noop} />
              ) : item.kind === 'note' ? (
                <NoteCard note={item.note} />
              ) : (
                <div
                  className="mx-auto my-1 rounded-md px-2 py-0.5 text-[12px] shadow-sm"
                  style={{ background: c.received, color: c.time }}
                  data-testid="converse-event"
                >
                  {item.text}
                </div>
              )}
            </React.Fragment>
          );
        })}
      </div>
    </WaThemeProvider>
  );
}

function DayChip({ text, bg, fg }: { text: string; bg: string; fg: string }) {
  return (
    <div className="mx-auto my-1 rounded-md px-2 py-0.5 text-[11.5px] uppercase tracking-wide shadow-sm" style={{ background: bg, color: fg }}>
      {text}
    </div>
  );
}

function NoteCard({ note }: { note: TicketNote }) {
  return (
    <div
      className="mx-auto w-full max-w-[85%] rounded-md border border-dashed border-amber-500/60 bg-amber-50 px-3 py-2 text-[13px] text-amber-950 shadow-sm dark:bg-amber-950/60 dark:text-amber-100"
      data-testid="converse-note"
    >
      <div className="mb-0.5 flex items-center gap-1.5 text-[11px] font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-300">
        <StickyNote className="size-3.5" aria-hidden /> Internal note · {note.author} · {clock(note.createdAt)}
      </div>
      <div className="whitespace-pre-line [overflow-wrap:anywhere]">{note.text}</div>
    </div>
  );
}
