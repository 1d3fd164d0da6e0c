'use client';
import { Clock, Lock } from 'lucide-react';
import { cn } from '@/lib/utils';
import { duration } from '@/components/converse/format';
import type { TicketPanel } from '@/components/converse/types';

/**
 * The 24 h customer service window, always in view above the reply box: how long freeform replies
 * may still go, or that only approved templates can go now. Recomputed against `now` (the page's
 * ticking clock), so it closes on screen when it closes on WhatsApp.
 */
export function WindowTimer({ window: w, channel, now }: { window: TicketPanel['window']; channel: string; now: number }) {
  if (channel !== 'whatsapp') return <p className="text-xs text-muted-foreground">SMS: no reply window.</p>;
  // At most 24 h: the page's clock may lag the message that just opened the window by a few seconds.
  const left = w.expiresAt ? Math.min(Date.parse(w.expiresAt) - now, 24 * 3600_000) : 0;
  const open = left > 0;
  return (
    <p
      data-testid="converse-window"
      data-open={open}
      className={cn(
        'flex items-center gap-1.5 text-xs font-medium',
        open ? (left < 3600_000 ? 'text-amber-700 dark:text-amber-300' : 'text-green-700 dark:text-green-400') : 'text-destructive',
      )}
    >
      {open ? <Clock className="size-3.5" aria-hidden /> : <Lock className="size-3.5" aria-hidden />}
      {open
        ? `24-hour window open · ${duration(left)} left for freeform replies`
        : w.expiresAt
          ? `24-hour window closed ${duration(-left)} ago · only approved templates can be sent`
          : 'No 24-hour window open · only approved templates can be sent'}
    </p>
  );
}

export function windowOpen(t: TicketPanel, now: number): boolean {
  return t.channel !== 'whatsapp' || (!!t.window.expiresAt && Date.parse(t.window.expiresAt) > now);
}
