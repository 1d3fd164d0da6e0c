// npx tsx e2e/partners.setup.ts (with DATABASE_URL pointing at the e2e database)
// Gives the demo partner two more customer accounts, through the same lib function any script
// would use, so the partners spec can grant a user exactly two of three accounts.
import { closeDb, db } from '@/lib/db/client';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';

const actor = { partnerId: 'demo_partner', userId: null, label: 'e2e setup' };
for (const account of [
  { id: 'initech', name: 'Initech' },
  { id: 'umbrella_co', name: 'Umbrella Co' },
]) {
  if (!(await db.account.findUnique({ where: { id: account.id } }))) await createCustomerAccount(db, actor, account);
}
// closeDb, not $disconnect: on PostgreSQL Parley's own pool would keep the process alive until its idle connections time out.
await closeDb(db);
