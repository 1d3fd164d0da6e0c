import type { Db } from '@/lib/db/client';
import { read } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { findContact } from '@/lib/contacts/contact-rows';
import { toContactView, type ContactView } from '@/lib/contacts/contact-view';
import { isOptedOut } from '@/lib/contacts/opt-out-rows';

/** One contact of the account; another account's number is as missing as an unknown one. */
export async function getContact(db: Db, accountId: string, rawMsisdn: unknown): Promise<ContactView> {
  const msisdn = contactMsisdn(rawMsisdn);
  return read(db, function* (t) {
    const row = yield* findContact(t, accountId, msisdn);
    if (!row) throw new NotFoundError(`Contact '${msisdn}' not found`);
    return toContactView(row, yield* isOptedOut(t, accountId, msisdn));
  });
}
