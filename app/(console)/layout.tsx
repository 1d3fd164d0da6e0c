import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { getConsoleContext } from '@/app/_lib/console-context';
import { signOutAction, switchAccount } from './actions';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getConsoleContext();
  if (!ctx) redirect('/signin');
  const { principal, account } = ctx;
  return (
    <AppShell
      permissions={[...principal.permissions]}
      accounts={principal.accounts}
      account={account}
      user={{ name: principal.name, email: principal.email, roleName: principal.roleName }}
      actions={{ switchAccount, signOut: signOutAction }}
    >
      {children}
    </AppShell>
  );
}
