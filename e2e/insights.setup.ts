// npx tsx e2e/insights.setup.ts held <subAccountId> <channelId> <msisdn> <text>   → prints the umid
// npx tsx e2e/insights.setup.ts status <umid> <state>
// (with DATABASE_URL pointing at the e2e database.) The sandbox delivers and reads a message within a
// second, before a page can watch it happen; the insights spec needs a message whose receipts come when
// it says. "held" stores an outbound message as sent and hands it to no provider; "status" then moves
// it, through the same applyStatus a provider's receipt goes through (rollups, history, webhooks).
import { closeDb, db } from '@/lib/db/client';
import { newTimeOrderedUuid } from '@/lib/db/sql';
import { write } from '@/lib/db/tx';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { insertMessage, insertStatusChange } from '@/lib/messaging/message-rows';
import { parseMsisdn } from '@/lib/messaging/msisdn';

const [command, ...args] = process.argv.slice(2);
if (command === 'held') {
  const [subAccountId, channelId, msisdn, text] = args as [string, string, string, string];
  const to = parseMsisdn(msisdn);
  const id = newTimeOrderedUuid();
  const now = new Date();
  await write(db, function* (t) {
    yield* insertMessage(t, {
      id,
      accountId: 'acme_corp',
      subAccountId,
      channelId,
      channel: 'whatsapp',
      direction: 'outbound',
      msisdn: to.e164,
      channelUserId: to.channelUserId,
      country: to.country,
      type: 'text',
      content: { text },
      category: 'service',
      status: 'sent',
      statusAt: now,
      createdAt: now,
    });
    yield* insertStatusChange(t, { messageId: id, state: 'queued', at: now });
    yield* insertStatusChange(t, { messageId: id, state: 'sent', detail: 'sent_to_channel', at: now });
  });
  console.log(id);
} else if (command === 'status') {
  const [umid, state] = args as [string, StatusUpdate['state']];
  await write(db, (t) => applyStatus(t, umid, { state }));
} else {
  throw new Error(`Unknown command ${command}`);
}
// closeDb, not $disconnect: on PostgreSQL Parley's own pool would keep the process alive until its idle connections time out.
await closeDb(db);
