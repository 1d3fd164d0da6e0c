'use client';
import { cn } from '@/lib/utils';
import type { CannedResponse } from '@/components/converse/types';

/** The quick replies whose shortcut starts with what follows the "/" typed first in the reply box. */
export function matchCanned(text: string, canned: CannedResponse[]): CannedResponse[] | null {
  const m = /^\/(\S*)$/.exec(text);
  if (!m) return null;
  const typed = m[1]!.toLowerCase();
  return canned.filter((c) => c.shortcut.startsWith(typed)).slice(0, 8);
}

/** The "/" menu of quick replies above the reply box (arrow keys move, Enter or a click inserts). */
export function CannedPicker({
  matches,
  active,
  onPick,
  hasAny,
}: {
  matches: CannedResponse[];
  active: number;
  onPick: (c: CannedResponse) => void;
  hasAny: boolean;
}) {
  return (
    <div className="absolute inset-x-0 bottom-full z-20 mb-1 overflow-hidden rounded-[var(--radius)] border bg-card shadow-lg" data-testid="converse-canned">
      <p className="border-b px-3 py-1.5 text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Quick replies</p>
      {matches.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted-foreground">
          {hasAny ? 'No quick reply starts with that.' : 'No quick replies yet: supervisors add them under Converse › Configuration.'}
        </p>
      ) : (
        <ul aria-label="Quick replies">
          {matches.map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onPick(c)}
                aria-current={i === active ? 'true' : undefined}
                className={cn('flex w-full items-baseline gap-2 px-3 py-1.5 text-left text-sm hover:bg-muted', i === active && 'bg-accent')}
              >
                <span className="shrink-0 font-mono text-xs font-semibold">/{c.shortcut}</span>
                <span className="truncate text-muted-foreground">{c.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
