import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { contactInputSchema } from '@/lib/contacts/contact-input';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { findContact, writeContact } from '@/lib/contacts/contact-rows';
import { toContactView, type ContactView } from '@/lib/contacts/contact-view';
import { isOptedOut } from '@/lib/contacts/opt-out-rows';

export type UpsertContactOptions = {
  actor: Actor;
  /** The page's "Add contact": a number that already has a contact is a field error, not a silent overwrite. */
  mustBeNew?: boolean;
};

/**
 * PUT /contacts/{msisdn} and the Contacts page's dialog: creates the contact or replaces the fields
 * given (name, attributes, tags), keeping the others. The tag rows and the audit entry commit with it.
 */
export async function upsertContact(
  db: Db,
  accountId: string,
  rawMsisdn: unknown,
  body: unknown,
  { actor, mustBeNew = false }: UpsertContactOptions,
): Promise<{ contact: ContactView; created: boolean }> {
  const msisdn = contactMsisdn(rawMsisdn);
  const input = parseWith(contactInputSchema, body === undefined ? {} : body);
  return write(db, function* (t) {
    const now = new Date();
    const before = yield* findContact(t, accountId, msisdn);
    if (before && mustBeNew)
      throw new ValidationError(`Contact ${msisdn} already exists`, [{ path: 'msisdn', message: 'A contact with this number already exists' }]);
    const fields = {
      name: input.name !== undefined ? input.name : (before?.name ?? null),
      attributes: input.attributes ?? before?.attributes ?? {},
      tags: input.tags ?? before?.tags ?? [],
    };
    yield* writeContact(t, accountId, msisdn, fields, before, now);
    const after = (yield* findContact(t, accountId, msisdn))!;
    yield* insertAuditRow(
      t,
      actor,
      {
        accountId,
        action: before ? 'contact.update' : 'contact.create',
        entityType: 'contact',
        entityId: msisdn,
        summary: `${before ? 'Updated' : 'Added'} contact ${msisdn}${fields.name ? ` (${fields.name})` : ''}`,
        changes: before ? { before: auditFields(before), after: auditFields(after) } : { after: auditFields(after) },
      },
      now,
    );
    return { contact: toContactView(after, yield* isOptedOut(t, accountId, msisdn)), created: !before };
  });
}

function auditFields(c: { name: string | null; attributes: Record<string, string>; tags: string[] }) {
  return { name: c.name, attributes: c.attributes, tags: c.tags };
}
