'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Search, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

/**
 * Search (number or name) and, for contacts, a tag: kept in the URL so that a filtered list can be
 * shared and reloaded. A change starts again from the first page.
 */
export function ContactsFilters({ tags, placeholder }: { tags?: { tag: string; contacts: number }[]; placeholder: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = React.useState(params.get('search') ?? '');
  const [, start] = React.useTransition();
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Reads the URL at the moment of the change, so a delayed search never brings back a cleared filter.
  function update(key: string, value: string) {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('cursor');
    const qs = next.toString();
    start(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  function onSearch(value: string) {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update('search', value.trim()), 250);
  }

  const tag = params.get('tag') ?? '';
  const active = !!(params.get('search') || tag);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative sm:w-72">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input value={q} onChange={(e) => onSearch(e.target.value)} placeholder={placeholder} aria-label="Search" className="pl-9" type="search" />
      </div>
      {tags ? (
        <Select aria-label="Filter by tag" value={tag} onChange={(e) => update('tag', e.target.value)} className="sm:w-48">
          <option value="">All tags</option>
          {tag && !tags.some((t) => t.tag === tag) ? <option value={tag}>{tag}</option> : null}
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.contacts.toLocaleString('en')})
            </option>
          ))}
        </Select>
      ) : null}
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          className="self-start sm:self-auto"
          onClick={() => {
            setQ('');
            const keep = new URLSearchParams();
            const tab = params.get('tab');
            if (tab) keep.set('tab', tab);
            start(() => router.replace(keep.size ? `${pathname}?${keep}` : pathname, { scroll: false }));
          }}
        >
          <X /> Clear
        </Button>
      ) : null}
    </div>
  );
}
