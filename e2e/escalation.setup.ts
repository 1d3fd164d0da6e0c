// npx tsx e2e/escalation.setup.ts (with DATABASE_URL pointing at the e2e database)
// A person who may only manage users (role "Users only", Acme Corp alone) and a second account they
// cannot reach, made through the same lib functions a script would use.
import { closeDb, db } from '@/lib/db/client';
import { createCustomerAccount } from '@/lib/partners/create-customer-account';
import { createRole } from '@/lib/partners/create-role';
import { createUser } from '@/lib/partners/create-user';

const USERS_ONLY = { email: 'uma.users@example.com', password: 'uma-manages-users-only', name: 'Uma Users' };

const actor = { partnerId: 'demo_partner', userId: null, label: 'e2e setup' };
if (!(await db.account.findUnique({ where: { id: 'initech' } }))) await createCustomerAccount(db, actor, { id: 'initech', name: 'Initech' });
if (!(await db.user.findUnique({ where: { email: USERS_ONLY.email } }))) {
  const role = await createRole(db, actor, { name: 'Users only', permissions: ['partners.users.manage'] });
  await createUser(db, actor, { ...USERS_ONLY, roleId: role.id, accountIds: ['acme_corp'], setup: 'password' });
}
// closeDb, not $disconnect: on PostgreSQL Parley's own pool would keep the process alive until its idle connections time out.
await closeDb(db);
