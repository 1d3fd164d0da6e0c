'use server';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { accountAction } from '@/app/_lib/action';
import { ValidationError } from '@/lib/errors';
import { upsertContact } from '@/lib/contacts/upsert-contact';
import { deleteContact } from '@/lib/contacts/delete-contact';
import { importContactsCsv } from '@/lib/contacts/import-contacts-csv';
import { addOptOut } from '@/lib/contacts/add-opt-out';
import { removeOptOut } from '@/lib/contacts/remove-opt-out';

const number = z.object({ msisdn: z.string().max(64, 'Not a phone number') });

// The fields themselves are checked by lib/contacts (the API's schema), which names each one that is wrong.
export const saveContactAction = accountAction(
  'contacts.manage',
  z.object({ msisdn: z.string().max(64, 'Not a phone number'), isNew: z.boolean().optional(), contact: z.unknown() }),
  async (input, ctx) => {
    const { contact } = await upsertContact(db, ctx.accountId, input.msisdn, input.contact, { actor: ctx.actor, mustBeNew: input.isNew });
    return contact;
  },
);

export const deleteContactAction = accountAction('contacts.manage', number, async (input, ctx) => deleteContact(db, ctx.accountId, input.msisdn, ctx.actor));

export const importContactsAction = accountAction(
  'contacts.manage',
  z.custom<FormData>((v) => v instanceof FormData, 'Send the file as form data'),
  async (form, ctx) => {
    const file = form.get('file');
    if (!file || typeof file === 'string') throw new ValidationError('Choose a CSV file to import', [{ path: 'file', message: 'Choose a CSV file to import' }]);
    const text = (k: string) => (typeof form.get(k) === 'string' ? (form.get(k) as string) : null);
    return importContactsCsv(
      db,
      ctx.accountId,
      { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || 'contacts.csv', defaultCountry: text('defaultCountry'), tag: text('tag') },
      ctx.actor,
    );
  },
);

export const addOptOutAction = accountAction('contacts.manage', number, async (input, ctx) => {
  const { optOut, created } = await addOptOut(db, ctx.accountId, input.msisdn, { source: 'manual', actor: ctx.actor });
  return { ...optOut, created };
});

export const removeOptOutAction = accountAction('contacts.manage', number, async (input, ctx) => removeOptOut(db, ctx.accountId, input.msisdn, ctx.actor));
