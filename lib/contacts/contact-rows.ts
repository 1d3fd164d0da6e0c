import { ValidationError } from '@/lib/errors';
import { readDate, readJson, sqlDate } from '@/lib/db/sql';
import type { Dialect, Step, Tx } from '@/lib/db/tx';
import { MAX_ATTRIBUTE_KEY, MAX_ATTRIBUTE_VALUE, MAX_ATTRIBUTES, MAX_NAME, MAX_TAG } from '@/lib/contacts/contact-input';

// Contact rows in SQL, inside the caller's write transaction: the API's and the page's writes, and the
// campaign import's "save these recipients as contacts" (many rows in its own transaction). Contact.tags
// (a JSON list, for display) and the ContactTag rows (for filters) always change together here.

export type ContactRow = {
  msisdn: string;
  name: string | null;
  attributes: Record<string, string>;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
};

export type ContactFields = Pick<ContactRow, 'name' | 'attributes' | 'tags'>;

type StoredContact = { msisdn: string; name: string | null; attributes: string; tags: string; createdAt: string; updatedAt: string };

export function readContactRow(r: StoredContact): ContactRow {
  return {
    msisdn: r.msisdn,
    name: r.name,
    attributes: readJson<Record<string, string>>(r.attributes) ?? {},
    tags: readJson<string[]>(r.tags) ?? [],
    createdAt: readDate(r.createdAt),
    updatedAt: readDate(r.updatedAt),
  };
}

export function* findContact(t: Tx, accountId: string, msisdn: string): Step<ContactRow | null> {
  const r = yield* t.one<StoredContact>('SELECT * FROM "Contact" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn);
  return r ? readContactRow(r) : null;
}

/** Stores the contact as given (every field replaced), its tag rows brought in step with `fields.tags`. */
export function* writeContact(t: Tx, accountId: string, msisdn: string, fields: ContactFields, before: ContactRow | null, now: Date): Step<void> {
  yield* t.run(
    `INSERT INTO "Contact" ("accountId", "msisdn", "name", "attributes", "tags", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT ("accountId", "msisdn") DO UPDATE SET "name" = excluded."name", "attributes" = excluded."attributes", "tags" = excluded."tags", "updatedAt" = excluded."updatedAt"`,
    accountId,
    msisdn,
    fields.name,
    JSON.stringify(fields.attributes),
    JSON.stringify(fields.tags),
    sqlDate(before?.createdAt ?? now),
    sqlDate(now),
  );
  const had = new Set(before?.tags ?? []);
  const has = new Set(fields.tags);
  for (const tag of had) {
    if (!has.has(tag)) yield* t.run('DELETE FROM "ContactTag" WHERE "accountId" = ? AND "tag" = ? AND "msisdn" = ?', accountId, tag, msisdn);
  }
  for (const tag of has) if (!had.has(tag)) yield* addTagRow(t, accountId, tag, msisdn);
}

/** Removes the contact and its tag rows; false when there was none. */
export function* deleteContactRow(t: Tx, accountId: string, msisdn: string): Step<boolean> {
  if ((yield* t.run('DELETE FROM "Contact" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn)) === 0) return false;
  yield* t.run('DELETE FROM "ContactTag" WHERE "accountId" = ? AND "msisdn" = ?', accountId, msisdn);
  return true;
}

function* addTagRow(t: Tx, accountId: string, tag: string, msisdn: string): Step<boolean> {
  return (yield* t.run('INSERT INTO "ContactTag" ("accountId", "tag", "msisdn") VALUES (?, ?, ?) ON CONFLICT DO NOTHING', accountId, tag, msisdn)) > 0;
}

export type ContactUpsertRow = { msisdn: string; name?: string | null; attributes?: Record<string, string>; tags?: string[] };

const E164 = /^\+[1-9]\d{5,14}$/;

// A name given replaces the stored one; attributes given are merged into the stored ones (a CSV's
// columns add to what the contact had); tags are only ever added. The values are non-empty strings, so
// SQLite's json_patch and PostgreSQL's jsonb || merge alike.
const MERGE: Record<Dialect, string> = {
  sqlite: mergeSql('json_patch("Contact"."attributes", excluded."attributes")'),
  postgres: mergeSql('"Contact"."attributes" || excluded."attributes"'),
};
function mergeSql(mergedAttributes: string): string {
  return `INSERT INTO "Contact" ("accountId", "msisdn", "name", "attributes", "tags", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, '[]', ?, ?)
  ON CONFLICT ("accountId", "msisdn") DO UPDATE SET
    "name" = coalesce(excluded."name", "Contact"."name"),
    "attributes" = ${mergedAttributes},
    "updatedAt" = excluded."updatedAt"`;
}
const APPEND_TAG: Record<Dialect, string> = {
  sqlite: `UPDATE "Contact" SET "tags" = json_insert("tags", '$[#]', ?) WHERE "accountId" = ? AND "msisdn" = ?`,
  postgres: `UPDATE "Contact" SET "tags" = "tags" || jsonb_build_array(CAST(? AS TEXT)) WHERE "accountId" = ? AND "msisdn" = ?`,
};
const COUNT = 'SELECT count(*) AS "n" FROM "Contact" WHERE "accountId" = ?';

/**
 * Upserts many contacts inside the caller's write transaction (a campaign's CSV, the Contacts page's
 * import): a name given replaces the stored one, attributes are merged in, tags are added (no other tag
 * is dropped). Numbers must already be E.164 (the caller validated them: parsing a million numbers
 * again would cost more than storing them); what does not fit a contact's limits is cut to them, as a
 * spreadsheet's cells are data, not a request to refuse. Answers how many rows were stored and how many
 * of them are new contacts.
 */
export function* upsertContactsInTransaction(
  t: Tx,
  accountId: string,
  rows: Iterable<ContactUpsertRow>,
  now: Date,
): Step<{ upserted: number; created: number }> {
  const before = ((yield* t.one<{ n: number }>(COUNT, accountId))?.n ?? 0) as number;
  const merge = MERGE[t.dialect];
  const appendTag = APPEND_TAG[t.dialect];
  const at = sqlDate(now);
  let upserted = 0;
  for (const row of rows) {
    if (!E164.test(row.msisdn)) {
      throw new ValidationError(`Invalid MSISDN: '${row.msisdn}' is not an E.164 number`, [{ path: 'msisdn', message: 'Must be an E.164 number' }], 1002);
    }
    const name = row.name?.trim().slice(0, MAX_NAME) || null;
    yield* t.run(merge, accountId, row.msisdn, name, JSON.stringify(fitAttributes(row.attributes)), at, at);
    for (const raw of row.tags ?? []) {
      const tag = raw.trim().slice(0, MAX_TAG);
      if (tag && (yield* addTagRow(t, accountId, tag, row.msisdn))) yield* t.run(appendTag, tag, accountId, row.msisdn);
    }
    upserted++;
  }
  const after = ((yield* t.one<{ n: number }>(COUNT, accountId))?.n ?? 0) as number;
  return { upserted, created: after - before };
}

/** The attributes a row may add: non-empty values, names and values cut to their limits. */
function fitAttributes(attributes: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!attributes) return out;
  let n = 0;
  for (const [k, v] of Object.entries(attributes)) {
    const key = k.trim().slice(0, MAX_ATTRIBUTE_KEY);
    const value = String(v ?? '').slice(0, MAX_ATTRIBUTE_VALUE);
    if (!key || !value.trim() || n >= MAX_ATTRIBUTES) continue;
    out[key] = value;
    n++;
  }
  return out;
}
