'use client';
import { AlertCircle, Check, CheckCheck, Clock } from 'lucide-react';

/**
 * WhatsApp's ticks, drawn beside the time inside the bubble: clock (queued), one grey (sent), two grey
 * (delivered), two blue (read), a red mark (failed; the reason is `error`, shown under the bubble).
 */
export function StatusTicks({ state, error }: { state: string; error?: string }) {
  const cls = 'inline size-3.5 shrink-0';
  if (state === 'queued') return <Clock className={cls} aria-label="Queued" data-state={state} />;
  if (state === 'sent') return <Check className={cls} aria-label="Sent" data-state={state} />;
  if (state === 'delivered') return <CheckCheck className={cls} aria-label="Delivered" data-state={state} />;
  if (state === 'read') return <CheckCheck className={`${cls} text-[#53bdeb]`} aria-label="Read" data-state={state} />;
  return <AlertCircle className={`${cls} text-red-600`} aria-label={error ?? 'Not delivered'} data-state={state} />;
}

export function isFailed(state: string): boolean {
  return !['queued', 'sent', 'delivered', 'read'].includes(state);
}
