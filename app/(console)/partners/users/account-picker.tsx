'use client';
import * as React from 'react';
import { Search } from 'lucide-react';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';

type Account = { id: string; name: string };

/** What the admin may hand out: accounts they reach (or the user already has), and whether "All accounts". */
export type GrantableAccounts = { allAccounts: boolean; accountIds: string[] };

/**
 * Which customer accounts a user may see: "all accounts" (including future ones) or a searchable
 * multi-select. Accounts outside `grantable` are shown disabled; the server refuses them anyway.
 */
export function AccountPicker({
  accounts,
  allAccounts,
  selected,
  onChange,
  invalid,
  grantable,
}: {
  accounts: Account[];
  allAccounts: boolean;
  selected: string[];
  onChange: (next: { allAccounts: boolean; accountIds: string[] }) => void;
  invalid?: boolean;
  grantable?: GrantableAccounts;
}) {
  const reachable = new Set(grantable?.accountIds ?? accounts.map((a) => a.id));
  const mayAll = !grantable || grantable.allAccounts;
  const [q, setQ] = React.useState('');
  const needle = q.trim().toLowerCase();
  const shown = needle ? accounts.filter((a) => a.name.toLowerCase().includes(needle) || a.id.includes(needle)) : accounts;
  const chosen = new Set(selected);

  return (
    <div className="rounded-[var(--radius)] border aria-[invalid=true]:border-destructive" aria-invalid={invalid || undefined}>
      <label className={`flex items-center gap-2 border-b px-3 py-2 text-sm font-medium ${mayAll || allAccounts ? 'cursor-pointer' : 'text-muted-foreground'}`}>
        <Checkbox
          checked={allAccounts}
          disabled={!mayAll && !allAccounts}
          onChange={(e) => onChange({ allAccounts: e.target.checked, accountIds: selected })}
        />
        All accounts
        <span className="ml-auto text-xs font-normal text-muted-foreground">
          {mayAll || allAccounts ? 'including accounts added later' : 'only someone with all accounts can grant this'}
        </span>
      </label>
      <fieldset disabled={allAccounts} className="disabled:opacity-50">
        <legend className="sr-only">Customer accounts</legend>
        <div className="relative border-b p-2">
          <Search className="pointer-events-none absolute left-4 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search accounts" aria-label="Search accounts" className="h-8 pl-8" />
        </div>
        <ul className="max-h-44 overflow-y-auto py-1">
          {shown.map((a) => (
            <li key={a.id}>
              <label
                className={`flex items-center gap-2 px-3 py-1.5 text-sm ${reachable.has(a.id) ? 'cursor-pointer hover:bg-muted/60' : 'text-muted-foreground'}`}
                title={reachable.has(a.id) ? undefined : 'You do not have access to this account, so you cannot grant it'}
              >
                <Checkbox
                  checked={allAccounts || chosen.has(a.id)}
                  disabled={!reachable.has(a.id) && !chosen.has(a.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(a.id);
                    else next.delete(a.id);
                    onChange({ allAccounts, accountIds: [...next] });
                  }}
                />
                <span>{a.name}</span>
                <span className="ml-auto font-mono text-xs text-muted-foreground">{reachable.has(a.id) ? a.id : 'not yours to grant'}</span>
              </label>
            </li>
          ))}
          {shown.length === 0 ? <li className="px-3 py-2 text-sm text-muted-foreground">No account matches “{q}”.</li> : null}
        </ul>
      </fieldset>
      <p className="border-t px-3 py-1.5 text-xs text-muted-foreground" aria-live="polite">
        {allAccounts ? `All ${accounts.length} accounts` : `${selected.length} of ${accounts.length} selected`}
      </p>
    </div>
  );
}
