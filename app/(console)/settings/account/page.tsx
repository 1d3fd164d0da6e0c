import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { getAccountTimeZone } from '@/lib/tenancy/get-account-time-zone';
import { timeZoneOptions } from '@/lib/tenancy/time-zone-options';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PageHeader } from '@/components/ui/page-header';
import { AccountTimeZoneForm } from '@/components/insights/settings/account-time-zone-form';
import { setAccountTimeZoneAction } from './actions';

export const metadata: Metadata = { title: 'Account settings' };

export default async function AccountSettingsPage() {
  const { account } = await requireAccountPage('settings.pricing.manage');
  const timeZone = await getAccountTimeZone(db, account.id);
  return (
    <>
      <PageHeader title="Account" description={`Settings of ${account.name} that apply to all its subaccounts.`} />
      <AccountTimeZoneForm timeZone={timeZone} options={timeZoneOptions()} save={setAccountTimeZoneAction} />
    </>
  );
}
