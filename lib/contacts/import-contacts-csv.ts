import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/db/sql';
import { write } from '@/lib/db/tx';
import { PayloadTooLargeError, ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { MAX_ATTRIBUTE_VALUE, MAX_ATTRIBUTES, MAX_NAME, tagSchema } from '@/lib/contacts/contact-input';
import { contactMsisdn } from '@/lib/contacts/contact-msisdn';
import { upsertContactsInTransaction, type ContactUpsertRow } from '@/lib/contacts/contact-rows';
import { CONTACT_CSV_COLUMNS } from '@/lib/contacts/export-contacts-csv';
import { readCsvTable } from '@/lib/contacts/read-csv-table';

// The Contacts page's import: a CSV with a phone column, maybe a name and tags, every other column an
// attribute. Rows that cannot be stored are reported (row, column, reason) and left out; the others are
// upserted as the campaign import does (name replaced, attributes merged, tags added), in one transaction.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
// A report longer than this is not read; the count says how many more there were.
const MAX_REPORTED = 1000;

const squash = (h: string) => h.toLowerCase().replace(/[\s_.-]/g, '');
const PHONE_HEADERS = [
  'phone',
  'msisdn',
  'mobile',
  'number',
  'phonenumber',
  'mobilenumber',
  'whatsapp',
  'whatsappnumber',
  'tel',
  'telephone',
  'cell',
  'cellphone',
];
const NAME_HEADERS = ['name', 'fullname', 'contactname'];
const TAG_HEADERS = ['tags', 'tag'];
// Written by the export, meaningless on the way in.
const IGNORED = new Set(CONTACT_CSV_COLUMNS.filter((c) => c !== 'msisdn' && c !== 'name' && c !== 'tags').map(squash));

export type ImportProblem = { row: number; column: string; message: string };
export type ImportReport = {
  id: string | null;
  rows: number;
  imported: number;
  created: number;
  updated: number;
  problems: ImportProblem[];
  /** Problems beyond those listed. */
  moreProblems: number;
  columns: { phone: string; name: string | null; tags: string | null; attributes: string[] };
};

export type ImportInput = { bytes: Uint8Array; fileName: string; defaultCountry?: string | null; tag?: string | null };

type Columns = { phone: number; name: number; tags: number; attributes: { index: number; key: string }[] };

function findColumns(header: string[]): Columns {
  const find = (names: string[]) => header.findIndex((h) => names.includes(squash(h)));
  const phone = find(PHONE_HEADERS);
  if (phone < 0) {
    throw new ValidationError(`The file has no phone column: name one of its columns phone, msisdn or mobile (found ${header.filter(Boolean).join(', ')})`, [
      { path: 'file', message: 'No phone column (phone, msisdn, mobile, number)' },
    ]);
  }
  const name = find(NAME_HEADERS);
  const tags = find(TAG_HEADERS);
  const attributes = header
    .map((h, index) => ({ index, key: h.replace(/^attribute:/i, '').trim() }))
    .filter((c) => c.key && c.index !== phone && c.index !== name && c.index !== tags && !IGNORED.has(squash(header[c.index]!)))
    .slice(0, MAX_ATTRIBUTES);
  return { phone, name, tags, attributes };
}

/** The number as E.164; without a "+", read first as a national number of `country` when one is given. */
function importMsisdn(raw: string, country: CountryCode | null): string {
  if (country && !raw.trim().startsWith('+')) {
    const local = parsePhoneNumberFromString(raw, country);
    if (local?.isValid()) return local.number;
  }
  return contactMsisdn(raw);
}

function countryOf(raw: string | null | undefined): CountryCode | null {
  if (!raw) return null;
  if (!/^[A-Za-z]{2}$/.test(raw))
    throw new ValidationError("Invalid parameter(s): 'defaultCountry'", [{ path: 'defaultCountry', message: 'A country code such as SG' }]);
  return raw.toUpperCase() as CountryCode;
}

/**
 * Reads the file, validates every row and upserts the good ones with `tag` (if given) added to each.
 * A file that cannot be read at all (no phone column, too large) is refused whole; a bad row is reported.
 */
export async function importContactsCsv(db: Db, accountId: string, input: ImportInput, actor: Actor): Promise<ImportReport> {
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new PayloadTooLargeError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const country = countryOf(input.defaultCountry);
  const tag = input.tag?.trim() ? parseTag(input.tag) : null;
  const { header, rows } = readCsvTable(input.bytes, MAX_IMPORT_ROWS);
  const cols = findColumns(header);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const good: ContactUpsertRow[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const problem = (column: number, message: string) => problems.push({ row, column: header[column] || `column ${column + 1}`, message });
    const rawPhone = (cells[cols.phone] ?? '').trim();
    if (!rawPhone) return problem(cols.phone, 'No phone number');
    let msisdn: string;
    try {
      msisdn = importMsisdn(rawPhone, country);
    } catch {
      return problem(
        cols.phone,
        `"${rawPhone}" is not a phone number${country ? '' : ' with its country code (e.g. +6591234567), or choose a default country'}`,
      );
    }
    const first = seen.get(msisdn);
    if (first) return problem(cols.phone, `Same number as row ${first}: left out`);
    seen.set(msisdn, row);
    const name = cols.name >= 0 ? (cells[cols.name] ?? '').trim() : '';
    if (name.length > MAX_NAME) return problem(cols.name, `The name is longer than ${MAX_NAME} characters`);
    const attributes: Record<string, string> = {};
    for (const a of cols.attributes) {
      const value = (cells[a.index] ?? '').trim();
      if (value.length > MAX_ATTRIBUTE_VALUE) return problem(a.index, `Longer than ${MAX_ATTRIBUTE_VALUE} characters`);
      if (value) attributes[a.key] = value;
    }
    const tags = cols.tags >= 0 ? splitTags(cells[cols.tags] ?? '') : [];
    const badTag = tags.find((t) => !tagSchema.safeParse(t).success);
    if (badTag !== undefined) return problem(cols.tags, `The tag "${badTag.slice(0, 80)}" is longer than 64 characters`);
    good.push({ msisdn, name: name || null, attributes, tags: tag ? [...tags, tag] : tags });
  });

  const report: ImportReport = {
    id: null,
    rows: rows.length,
    imported: good.length,
    created: 0,
    updated: 0,
    problems: problems.slice(0, MAX_REPORTED),
    moreProblems: Math.max(0, problems.length - MAX_REPORTED),
    columns: {
      phone: header[cols.phone]!,
      name: cols.name >= 0 ? header[cols.name]! : null,
      tags: cols.tags >= 0 ? header[cols.tags]! : null,
      attributes: cols.attributes.map((a) => a.key),
    },
  };
  if (!good.length) return report;
  const id = `import_${newId()}`;
  return write(db, function* (t) {
    const now = new Date();
    const { created } = yield* upsertContactsInTransaction(t, accountId, good, now);
    yield* insertAuditRow(
      t,
      actor,
      {
        accountId,
        action: 'contact.import',
        entityType: 'contact',
        entityId: id,
        summary: `Imported ${good.length} contact${good.length === 1 ? '' : 's'} from ${input.fileName} (${created} new, ${good.length - created} updated${
          problems.length ? `, ${problems.length} row${problems.length === 1 ? '' : 's'} left out` : ''
        })${tag ? ` with the tag ${tag}` : ''}`,
        changes: { file: input.fileName, rows: rows.length, imported: good.length, created, problems: problems.length, tag },
      },
      now,
    );
    return { ...report, id, created, updated: good.length - created };
  });
}

function parseTag(raw: string): string {
  const r = tagSchema.safeParse(raw);
  if (!r.success) throw new ValidationError("Invalid parameter(s): 'tag'", [{ path: 'tag', message: r.error.issues[0]?.message ?? 'Not a tag' }]);
  return r.data;
}

/** "vip; newsletter" or "vip,newsletter" (the export writes ";"). */
function splitTags(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}
