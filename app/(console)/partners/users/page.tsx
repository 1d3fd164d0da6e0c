import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listUsers } from '@/lib/partners/list-users';
import { listRoles } from '@/lib/partners/list-roles';
import { listPartnerAccounts } from '@/lib/partners/list-partner-accounts';
import { listUsersFilter } from '@/lib/partners/user-input';
import { loadHeldAccess } from '@/lib/partners/load-held-access';
import { grantableAccounts, roleOptions } from '@/lib/partners/grant-hints';
import { isEmailConfigured } from '@/lib/email/is-email-configured';
import { requirePage } from '@/app/_lib/console-context';
import { UsersClient } from './page-client';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { principal } = await requirePage('partners.users.manage');
  const filter = listUsersFilter.parse(await searchParams);
  const [users, roles, accounts, held] = await Promise.all([
    listUsers(db, principal.partnerId, filter),
    listRoles(db, principal.partnerId),
    listPartnerAccounts(db, principal.partnerId),
    loadHeldAccess(db, principal.partnerId, principal.userId),
  ]);
  return (
    <UsersClient
      filtered={!!(filter.q || filter.roleId || filter.status)}
      emailLinks={isEmailConfigured()}
      roles={roleOptions(roles, held)}
      accounts={accounts}
      grantable={grantableAccounts(
        held,
        accounts.map((a) => a.id),
      )}
      users={users.map((u) => ({ ...u, lastLoginAt: u.lastLoginAt?.toISOString() ?? null, createdAt: undefined }))}
    />
  );
}
