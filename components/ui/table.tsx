import type * as React from 'react';
import { cn } from '@/lib/utils';

/**
 * Table markup primitives; pages use them through components/data-table. The container is the
 * table's scroll box: a table wider than its card (a 390 px phone) scrolls inside it instead of
 * widening the page, and a `max-h-*` on it lets the sticky header stay in view over long tables.
 */
export function Table({ className, containerClassName, ...props }: React.ComponentProps<'table'> & { containerClassName?: string }) {
  return (
    <div className={cn('relative w-full overflow-auto rounded-[inherit]', containerClassName)}>
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}
/** Opaque (the muted tint mixed into the card) so rows scrolling under the sticky header do not show through it. */
export function THead({ className, ...props }: React.ComponentProps<'thead'>) {
  return (
    <thead
      className={cn(
        'sticky top-0 z-10 bg-[color-mix(in_oklab,var(--muted)_60%,var(--card))] text-left text-xs uppercase tracking-wide text-muted-foreground shadow-[0_1px_0_var(--border)]',
        className,
      )}
      {...props}
    />
  );
}
export function TBody(props: React.ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}
export function TR({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr className={cn('border-b last:border-0 hover:bg-muted/40', className)} {...props} />;
}
export function TH({ className, ...props }: React.ComponentProps<'th'>) {
  return <th className={cn('h-9 px-4 font-medium', className)} {...props} />;
}
export function TD({ className, ...props }: React.ComponentProps<'td'>) {
  return <td className={cn('px-4 py-2.5 align-middle', className)} {...props} />;
}
