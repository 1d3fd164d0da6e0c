import type * as React from 'react';
import { cn } from '@/lib/utils';

/** Label above, help text and the error (in red, announced) below: our one form-field layout. */
export function Field({
  label,
  htmlFor,
  help,
  error,
  className,
  children,
}: {
  label: React.ReactNode;
  htmlFor?: string;
  help?: React.ReactNode;
  error?: string | null;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {help && !error ? <p className="text-xs text-muted-foreground">{help}</p> : null}
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive" id={htmlFor ? `${htmlFor}-error` : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
