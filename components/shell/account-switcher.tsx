'use client';
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Building2, Check, ChevronsUpDown } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';

type Account = { id: string; name: string };

/** Partner users who manage several customer accounts pick the one they work in. */
export function AccountSwitcher({
  accounts,
  current,
  onSwitch,
}: {
  accounts: Account[];
  current: Account | null;
  onSwitch: (accountId: string) => Promise<unknown>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  if (!current) return <span className="text-sm text-muted-foreground">No customer account</span>;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md border bg-card px-2.5 py-1.5 text-sm hover:bg-muted disabled:opacity-60"
        aria-label={`Customer account: ${current.name}`}
        disabled={pending}
      >
        <Building2 className="size-4 text-muted-foreground" />
        <span className="max-w-40 truncate font-medium">{current.name}</span>
        <span className="hidden font-mono text-xs text-muted-foreground sm:inline">{current.id}</span>
        <ChevronsUpDown className="size-3.5 text-muted-foreground" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 min-w-64 rounded-md border bg-card p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-muted-foreground">Customer accounts</DropdownMenu.Label>
          {accounts.map((a) => (
            <DropdownMenu.Item
              key={a.id}
              className="flex cursor-pointer items-center justify-between gap-3 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted"
              onSelect={() =>
                start(async () => {
                  await onSwitch(a.id);
                  router.refresh();
                })
              }
            >
              <span>
                {a.name} <span className="font-mono text-xs text-muted-foreground">{a.id}</span>
              </span>
              {a.id === current.id ? <Check className="size-4 text-primary" /> : null}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
