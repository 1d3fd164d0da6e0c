import * as React from 'react';

/**
 * WhatsApp's text formatting as the customer's phone shows it: *bold*, _italic_, ~strike~,
 * `inline code`, ```monospace``` (also across lines), "- " / "* " / "1. " lists and "> " quotes.
 * Markers only count at word boundaries, as on the phone ("2*3*4" stays as written).
 */
export function formatWhatsAppText(text: string): React.ReactNode {
  const blocks: React.ReactNode[] = [];
  const parts = text.split(/```([\s\S]*?)```/g);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      blocks.push(
        <code key={`m${i}`} className="font-mono text-[0.92em] whitespace-pre-wrap">
          {part}
        </code>,
      );
      return;
    }
    blocks.push(<React.Fragment key={`b${i}`}>{formatLines(part, `b${i}`)}</React.Fragment>);
  });
  return blocks;
}

function formatLines(text: string, keyBase: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const key = `${keyBase}-${i}`;
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d+)\.\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (bullet) {
      out.push(
        <span key={key} className="flex gap-2 pl-1">
          <span aria-hidden>•</span>
          <span>{formatInline(bullet[1], key)}</span>
        </span>,
      );
    } else if (numbered) {
      out.push(
        <span key={key} className="flex gap-2 pl-1">
          <span>{numbered[1]}.</span>
          <span>{formatInline(numbered[2], key)}</span>
        </span>,
      );
    } else if (quote) {
      out.push(
        <span key={key} className="my-0.5 block border-l-4 border-current/30 pl-2 opacity-80">
          {formatInline(quote[1], key)}
        </span>,
      );
    } else {
      out.push(<React.Fragment key={key}>{formatInline(line, key)}</React.Fragment>);
      if (i < lines.length - 1) out.push(<br key={`${key}-br`} />);
    }
  });
  return out;
}

const INLINE = /(^|[\s([{"'])([*_~`])(?!\s)([^\n]*?[^\s])\2(?=$|[\s.,!?;:)\]}"'])/;

function formatInline(text: string, keyBase: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let rest = text;
  let n = 0;
  for (;;) {
    const m = INLINE.exec(rest);
    if (!m) break;
    const start = m.index + m[1].length;
    if (start > 0) out.push(rest.slice(0, start));
    const inner = formatInline(m[3], `${keyBase}-${n}`);
    const key = `${keyBase}-${n++}`;
    if (m[2] === '*') out.push(<strong key={key}>{inner}</strong>);
    else if (m[2] === '_') out.push(<em key={key}>{inner}</em>);
    else if (m[2] === '~') out.push(<s key={key}>{inner}</s>);
    else
      out.push(
        <code key={key} className="rounded bg-black/5 px-1 font-mono text-[0.92em] dark:bg-white/10">
          {m[3]}
        </code>,
      );
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}
