import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { deleteOptOut, findOptOut } from '@/lib/contacts/opt-out-rows';

/** Lifts an opt-out (DELETE /opt-outs/{msisdn}, the Opt-outs tab): marketing may reach the number again. */
export async function removeOptOut(db: Db, accountId: string, rawMsisdn: unknown, actor: Actor): Promise<{ msisdn: string }> {
  const msisdn = contactMsisdn(rawMsisdn);
  return write(db, function* (t) {
    const before = yield* findOptOut(t, accountId, msisdn);
    if (!before || !(yield* deleteOptOut(t, accountId, msisdn))) throw new NotFoundError(`'${msisdn}' has not opted out`);
    const now = new Date();
    yield* insertAuditRow(
      t,
      actor,
      {
        accountId,
        action: 'opt_out.remove',
        entityType: 'opt_out',
        entityId: msisdn,
        summary: `Removed the opt-out of ${msisdn}: marketing messages may reach it again`,
        changes: { before: { source: before.source, optedOutAt: before.optedOutAt.toISOString() } },
      },
      now,
    );
    return { msisdn };
  });
}
