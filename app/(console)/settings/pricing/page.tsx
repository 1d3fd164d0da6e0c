import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listRateCard } from '@/lib/messaging/pricing/rate-card';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PricingClient } from './page-client';

export const metadata: Metadata = { title: 'Pricing' };

export default async function PricingPage() {
  const { account } = await requireAccountPage('settings.pricing.manage');
  const rates = await listRateCard(db, account.id);
  return <PricingClient accountName={account.name} rates={rates} />;
}
