import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { getUserProfile } from '@/lib/partners/get-user-profile';
import { listRoles } from '@/lib/partners/list-roles';
import { listPartnerAccounts } from '@/lib/partners/list-partner-accounts';
import { loadHeldAccess } from '@/lib/partners/load-held-access';
import { grantableAccounts, roleOptions } from '@/lib/partners/grant-hints';
import { isEmailConfigured } from '@/lib/email/is-email-configured';
import { requirePage } from '@/app/_lib/console-context';
import { ProfileClient } from './profile-client';

export const metadata: Metadata = { title: 'User' };

export default async function UserProfilePage({ params }: { params: Promise<{ userId: string }> }) {
  const { principal } = await requirePage('partners.users.manage');
  const { userId } = await params;
  const user = await getUserProfile(db, principal.partnerId, userId).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const [roles, accounts, held] = await Promise.all([
    listRoles(db, principal.partnerId),
    listPartnerAccounts(db, principal.partnerId),
    loadHeldAccess(db, principal.partnerId, principal.userId),
  ]);
  return (
    <ProfileClient
      key={`${user.id}:${user.roleId}:${user.allAccounts}:${user.accountIds.join(',')}:${user.status}`}
      isSelf={user.id === principal.userId}
      emailLinks={isEmailConfigured()}
      roles={roleOptions(roles, held, user.roleId)}
      accounts={accounts}
      grantable={grantableAccounts(
        held,
        accounts.map((a) => a.id),
        user,
      )}
      user={{
        ...user,
        lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
        createdAt: user.createdAt.toISOString(),
      }}
    />
  );
}
