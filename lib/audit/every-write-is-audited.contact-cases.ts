// The Contacts page's writes, for every-write-is-audited.test.ts (split from the console cases by domain).
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { upsertContact } from '@/lib/contacts/upsert-contact';
import { addOptOut } from '@/lib/contacts/add-opt-out';
import { action, idOf, write } from './every-write-is-audited.kit';

const CONTACTS = '(console)/contacts/actions.ts';
// A number no other case uses (each case is prepared on the same database).
const freshMsisdn = () => `+6593${crypto.randomInt(0, 1_000_000).toString().padStart(6, '0')}`;

export const CONTACT_WRITES = [
  // Contacts and opt-outs, from the Contacts page.
  write(`${CONTACTS} saveContactAction`, {
    action: 'contact.create',
    entityType: 'contact',
    table: 'Contact',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      return {
        call: action(c, k, { msisdn, isNew: true, contact: { name: 'From the page', tags: ['audit'] } }),
        bad: action(c, k, { msisdn, isNew: true, contact: { tags: 'not a list' } }),
        entityId: msisdn,
      };
    },
  }),
  write(`${CONTACTS} deleteContactAction`, {
    action: 'contact.delete',
    entityType: 'contact',
    table: 'Contact',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      await upsertContact(db, 'acme_corp', msisdn, { name: 'Doomed' }, { actor: SYSTEM_ACTOR });
      return { call: action(c, k, { msisdn }), bad: action(c, k, { msisdn: 'not a number' }), entityId: msisdn };
    },
  }),
  write(`${CONTACTS} importContactsAction`, {
    action: 'contact.import',
    entityType: 'contact',
    table: 'Contact',
    prepare: async (c, k) => {
      const form = (text: string) => {
        const f = new FormData();
        f.set('file', new File([text], 'people.csv', { type: 'text/csv' }));
        f.set('tag', 'audit-import');
        return f;
      };
      return { call: action(c, k, form(`phone,name\n${freshMsisdn()},Imported\n`)), bad: action(c, k, form('name\nNo phone column\n')), entityId: idOf };
    },
  }),
  write(`${CONTACTS} addOptOutAction`, {
    action: 'opt_out.add',
    entityType: 'opt_out',
    table: 'OptOut',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      return { call: action(c, k, { msisdn }), bad: action(c, k, { msisdn: 'not a number' }), entityId: msisdn };
    },
  }),
  write(`${CONTACTS} removeOptOutAction`, {
    action: 'opt_out.remove',
    entityType: 'opt_out',
    table: 'OptOut',
    prepare: async (c, k) => {
      const msisdn = freshMsisdn();
      await addOptOut(db, 'acme_corp', msisdn, { source: 'manual', actor: SYSTEM_ACTOR });
      return { call: action(c, k, { msisdn }), bad: action(c, k, { msisdn: freshMsisdn() }), entityId: msisdn };
    },
  }),
];
