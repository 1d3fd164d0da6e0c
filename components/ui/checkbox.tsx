'use client';
import * as React from 'react';
import { cn } from '@/lib/utils';

/** A native checkbox in our look, with the "some selected" (indeterminate) state that select-all rows need. */
export function Checkbox({ className, indeterminate = false, ...props }: React.ComponentProps<'input'> & { indeterminate?: boolean }) {
  const ref = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn(
        'size-4 shrink-0 cursor-pointer rounded border-input accent-[var(--color-primary)] focus-visible:outline-2 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-50',
        className,
      )}
      {...props}
    />
  );
}
