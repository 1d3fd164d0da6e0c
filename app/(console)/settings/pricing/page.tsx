import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listRateCard } from '@/lib/messaging/pricing/rate-card';
import { getMessagingLimitStatus } from '@/lib/messaging/get-messaging-limit-status';
import { MESSAGING_TIERS } from '@/lib/messaging/messaging-tier-ladder';
import { tierLimit } from '@/lib/messaging/messaging-limit';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PricingClient } from './page-client';

export const metadata: Metadata = { title: 'Pricing' };

export default async function PricingPage() {
  const { account } = await requireAccountPage('settings.pricing.manage');
  const [rates, limit] = await Promise.all([listRateCard(db, account.id), getMessagingLimitStatus(db, account.id)]);
  const tiers = MESSAGING_TIERS.map((tier) => ({ tier, limit: Number.isFinite(tierLimit(tier)) ? tierLimit(tier) : null }));
  return (
    <PricingClient
      accountName={account.name}
      rates={rates}
      messagingLimit={{ tier: limit.tier, limit: limit.limit, usersLast24h: limit.usersLast24h, next: limit.next }}
      tiers={tiers}
    />
  );
}
