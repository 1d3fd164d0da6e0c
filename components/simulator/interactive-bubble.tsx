'use client';
import * as React from 'react';
import { ExternalLink, List, Reply, X } from 'lucide-react';
import { BubbleTime, TemplateButtonRow, formatWhatsAppText, useWaColors } from '@/components/simulator/wa';

export type ReplyChoice = { id: string; title: string };

type Interactive = {
  type: 'button' | 'list' | 'cta_url';
  header?: { type: string; text?: string };
  body?: { text?: string };
  footer?: { text?: string };
  action?: {
    buttons?: Array<{ reply: ReplyChoice }>;
    button?: string;
    sections?: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
    parameters?: { display_text?: string; url?: string };
  };
};

/** A freeform interactive message (reply buttons, list, CTA URL); taps and picks call onReply. */
export function InteractiveBubble({
  interactive,
  time,
  status,
  onReply,
}: {
  interactive: Interactive;
  time: string;
  /** The delivery ticks, drawn beside the time. */
  status?: React.ReactNode;
  onReply: (r: ReplyChoice) => void;
}) {
  const c = useWaColors();
  const [listOpen, setListOpen] = React.useState(false);
  const a = interactive.action ?? {};
  return (
    <div className="flex max-w-[85%] flex-col gap-[1px]" data-testid="wa-interactive">
      <div className="rounded-lg rounded-tl-none px-2 pt-1.5 pb-1 shadow-sm" style={{ background: c.received, color: c.text }} data-testid="wa-bubble-business">
        {interactive.header?.text ? <div className="mb-1 font-semibold">{interactive.header.text}</div> : null}
        <div className="break-words">{formatWhatsAppText(interactive.body?.text ?? '')}</div>
        {interactive.footer?.text ? (
          <div className="mt-1 text-[13px]" style={{ color: c.time }}>
            {interactive.footer.text}
          </div>
        ) : null}
        <BubbleTime time={time} status={status} />
      </div>
      <div className="flex flex-col overflow-hidden rounded-lg shadow-sm" style={{ gap: 1, background: c.divider }}>
        {interactive.type === 'button' &&
          (a.buttons ?? []).map((b) => (
            <TemplateButtonRow key={b.reply.id} button={{ type: 'QUICK_REPLY', text: b.reply.title }} icon={Reply} onClick={() => onReply(b.reply)} />
          ))}
        {interactive.type === 'list' && (
          <TemplateButtonRow button={{ type: 'QUICK_REPLY', text: a.button ?? 'Choose' }} icon={List} onClick={() => setListOpen(true)} />
        )}
        {interactive.type === 'cta_url' && (
          <TemplateButtonRow
            button={{ type: 'URL', text: a.parameters?.display_text ?? 'Open', url: a.parameters?.url }}
            icon={ExternalLink}
            onClick={() => a.parameters?.url && window.open(a.parameters.url.replace(/^\[(.*?)\].*$/, '$1'), '_blank', 'noopener')}
          />
        )}
      </div>
      {listOpen && (
        <div
          className="mt-1 overflow-hidden rounded-lg shadow-lg"
          style={{ background: c.received, color: c.text }}
          role="dialog"
          aria-label={a.button ?? 'List'}
        >
          <div className="flex items-center justify-between border-b px-3 py-2 text-sm font-semibold" style={{ borderColor: c.divider }}>
            {a.button}
            <button type="button" aria-label="Close list" onClick={() => setListOpen(false)}>
              <X className="size-4" />
            </button>
          </div>
          {(a.sections ?? []).map((s, i) => (
            <div key={i}>
              {s.title ? (
                <div className="px-3 pt-2 text-xs font-medium" style={{ color: c.bar }}>
                  {s.title}
                </div>
              ) : null}
              {s.rows.map((r) => (
                <button
                  key={r.id}
                  type="button"
                  data-testid="wa-list-row"
                  className="block w-full px-3 py-2 text-left hover:bg-black/5"
                  onClick={() => {
                    setListOpen(false);
                    onReply({ id: r.id, title: r.title });
                  }}
                >
                  <div className="text-[14px]">{r.title}</div>
                  {r.description ? (
                    <div className="text-[12px]" style={{ color: c.time }}>
                      {r.description}
                    </div>
                  ) : null}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
