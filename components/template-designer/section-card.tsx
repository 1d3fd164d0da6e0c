'use client';
import type * as React from 'react';
import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/template-designer/designer-errors';

/** One component of the template (Header, Body, ...) as a bordered section with its remove action. */
export function SectionCard({
  title,
  description,
  path,
  onRemove,
  children,
  testId,
}: {
  title: string;
  description?: string;
  path?: string;
  onRemove?: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-[var(--radius)] border bg-card shadow-xs" data-testid={testId}>
      <header className="flex items-start justify-between gap-2 border-b px-4 py-3">
        <div>
          <h3 className="text-sm font-semibold">{title}</h3>
          {description && <p className="text-xs text-muted-foreground">{description}</p>}
        </div>
        {onRemove && (
          <Button type="button" variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${title.toLowerCase()}`}>
            <Trash2 /> Remove
          </Button>
        )}
      </header>
      <div className="space-y-4 px-4 py-4">
        {children}
        {path && <FieldError path={`${path}.type`} />}
        {path && <FieldError path={path} />}
      </div>
    </section>
  );
}
