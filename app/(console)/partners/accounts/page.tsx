import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { REGIONS } from '@/lib/channels/regions';
import { listCustomerAccounts } from '@/lib/provisioning/list-customer-accounts';
import { requirePage } from '@/app/_lib/console-context';
import { AccountsClient } from './page-client';

export const metadata: Metadata = { title: 'Accounts' };

export default async function AccountsPage() {
  const { principal } = await requirePage('partners.accounts.manage');
  const actor = { partnerId: principal.partnerId, userId: principal.userId, label: principal.email };
  const { data } = await listCustomerAccounts(db, actor, { limit: 500 });
  return <AccountsClient accounts={data} regions={REGIONS.map((r) => ({ id: r.id, label: r.label, domain: r.domain }))} />;
}
