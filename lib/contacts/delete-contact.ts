import type { Db } from '@/lib/db/client';
import { writeTransaction } from '@/lib/db/sql';
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
  return writeTransaction(db, (conn) => {
    const now = new Date();
    const before = findContact(conn, accountId, msisdn);
    if (!before || !deleteContactRow(conn, accountId, msisdn)) throw new NotFoundError(`Contact '${msisdn}' not found`);
    insertAuditRow(
      conn,
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
