import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { deleteContactRow, findContact } from '@/lib/contacts/contact-rows';

/**
 * Removes the contact and its tags. Its opt-out stays: a customer's "no marketing" outlives their
 * contact record (a later import of the same number must not message them).
 */
export async function deleteContact(db: Db, accountId: string, rawMsisdn: unknown, actor: Actor): Promise<{ msisdn: string }> {
  const msisdn = contactMsisdn(rawMsisdn);
  return write(db, function* (t) {
    const now = new Date();
    const before = yield* findContact(t, accountId, msisdn);
    if (!before || !(yield* deleteContactRow(t, accountId, msisdn))) throw new NotFoundError(`Contact '${msisdn}' not found`);
    yield* insertAuditRow(
      t,
      actor,
      {
        accountId,
        action: 'contact.delete',
        entityType: 'contact',
        entityId: msisdn,
        summary: `Deleted contact ${msisdn}${before.name ? ` (${before.name})` : ''}`,
        changes: { before: { name: before.name, attributes: before.attributes, tags: before.tags } },
      },
      now,
    );
    return { msisdn };
  });
}
