import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listApiKeys } from '@/lib/auth/api-keys';
import { ALL_PERMISSIONS } from '@/lib/auth/permissions';
import { requireAccountPage } from '@/app/_lib/console-context';
import { ApiKeysClient } from './page-client';

export const metadata: Metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  const { account, principal } = await requireAccountPage('settings.apikeys.manage');
  const keys = await listApiKeys(db, account.id);
  return (
    <>
      <ApiKeysClient
        accountId={account.id}
        held={ALL_PERMISSIONS.filter((p) => principal.permissions.has(p))}
        description={`Keys that authenticate REST API calls for ${account.name}. A key is shown once, when it is created.`}
        keys={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
