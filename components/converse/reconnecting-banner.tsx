'use client';
import { WifiOff } from 'lucide-react';

/** Shown while the inbox cannot reach Parley: what is on screen may be out of date until it reconnects. */
export function ReconnectingBanner({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="converse-reconnecting"
      className="mb-3 flex items-center gap-2 rounded-[var(--radius)] border border-amber-600/30 bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-500/10 dark:text-amber-200"
    >
      <WifiOff className="size-4 shrink-0" aria-hidden />
      <span>
        <strong className="font-medium">Reconnecting…</strong> New tickets and messages will appear again as soon as Parley answers.
      </span>
    </div>
  );
}
