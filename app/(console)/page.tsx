import { redirect } from 'next/navigation';
import { homeFor } from '@/components/shell/nav-items';
import { getConsoleContext } from '@/app/_lib/console-context';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ShieldQuestion } from 'lucide-react';

export default async function Home() {
  const ctx = await getConsoleContext();
  if (!ctx) redirect('/signin');
  const home = homeFor(ctx.principal.permissions);
  if (home) redirect(home);
  return (
    <>
      <PageHeader title={`Welcome, ${ctx.principal.name}`} />
      <Card>
        <EmptyState icon={<ShieldQuestion />} title="Nothing to show yet">
          Your role does not include any area of Parley that is available. Ask your partner admin for access.
        </EmptyState>
      </Card>
    </>
  );
}
