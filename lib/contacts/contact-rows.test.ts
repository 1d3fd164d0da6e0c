import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { dialectOf, read, write } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { seedDemoTenant } from '@/test/factories';
import { upsertContactsInTransaction } from '@/lib/contacts/contact-rows';
import { contactsWithTagPage, countContactsWithTag } from '@/lib/contacts/contact-audience';
import { upsertContact } from '@/lib/contacts/upsert-contact';
import { getContact } from '@/lib/contacts/get-contact';
import { contactsPageQuery } from '@/lib/contacts/list-contacts';

// The helpers the campaign import calls inside its own transaction, and the audience reader.

beforeAll(seedDemoTenant);

describe('upsertContactsInTransaction', () => {
  it('creates new contacts and merges into existing ones: name replaced when given, attributes merged, tag added without dropping others', async () => {
    await upsertContact(
      db,
      'acme_corp',
      '+6597000001',
      { name: 'Kept', attributes: { city: 'Singapore', plan: 'gold' }, tags: ['vip'] },
      { actor: SYSTEM_ACTOR },
    );
    const result = await write(db, (t) =>
      upsertContactsInTransaction(
        t,
        'acme_corp',
        [
          { msisdn: '+6597000001', attributes: { plan: 'silver', order: 'A-1' }, tags: ['summer'] },
          { msisdn: '+6597000002', name: 'New one', attributes: { order: 'A-2', empty: '  ' }, tags: ['summer'] },
          { msisdn: '+6597000003', name: '' },
        ],
        new Date(),
      ),
    );
    expect(result).toEqual({ upserted: 3, created: 2 });
    expect(await getContact(db, 'acme_corp', '+6597000001')).toMatchObject({
      name: 'Kept',
      attributes: { city: 'Singapore', plan: 'silver', order: 'A-1' },
      tags: ['vip', 'summer'],
    });
    expect(await getContact(db, 'acme_corp', '+6597000002')).toMatchObject({ name: 'New one', attributes: { order: 'A-2' }, tags: ['summer'] });
    expect(await getContact(db, 'acme_corp', '+6597000003')).toMatchObject({ name: null, attributes: {}, tags: [] });

    // The same rows again: nothing new, no tag twice.
    const again = await write(db, (t) => upsertContactsInTransaction(t, 'acme_corp', [{ msisdn: '+6597000001', tags: ['summer', 'vip'] }], new Date()));
    expect(again).toEqual({ upserted: 1, created: 0 });
    expect((await getContact(db, 'acme_corp', '+6597000001')).tags).toEqual(['vip', 'summer']);
    expect(await db.contactTag.count({ where: { accountId: 'acme_corp', msisdn: '+6597000001' } })).toBe(2);
  });

  it('rolls back with the caller: a throw later in the transaction keeps none of the rows', async () => {
    await expect(
      write(db, function* (t) {
        yield* upsertContactsInTransaction(t, 'acme_corp', [{ msisdn: '+6597000009', tags: ['doomed'] }], new Date());
        throw new Error('the campaign import failed');
      }),
    ).rejects.toThrow('the campaign import failed');
    expect(await db.contact.count({ where: { msisdn: '+6597000009' } })).toBe(0);
    expect(await db.contactTag.count({ where: { tag: 'doomed' } })).toBe(0);
  });

  it('refuses a number that is not E.164 (the caller validates numbers first)', async () => {
    await expect(write(db, (t) => upsertContactsInTransaction(t, 'acme_corp', [{ msisdn: '6597000010' }], new Date()))).rejects.toMatchObject({
      code: 1002,
    });
  });
});

describe('contactsWithTagPage', () => {
  it('reads every contact with the tag, in number order, page by page, while the caller writes between pages', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ msisdn: `+65980${String(24 - i).padStart(5, '0')}`, name: `A${i}`, tags: ['audience'] }));
    await write(db, (t) => upsertContactsInTransaction(t, 'acme_corp', rows, new Date()));
    await write(db, (t) => upsertContactsInTransaction(t, 'acme_corp', [{ msisdn: '+6598099999', tags: ['other'] }], new Date()));
    const seen = await write(db, function* (t) {
      const out: { msisdn: string; name: string | null }[] = [];
      for (let after = ''; ; ) {
        const page = yield* contactsWithTagPage(t, 'acme_corp', 'audience', after, 10);
        for (const c of page) {
          out.push({ msisdn: c.msisdn, name: c.name });
          // What a campaign import does between rows: write in the same transaction.
          yield* t.run('UPDATE "Contact" SET "name" = "name" WHERE "msisdn" = ?', c.msisdn);
        }
        if (page.length < 10) return out;
        after = page.at(-1)!.msisdn;
      }
    });
    expect(seen.map((r) => r.msisdn)).toEqual(rows.map((r) => r.msisdn).sort());
    expect(await read(db, (t) => countContactsWithTag(t, 'acme_corp', 'audience'))).toBe(25);
    expect(await read(db, (t) => contactsWithTagPage(t, 'globex', 'audience', ''))).toEqual([]);
  });
});

describe('the contacts list query', () => {
  // SQLite's plan: PostgreSQL's planner chooses by its statistics, and EXPLAIN QUERY PLAN is SQLite's.
  it.skipIf(dialectOf(db) === 'postgres')('walks the (accountId, updatedAt, msisdn) index in order, with or without a cursor, never sorting', async () => {
    for (const cursor of [null, { createdAt: new Date(), id: '+1' }]) {
      for (const filters of [{}, { tag: 'vip' }, { search: 'Ada' }, { tag: 'vip', search: '9123' }]) {
        const q = contactsPageQuery('acme_corp', filters, cursor, 10);
        const steps = (await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${q.sql}`, ...q.params)).map((d) => d.detail).join('\n');
        expect(steps, JSON.stringify(filters)).toMatch(/SEARCH c USING (COVERING )?INDEX Contact_accountId_updatedAt_msisdn_idx/);
        expect(steps, JSON.stringify(filters)).not.toContain('TEMP B-TREE');
      }
    }
  });
});
