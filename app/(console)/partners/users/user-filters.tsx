'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Search, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';

/** Search, role and status filters, kept in the URL so a filtered list can be shared and reloaded. */
export function UserFilters({ roles }: { roles: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = React.useState(params.get('q') ?? '');
  const [, start] = React.useTransition();

  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Reads the URL at the moment of the change, so a delayed search never brings back a filter
  // that was changed or cleared meanwhile.
  function update(key: string, value: string) {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    start(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  // Search as you type, without a request per keystroke.
  function onSearch(value: string) {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update('q', value.trim()), 250);
  }

  const active = params.has('q') || params.has('roleId') || params.has('status');
  return (
    <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="relative sm:w-72">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input value={q} onChange={(e) => onSearch(e.target.value)} placeholder="Search name or email" aria-label="Search users" className="pl-9" />
      </div>
      <Select aria-label="Filter by role" value={params.get('roleId') ?? ''} onChange={(e) => update('roleId', e.target.value)} className="sm:w-48">
        <option value="">All roles</option>
        {roles.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </Select>
      <Select aria-label="Filter by status" value={params.get('status') ?? ''} onChange={(e) => update('status', e.target.value)} className="sm:w-40">
        <option value="">All statuses</option>
        <option value="active">Active</option>
        <option value="invited">Invited</option>
        <option value="deactivated">Deactivated</option>
      </Select>
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            clearTimeout(timer.current);
            setQ('');
            start(() => router.replace(pathname, { scroll: false }));
          }}
        >
          <X /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
