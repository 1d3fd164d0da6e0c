'use client';
import { Check } from 'lucide-react';
import { cn } from '@/lib/utils';

export const WIZARD_STEPS = ['Audience', 'Template', 'Mapping', 'Review'] as const;

/**
 * Where the user is in the wizard. Steps already reached can be opened again; later ones cannot
 * (each needs what the one before decided). On a phone only the current step's name is written out.
 */
export function WizardStepper({ current, reached, onStep }: { current: number; reached: number; onStep: (i: number) => void }) {
  return (
    <nav aria-label="Campaign steps" className="mb-6">
      <ol className="flex items-center gap-2">
        {WIZARD_STEPS.map((label, i) => {
          const done = i < current;
          const active = i === current;
          const open = i <= reached && i < WIZARD_STEPS.length - 1 && !active;
          const dot = (
            <span
              className={cn(
                'flex size-7 shrink-0 items-center justify-center rounded-full border text-xs font-semibold transition-colors',
                active && 'border-primary bg-primary text-primary-foreground',
                done && 'border-primary bg-accent text-accent-foreground',
                !active && !done && 'bg-card text-muted-foreground',
              )}
            >
              {done ? <Check className="size-3.5" aria-hidden /> : i + 1}
            </span>
          );
          const text = (
            <span className={cn('text-sm font-medium', active ? 'inline' : 'hidden sm:inline', !active && !done && 'text-muted-foreground')}>{label}</span>
          );
          return (
            <li
              key={label}
              className={cn('flex min-w-0 items-center gap-2', i < WIZARD_STEPS.length - 1 && 'flex-1')}
              aria-current={active ? 'step' : undefined}
            >
              {open ? (
                <button
                  type="button"
                  onClick={() => onStep(i)}
                  className="flex items-center gap-2 rounded-full pr-1 hover:text-primary focus-visible:outline-2 focus-visible:outline-ring"
                >
                  {dot}
                  {text}
                  <span className="sr-only">(go back to this step)</span>
                </button>
              ) : (
                <span className="flex items-center gap-2">
                  {dot}
                  {text}
                </span>
              )}
              {i < WIZARD_STEPS.length - 1 ? <span className={cn('h-px min-w-3 flex-1', i < current ? 'bg-primary' : 'bg-border')} aria-hidden /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
