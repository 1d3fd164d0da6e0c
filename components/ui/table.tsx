import * as React from 'react';
import { cn } from '@/lib/utils';

export function Table({ className, ...props }: React.ComponentProps<'table'>) {
  return (
    <div className="relative w-full overflow-auto">
      <table className={cn('w-full caption-bottom text-sm', className)} {...props} />
    </div>
  );
}
export function THead({ className, ...props }: React.ComponentProps<'thead'>) {
  return <thead className={cn('sticky top-0 bg-muted/60 text-left text-xs uppercase tracking-wide text-muted-foreground', className)} {...props} />;
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
