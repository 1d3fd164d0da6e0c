import { redirect } from 'next/navigation';
import { AppShell } from '@/components/shell/app-shell';
import { getConsoleContext } from '@/app/_lib/console-context';
import { SuspendedBanner } from '@/components/shell/suspended-banner';
import { db } from '@/lib/db/client';
import { getAccountSuspension } from '@/lib/tenancy/get-account-suspension';
import { signOutAction, switchAccount } from './actions';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getConsoleContext();
  if (!ctx) redirect('/signin');
  const { principal, account } = ctx;
  const suspendedAt = account ? await getAccountSuspension(db, account.id) : null;
  return (
    <AppShell
      permissions={[...principal.permissions]}
      accounts={principal.accounts}
      account={account}
      user={{ name: principal.name, email: principal.email, roleName: principal.roleName }}
      actions={{ switchAccount, signOut: signOutAction }}
    >
      {suspendedAt && account ? <SuspendedBanner accountName={account.name} /> : null}
      {children}
    </AppShell>
  );
}
