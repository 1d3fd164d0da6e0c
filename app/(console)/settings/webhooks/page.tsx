import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { listEndpoints } from '@/lib/webhooks/endpoints';
import { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { requireAccountPage } from '@/app/_lib/console-context';
import { WebhooksClient } from './page-client';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const { account } = await requireAccountPage('settings.webhooks.manage');
  const [endpoints, deliveries, subs] = await Promise.all([
    listEndpoints(db, account.id),
    listDeliveries(db, account.id, { limit: 50 }),
    listAccountStructure(db, account.id),
  ]);
  return <WebhooksClient accountName={account.name} endpoints={endpoints} deliveries={deliveries} subAccounts={subs.map((s) => s.id)} />;
}
