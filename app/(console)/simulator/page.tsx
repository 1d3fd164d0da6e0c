import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { listSimulatorPhones } from '@/lib/simulator/list-simulator-phones';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PageHeader } from '@/components/ui/page-header';
import { SimulatorClient } from './page-client';

export const metadata: Metadata = { title: 'Simulator' };

type Search = { subAccountId?: string; msisdn?: string };

/** ?subAccountId=&msisdn= opens on that subaccount with that phone in front (a template page's Send links here). */
export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { principal, account } = await requireAccountPage('simulator.use');
  const [subs, phones, search] = await Promise.all([
    listAccountStructure(db, account.id),
    listSimulatorPhones(db, { userId: principal.userId, accountId: account.id }),
    searchParams,
  ]);
  return (
    <>
      <PageHeader
        title="Simulator"
        description="Phones on the sandbox network. Messages to these numbers appear here; replies, button taps and key presses arrive as real inbound messages, so automations run as they would with customers."
      />
      <SimulatorClient
        subAccounts={subs.map((s) => ({
          id: s.id,
          name: s.name,
          whatsapp: s.channels.find((c) => c.kind === 'whatsapp')?.name ?? null,
          sms: s.channels.find((c) => c.kind === 'sms')?.address ?? null,
        }))}
        phones={phones}
        focus={{
          subAccountId: typeof search.subAccountId === 'string' ? search.subAccountId : undefined,
          msisdn: typeof search.msisdn === 'string' ? search.msisdn : undefined,
        }}
      />
    </>
  );
}
