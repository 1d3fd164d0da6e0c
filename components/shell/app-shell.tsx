'use client';
import * as React from 'react';
import { Menu } from 'lucide-react';
import { Sidebar } from '@/components/shell/sidebar';
import { AccountSwitcher } from '@/components/shell/account-switcher';
import { UserMenu } from '@/components/shell/user-menu';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { Button } from '@/components/ui/button';

type Props = {
  permissions: string[];
  accounts: { id: string; name: string }[];
  account: { id: string; name: string } | null;
  user: { name: string; email: string; roleName: string | null };
  /** Server actions from app/, passed in: components never import app/. */
  actions: { switchAccount: (accountId: string) => Promise<unknown>; signOut: () => Promise<void> };
  children: React.ReactNode;
};

export function AppShell({ permissions, accounts, account, user, actions, children }: Props) {
  const [open, setOpen] = React.useState(false);
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 border-r bg-sidebar md:block">
        <Sidebar permissions={permissions} />
      </aside>
      {open ? (
        <div className="fixed inset-0 z-40 md:hidden">
          <button type="button" aria-label="Close navigation" className="absolute inset-0 bg-black/40" onClick={() => setOpen(false)} />
          <aside className="absolute inset-y-0 left-0 w-64 border-r bg-sidebar shadow-xl">
            <Sidebar permissions={permissions} onNavigate={() => setOpen(false)} />
          </aside>
        </div>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/85 px-4 backdrop-blur md:px-6">
          <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation" onClick={() => setOpen(true)}>
            <Menu />
          </Button>
          <AccountSwitcher accounts={accounts} current={account} onSwitch={actions.switchAccount} />
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu {...user} onSignOut={actions.signOut} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
