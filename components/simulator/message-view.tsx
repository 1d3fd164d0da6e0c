'use client';
import type * as React from 'react';
import { Copy, ExternalLink, FileText, ImageIcon, MapPin, Phone, Play, Reply } from 'lucide-react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import type { RenderedTemplate } from '@/lib/templates/render-template';
import { BubbleTime, TemplateBubble, TemplateButtonRow, TextBubble, formatWhatsAppText, useWaColors } from '@/components/simulator/wa';
import { InteractiveBubble, type ReplyChoice } from '@/components/simulator/interactive-bubble';
import { isFailed, StatusTicks } from '@/components/simulator/status-ticks';
import { VoiceCall } from '@/components/simulator/voice-call';

export function hhmm(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

type Handlers = { onReply: (r: ReplyChoice) => void; onKey: (key: string) => void };

/** One message on the simulated phone, drawn the way its channel would show it. */
export function MessageView({ m, onReply, onKey }: { m: ApiMessage } & Handlers) {
  const time = hhmm(m.createdAt);
  const c = (m.content ?? {}) as Record<string, any>;
  const ticks = m.direction === 'outbound' ? <Ticks m={m} /> : null;
  const failure = m.direction === 'outbound' ? <FailureNote m={m} /> : null;

  if (m.channel === 'voice') {
    if (m.direction === 'inbound') return <SystemNote text={`You pressed ${c.dtmf}`} />;
    return <VoiceCall text={c.text ?? ''} state={m.status.state} onKey={onKey} />;
  }
  if (m.channel === 'sms') return <SmsBubble text={c.text ?? ''} inbound={m.direction === 'inbound'} time={time} ticks={ticks} failure={failure} />;
  if (m.direction === 'inbound') return <TextBubble text={c.text ?? ''} direction="in" time={time} />;

  if (m.type === 'template') {
    const rendered = m.rendered as RenderedTemplate | undefined;
    if (!rendered) return <PlainBubble text={`Template ${m.templateName ?? ''}`} time={time} ticks={ticks} failure={failure} />;
    return (
      <div className="flex flex-col gap-[1px]">
        <TemplateBubble rendered={{ ...rendered, buttons: [] }} time={time} status={ticks} />
        {rendered.buttons.length > 0 && (
          <div className="flex max-w-[85%] flex-col overflow-hidden rounded-lg shadow-sm" style={{ gap: 1 }}>
            {rendered.buttons.map((b, i) => (
              <TemplateButtonRow
                key={i}
                button={b}
                icon={b.type === 'QUICK_REPLY' ? Reply : b.type === 'URL' ? ExternalLink : b.type === 'PHONE_NUMBER' ? Phone : Copy}
                onClick={() => {
                  if (b.type === 'QUICK_REPLY') onReply({ id: b.text, title: b.text });
                  else if (b.type === 'URL' && b.url) window.open(b.url.replace(/^\[(.*?)\].*$/, '$1'), '_blank', 'noopener');
                  else if (b.code) void navigator.clipboard?.writeText(b.code);
                }}
              />
            ))}
          </div>
        )}
        {failure}
      </div>
    );
  }
  if (m.type === 'interactive' && c.interactive)
    return (
      <div className="flex flex-col">
        <InteractiveBubble interactive={c.interactive} time={time} onReply={onReply} status={ticks} />
        {failure}
      </div>
    );
  if (m.type === 'text') return <PlainBubble text={c.text ?? ''} time={time} ticks={ticks} failure={failure} />;
  if (m.type === 'location') {
    const loc = c.location ?? c;
    return (
      <PlainBubble
        icon={<MapPin className="size-5 text-red-600" aria-hidden />}
        text={[loc.name, loc.address, `${loc.latitude}, ${loc.longitude}`].filter(Boolean).join('\n')}
        time={time}
        ticks={ticks}
        failure={failure}
      />
    );
  }
  const icon =
    m.type === 'image' ? (
      <ImageIcon className="size-5" aria-hidden />
    ) : m.type === 'video' ? (
      <Play className="size-5" aria-hidden />
    ) : (
      <FileText className="size-5" aria-hidden />
    );
  return <PlainBubble icon={icon} text={[c.filename ?? c.url, c.caption ?? c.text].filter(Boolean).join('\n')} time={time} ticks={ticks} failure={failure} />;
}

const errorText = (m: ApiMessage) => (m.status.errorCode ? `${m.status.errorCode} ${m.status.errorMessage ?? ''}`.trim() : undefined);

/** The delivery ticks, beside the time inside the business's bubble. */
function Ticks({ m }: { m: ApiMessage }) {
  return (
    <span className="inline-flex" data-testid="wa-status">
      <StatusTicks state={m.status.state} error={errorText(m)} />
    </span>
  );
}

/** Why a message did not arrive, in red under its bubble (the bubble itself carries the red mark). */
function FailureNote({ m }: { m: ApiMessage }) {
  if (!isFailed(m.status.state)) return null;
  return (
    <div className="mt-0.5 max-w-[85%] px-1 text-[11px] text-red-600" data-testid="wa-failure">
      {errorText(m) ?? 'Not delivered'}
    </div>
  );
}

function PlainBubble({
  text,
  time,
  ticks,
  failure,
  icon,
}: {
  text: string;
  time: string;
  ticks: React.ReactNode;
  failure: React.ReactNode;
  icon?: React.ReactNode;
}) {
  const c = useWaColors();
  return (
    <div className="flex max-w-[85%] flex-col">
      <div className="rounded-lg rounded-tl-none px-2 pt-1.5 pb-1 shadow-sm" style={{ background: c.received, color: c.text }} data-testid="wa-bubble-business">
        {icon ? <div className="mb-1">{icon}</div> : null}
        <div className="break-words whitespace-pre-line">{formatWhatsAppText(text)}</div>
        <BubbleTime time={time} status={ticks} />
      </div>
      {failure}
    </div>
  );
}

function SmsBubble({
  text,
  inbound,
  time,
  ticks,
  failure,
}: {
  text: string;
  inbound: boolean;
  time: string;
  ticks: React.ReactNode;
  failure: React.ReactNode;
}) {
  return (
    <div className={`flex flex-col ${inbound ? 'items-end' : 'items-start'}`}>
      <div
        data-testid={inbound ? 'sms-bubble-customer' : 'sms-bubble-business'}
        className={`max-w-[80%] rounded-2xl px-3 py-1.5 text-[14px] shadow-sm ${inbound ? 'bg-blue-500 text-white' : 'bg-neutral-200 text-neutral-900'}`}
      >
        <div className="mb-0.5 text-[10px] font-semibold uppercase tracking-wide opacity-70">SMS</div>
        <div className="whitespace-pre-line break-words">{text}</div>
        <div className="flex items-center justify-end gap-1 text-[10px] text-neutral-500">
          {time}
          {inbound ? null : ticks}
        </div>
      </div>
      {failure}
    </div>
  );
}

function SystemNote({ text }: { text: string }) {
  return <div className="mx-auto rounded-md bg-white/70 px-2 py-0.5 text-[12px] text-neutral-600 shadow-sm">{text}</div>;
}
