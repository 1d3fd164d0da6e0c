'use client';
import type * as React from 'react';
import { formatWhatsAppText } from '@/components/whatsapp-preview/format-whatsapp-text';
import { useWaColors } from '@/components/whatsapp-preview/wa-theme';

/**
 * A plain chat message on the customer's phone. `direction` is Parley's message direction:
 * 'out' (outbound, the business's message) arrives as a received bubble on the left;
 * 'in' (inbound, the customer's reply) is a sent bubble on the right.
 */
export function TextBubble({ text, direction, time = '09:41' }: { text: string; direction: 'in' | 'out'; time?: string }) {
  const c = useWaColors();
  const sent = direction === 'in';
  return (
    <div className={`flex ${sent ? 'justify-end' : 'justify-start'}`}>
      <div
        data-testid={sent ? 'wa-bubble-customer' : 'wa-bubble-business'}
        className={`relative max-w-[85%] rounded-lg px-2 pt-1.5 pb-1 shadow-sm ${sent ? 'rounded-tr-none' : 'rounded-tl-none'}`}
        style={{ background: sent ? c.sent : c.received, color: c.text }}
      >
        <div className="[overflow-wrap:anywhere]">{formatWhatsAppText(text)}</div>
        <BubbleTime time={time} />
      </div>
    </div>
  );
}

/** The grey time at a bubble's bottom right; `status` (the Simulator's delivery ticks) sits right after it, inside the bubble. */
export function BubbleTime({ time, status }: { time: string; status?: React.ReactNode }) {
  const c = useWaColors();
  return (
    <div className="-mb-0.5 mt-0.5 flex items-center justify-end gap-1 text-[11px] leading-none" style={{ color: c.time }}>
      {time}
      {status}
    </div>
  );
}
