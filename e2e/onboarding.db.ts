// npx tsx e2e/onboarding.db.ts approve-template <channelId> <name> | remove-account <accountId>
// (with DATABASE_URL pointing at the e2e database). What the onboarding spec cannot do through the UI:
// a template WhatsApp has approved (8x8 reviews it outside Parley), and leaving the partner's account
// list as the later specs expect it ("2 of 3 selected"): Parley has no way to delete an account.
import { closeDb, db } from '@/lib/db/client';

const [command, id, name] = process.argv.slice(2);
if (command === 'approve-template') {
  const channel = await db.channel.findUniqueOrThrow({ where: { id }, include: { subAccount: true } });
  await db.template.create({
    data: {
      accountId: channel.subAccount.accountId,
      subAccountId: channel.subAccountId,
      channelId: channel.id,
      name: name!,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order {{1}} is on its way.', examples: ['A-1001'] }],
      status: 'APPROVED',
    },
  });
} else if (command === 'remove-account') {
  await db.$transaction(async (tx) => {
    const subs = (await tx.subAccount.findMany({ where: { accountId: id }, select: { id: true } })).map((s) => s.id);
    await tx.template.deleteMany({ where: { accountId: id } });
    await tx.channel.deleteMany({ where: { subAccountId: { in: subs } } });
    await tx.subAccount.deleteMany({ where: { accountId: id } });
    await tx.apiKey.deleteMany({ where: { accountId: id } });
    await tx.userAccountAccess.deleteMany({ where: { accountId: id } });
    await tx.account.deleteMany({ where: { id } });
  });
} else {
  throw new Error(`unknown command ${command}`);
}
// closeDb, not $disconnect: on PostgreSQL Parley's own pool would keep the process alive until its idle connections time out.
await closeDb(db);
