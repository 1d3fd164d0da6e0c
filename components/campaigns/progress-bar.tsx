import type * as React from 'react';
import { cn } from '@/lib/utils';

/** A labelled, announced progress bar: what is moving, how far, and a line of detail under it. */
export function ProgressBar({
  label,
  ariaLabel,
  value,
  max,
  done,
  failed,
  detail,
  testId,
  tone = 'primary',
  size = 'sm',
}: {
  /** Shown above the bar with the percentage; without it the bar stands alone (name it with ariaLabel). */
  label?: React.ReactNode;
  ariaLabel?: string;
  value: number;
  max: number;
  done?: boolean;
  failed?: boolean;
  detail?: React.ReactNode;
  testId?: string;
  tone?: 'primary' | 'warning' | 'muted';
  size?: 'sm' | 'lg';
}) {
  const pct = done ? 100 : Math.max(0, Math.min(100, (value / (max || 1)) * 100));
  return (
    <div className="space-y-1.5">
      {label ? (
        <div className="flex items-baseline justify-between gap-2 text-xs">
          <span className="font-medium">{label}</span>
          <span className="tabular-nums text-muted-foreground">{failed ? 'Failed' : `${Math.floor(pct)}%`}</span>
        </div>
      ) : null}
      <div
        role="progressbar"
        aria-label={ariaLabel ?? (typeof label === 'string' ? label : undefined)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(pct)}
        data-testid={testId}
        data-done={done ? 'true' : 'false'}
        className={cn('overflow-hidden rounded-full bg-muted', size === 'lg' ? 'h-3' : 'h-2')}
      >
        <div
          className={cn(
            'h-full rounded-full transition-[width] duration-300 ease-out',
            failed
              ? 'bg-destructive'
              : done
                ? 'bg-green-600 dark:bg-green-500'
                : tone === 'warning'
                  ? 'bg-amber-500'
                  : tone === 'muted'
                    ? 'bg-muted-foreground/50'
                    : 'bg-primary',
          )}
          style={{ width: `${pct}%` }}
        />
      </div>
      {detail ? <p className="text-xs tabular-nums text-muted-foreground">{detail}</p> : null}
    </div>
  );
}
