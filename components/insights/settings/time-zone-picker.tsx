'use client';
import * as React from 'react';
import { Check, Search } from 'lucide-react';
import type { TimeZoneOption } from '@/lib/tenancy/time-zone-options';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';

// Every zone fits (about 490 rows): the chosen one must be in the list to be scrolled to.
const MAX_SHOWN = 600;

/** "kolkata", "utc+5:30", "+05:30", "india standard" (no) — matches the id, its city and its offset. */
function matches(o: TimeZoneOption, words: string[]): boolean {
  const hay = `${o.label} ${o.id}`.toLowerCase().replaceAll('_', ' ').replaceAll('−', '-');
  return words.every((w) => hay.includes(w));
}

/**
 * A searchable list of IANA zones with their current offset: type part of a city, a region or an
 * offset ("+05:30"), move with the arrow keys, Enter or a click picks one. A combobox as WAI-ARIA
 * describes it: the input owns the listbox and names the active option.
 */
export function TimeZonePicker({ options, value, onChange, id }: { options: TimeZoneOption[]; value: string; onChange: (id: string) => void; id: string }) {
  const [query, setQuery] = React.useState('');
  const [active, setActive] = React.useState(0);
  const list = React.useRef<HTMLDivElement>(null);
  const search = query.toLowerCase().replaceAll('_', ' ').replaceAll('−', '-').trim();
  const found = React.useMemo(() => options.filter((o) => matches(o, search.split(/\s+/).filter(Boolean))), [options, search]);
  const shown = found.slice(0, MAX_SHOWN);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the search changes
  React.useEffect(() => {
    // The chosen zone in view when the list opens; the first match while searching.
    const i = query
      ? 0
      : Math.max(
          0,
          shown.findIndex((o) => o.id === value),
        );
    setActive(i);
    reveal(i, !query);
  }, [query]);

  /** Scrolls the list (only the list, never the page) so that option i shows. */
  function reveal(i: number, center = false) {
    const box = list.current;
    const el = box?.querySelector<HTMLElement>(`[data-index="${i}"]`);
    if (!box || !el) return;
    if (center) box.scrollTop = el.offsetTop - box.clientHeight / 2 + el.offsetHeight / 2;
    else if (el.offsetTop < box.scrollTop) box.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = el.offsetTop + el.offsetHeight - box.clientHeight;
  }

  function move(to: number) {
    const i = Math.max(0, Math.min(shown.length - 1, to));
    setActive(i);
    reveal(i);
  }

  return (
    <div className="rounded-[var(--radius)] border bg-card">
      <div className="relative border-b p-2">
        <Search className="pointer-events-none absolute left-4 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input
          id={id}
          role="combobox"
          aria-expanded
          aria-controls={`${id}-list`}
          aria-activedescendant={shown[active] ? `${id}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Search a city, region or offset (+05:30)"
          className="pl-8"
          value={query}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') move(active + 1);
            else if (e.key === 'ArrowUp') move(active - 1);
            else if (e.key === 'PageDown') move(active + 8);
            else if (e.key === 'PageUp') move(active - 8);
            else if (e.key === 'Enter' && shown[active]) onChange(shown[active]!.id);
            else return;
            e.preventDefault();
          }}
        />
      </div>
      <div
        ref={list}
        id={`${id}-list`}
        role="listbox"
        aria-label="Time zones"
        className="relative max-h-72 overflow-y-auto py-1"
        data-testid="time-zone-options"
      >
        {shown.length === 0 ? <p className="px-3 py-6 text-center text-sm text-muted-foreground">No time zone matches “{query}”.</p> : null}
        {shown.map((o, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (arrows, Enter) for the whole list
          <div
            key={o.id}
            id={`${id}-${i}`}
            data-index={i}
            role="option"
            tabIndex={-1}
            aria-selected={o.id === value}
            className={cn(
              'flex cursor-pointer items-center justify-between gap-2 px-3 py-1.5 text-sm',
              i === active && 'bg-muted',
              o.id === value && 'font-medium text-primary',
            )}
            onMouseEnter={() => setActive(i)}
            onClick={() => onChange(o.id)}
          >
            <span className="min-w-0 truncate">
              <span className="mr-1 tabular-nums text-muted-foreground">{o.label.slice(0, o.label.indexOf(')') + 1)}</span> {o.id.replaceAll('_', ' ')}
            </span>
            {o.id === value ? <Check className="size-4 shrink-0" aria-hidden /> : null}
          </div>
        ))}
        {found.length > shown.length ? (
          <p className="px-3 py-1.5 text-xs text-muted-foreground">{found.length - shown.length} more: type to narrow the list.</p>
        ) : null}
      </div>
    </div>
  );
}
