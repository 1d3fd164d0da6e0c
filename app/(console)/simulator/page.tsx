import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listAccountStructure } from '@/lib/tenancy/list-account-structure';
import { requireAccountPage } from '@/app/_lib/console-context';
import { PageHeader } from '@/components/ui/page-header';
import { SimulatorClient } from './page-client';

export const metadata: Metadata = { title: 'Simulator' };

export default async function SimulatorPage() {
  const { account } = await requireAccountPage('simulator.use');
  const subs = await listAccountStructure(db, account.id);
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
      />
    </>
  );
}
