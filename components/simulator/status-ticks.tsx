'use client';
import { AlertCircle, Check, CheckCheck, Clock } from 'lucide-react';

/** WhatsApp's ticks: clock (queued), one grey (sent), two grey (delivered), two blue (read), red (failed). */
export function StatusTicks({ state, error }: { state: string; error?: string }) {
  const cls = 'inline size-3.5 align-[-2px]';
  if (state === 'queued') return <Clock className={cls} aria-label="Queued" data-state={state} />;
  if (state === 'sent') return <Check className={cls} aria-label="Sent" data-state={state} />;
  if (state === 'delivered') return <CheckCheck className={cls} aria-label="Delivered" data-state={state} />;
  if (state === 'read') return <CheckCheck className={`${cls} text-sky-500`} aria-label="Read" data-state={state} />;
  return (
    <span className="inline-flex items-center gap-0.5 text-red-600" title={error} data-state={state}>
      <AlertCircle className={cls} aria-hidden /> {error ?? 'Not delivered'}
    </span>
  );
}
