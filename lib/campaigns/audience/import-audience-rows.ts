import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import Database from 'better-sqlite3';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { driveSqlite, read, write } from '@/lib/db/tx';
import type { Actor } from '@/lib/audit/record-audit-event';
import { audienceDecoder, detectEncoding, encodingFromBom, type AudienceEncoding } from '@/lib/campaigns/audience/audience-encoding';
import { bindColumns, checkRow, planAudience, valuesJson, type BoundAudience } from '@/lib/campaigns/audience/audience-mapping';
import { CsvReader } from '@/lib/campaigns/audience/csv-reader';
import { recipientNumber } from '@/lib/campaigns/audience/recipient-number';
import { NumberSet } from '@/lib/campaigns/audience/number-set';
import { type ImportDb, RecipientWriter, type SaveContacts } from '@/lib/campaigns/audience/recipient-writer';
import { detectDelimiter, detectMsisdnColumn, isBlankRow, SNIFF_BYTES } from '@/lib/campaigns/audience/sniff-audience';
import type { ParameterSource, RowError } from '@/lib/campaigns/campaign-spec';
import { contactsWithTagPage, countContactsWithTag } from '@/lib/contacts/contact-audience';
import { ValidationError } from '@/lib/errors';
import { INVALID_MSISDN, INVALID_PARAMETER } from '@/lib/messaging/codes';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import type { StoredTemplate } from '@/lib/templates/stored-template';
import { fillTemplateComponents } from '@/lib/templates/template-slots';

// A campaign's audience read, checked and stored, row by row as a stream (import-audience-worker.ts runs
// it in a worker thread with a connection of its own): a CSV file or the contacts with a tag. Each
// data row becomes one CampaignRecipient: pending (valid), invalid (with its problems), duplicate or
// opted_out, so valid + invalid + duplicates + optedOut = rows.

export type ImportJob = {
  /** The database the worker opens a connection of its own to: `file:<path>` (SQLite) or a PostgreSQL URL. */
  databaseUrl: string;
  campaignId: string;
  accountId: string;
  source: { kind: 'csv'; path: string } | { kind: 'tag'; tag: string };
  template: Pick<StoredTemplate, 'name' | 'language' | 'category' | 'components'>;
  parameters: Record<string, ParameterSource>;
  msisdnColumn?: string;
  defaultCountry?: string;
  /** Opted-out numbers are skipped (marketing templates only: utility and authentication still go to them). */
  skipOptedOut: boolean;
  saveContacts?: { tag: string; actor: Actor };
};

export type ImportCounts = { rows: number; valid: number; invalid: number; duplicates: number; optedOut: number };

export type ImportSummary = {
  columns: string[];
  msisdnColumn: string;
  slotKeys: string[];
  counts: ImportCounts;
  /** Valid recipients by calling code, for the cost estimate. */
  byCallingCode: Record<string, number>;
  encoding: AudienceEncoding | null;
  delimiter: string | null;
  savedContacts: number | null;
};

/** Rows read so far; `bytes` of `totalBytes` of the file (for a tag audience: contacts of the tag's count). */
export type ImportProgress = { rows: number; bytes: number; totalBytes: number };

const CHUNK = 1 << 20;
// The filled payload goes through checkSendParameters itself now and then: should the cheap row checks
// ever disagree with it, the row is refused rather than sent.
const FULL_CHECK_EVERY = 10_000;
const NAME_COLUMN = /^(name|full.?name|contact.?name)$/i;

/** Checks each row and hands it to the writer; keeps the counts. */
class RowImporter {
  readonly counts: ImportCounts = { rows: 0, valid: 0, invalid: 0, duplicates: 0, optedOut: 0 };
  readonly byCallingCode = new Map<string, number>();
  // E.164 numbers as numbers (15 digits fit a double exactly): a million take 16 MB.
  readonly #seen = new NumberSet();

  constructor(
    readonly audience: BoundAudience,
    private readonly job: ImportJob,
    private readonly optedOut: Set<string>,
    private readonly writer: RecipientWriter,
  ) {}

  row(cells: string[], line: number): void {
    const { audience, job, counts, writer } = this;
    counts.rows++;
    const raw = (cells[audience.msisdnIndex] ?? '').trim();
    if (cells.length !== audience.columns.length) {
      const error = { column: '', code: INVALID_PARAMETER, message: `The row has ${cells.length} cells; the header has ${audience.columns.length}` };
      this.#invalid(line, raw, null, [error]);
      return;
    }
    const number = raw ? recipientNumber(raw, job.defaultCountry) : null;
    const check = checkRow(audience, cells);
    if (!number) {
      const message = raw
        ? `'${raw}' is not a valid mobile number${job.defaultCountry ? ` (local numbers are read as ${job.defaultCountry} numbers)` : ': write it with its country code, or choose a default country'}`
        : 'The number is empty';
      this.#invalid(line, raw, null, [{ column: audience.msisdnColumn, code: INVALID_MSISDN, message }, ...(check.errors ?? [])]);
      return;
    }
    const key = Number(number.e164.slice(1));
    if (this.#seen.has(key)) {
      counts.duplicates++;
      writer.add(line, number.e164, number.country, 'duplicate', null, null);
      return;
    }
    if (job.skipOptedOut && this.optedOut.has(number.e164)) {
      counts.optedOut++;
      writer.add(line, number.e164, number.country, 'opted_out', null, null);
      return;
    }
    if (!check.errors && counts.valid % FULL_CHECK_EVERY === 0) check.errors = this.#fullCheck(check.values);
    if (check.errors) {
      this.#invalid(line, number.e164, number.country, check.errors);
      return;
    }
    this.#seen.add(key);
    counts.valid++;
    this.byCallingCode.set(number.callingCode, (this.byCallingCode.get(number.callingCode) ?? 0) + 1);
    writer.add(line, number.e164, number.country, 'pending', valuesJson(check.values), null);
    writer.addContact(number.e164, cells);
  }

  #invalid(line: number, msisdn: string, country: string | null, errors: RowError[]): void {
    this.counts.invalid++;
    this.writer.add(line, msisdn, country, 'invalid', null, JSON.stringify(errors));
  }

  #fullCheck(values: string[]): RowError[] | null {
    const byKey = Object.fromEntries(this.audience.slotKeys.map((k, i) => [k, values[i]]));
    const t = this.job.template;
    try {
      checkSendParameters(t as StoredTemplate, { name: t.name, language: t.language, components: fillTemplateComponents(t, byKey) });
      return null;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return [{ column: '', code: err.code, message: err.message }];
    }
  }
}

/** Whether the whole file is valid UTF-8, read a chunk at a time (a character may straddle two). */
async function fileIsUtf8(path: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(path, { highWaterMark: CHUNK })) {
    const bytes = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    // Back up over an incomplete sequence at the end: at most 3 continuation bytes after its lead byte.
    let cut = bytes.length;
    for (let k = 1; k <= 3 && k <= bytes.length; k++) {
      const b = bytes[bytes.length - k]!;
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > k) cut = bytes.length - k;
      break;
    }
    if (!isUtf8(bytes.subarray(0, cut))) return false;
    carry = Buffer.from(bytes.subarray(cut));
  }
  return carry.length === 0;
}

function readHead(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

type Sink = {
  header(columns: string[]): void;
  row(cells: string[], line: number): void;
  /** Waits for the rows handed over so far to be written (PostgreSQL; nothing to wait for on SQLite). */
  settle(): Promise<void> | undefined;
};

async function readCsvFile(path: string, sink: Sink, onProgress: (bytes: number, totalBytes: number) => void) {
  const totalBytes = fs.statSync(path).size;
  if (totalBytes === 0) throw new ValidationError('The file is empty', [{ path: 'file', message: 'The file is empty' }]);
  const head = readHead(path);
  const encoding = detectEncoding(head, encodingFromBom(head) ? true : await fileIsUtf8(path));
  const decoder = audienceDecoder(encoding);
  const delimiter = detectDelimiter(audienceDecoder(encoding).decode(head, head.length === totalBytes), head.length === totalBytes);
  let header: string[] | null = null;
  const reader = new CsvReader(delimiter, (cells, line) => {
    if (isBlankRow(cells)) return;
    if (header) return sink.row(cells, line);
    header = cells.map((c) => c.trim());
    sink.header(header);
  });
  let bytes = 0;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: CHUNK })) {
    bytes += (chunk as Buffer).length;
    reader.push(decoder.decode(chunk as Buffer));
    onProgress(bytes, totalBytes);
    await sink.settle();
  }
  reader.push(decoder.decode(new Uint8Array(0), true));
  reader.end();
  if (!header) throw new ValidationError('The file has no header row', [{ path: 'file', message: 'The first line must name the columns' }]);
  return { encoding, delimiter };
}

// The attribute names of the tag's contacts, for the header.
const ATTRIBUTE_NAMES = {
  sqlite: `SELECT DISTINCT je."key" AS "k" FROM "ContactTag" t JOIN "Contact" c ON c."accountId" = t."accountId" AND c."msisdn" = t."msisdn", json_each(c."attributes") je
     WHERE t."accountId" = ? AND t."tag" = ? ORDER BY je."key"`,
  postgres: `SELECT DISTINCT k AS "k" FROM "ContactTag" t JOIN "Contact" c ON c."accountId" = t."accountId" AND c."msisdn" = t."msisdn", jsonb_object_keys(c."attributes") k
     WHERE t."accountId" = ? AND t."tag" = ? ORDER BY k`,
};

async function readTag(db: ImportDb, accountId: string, tag: string, sink: Sink, onProgress: (done: number, total: number) => void) {
  const total = await db.read((t) => countContactsWithTag(t, accountId, tag));
  if (!total) return;
  const names = (await db.read((t) => t.all<{ k: string }>(ATTRIBUTE_NAMES[t.dialect], accountId, tag)))
    .map((r) => r.k)
    .filter((k) => k !== 'msisdn' && k !== 'name');
  sink.header(['msisdn', 'name', ...names]);
  let line = 1;
  let after = '';
  for (;;) {
    const page = await db.read((t) => contactsWithTagPage(t, accountId, tag, after, TAG_PAGE));
    for (const c of page) {
      sink.row([c.msisdn, c.name ?? '', ...names.map((n) => c.attributes[n] ?? '')], ++line);
      if (line % 10_000 === 0) onProgress(line - 1, total);
    }
    await sink.settle();
    if (page.length < TAG_PAGE) break;
    after = page.at(-1)!.msisdn;
  }
  onProgress(line - 1, total);
}

const TAG_PAGE = 1000;

export function openImportConnection(file: string): Database.Database {
  const conn = new Database(file, { fileMustExist: true, timeout: 10_000 });
  conn.pragma('synchronous = NORMAL');
  conn.pragma('cache_size = -16384');
  // The web process's checkpoint thread (lib/db/checkpoint-in-background.ts) keeps the WAL short.
  conn.pragma('wal_autocheckpoint = 20000');
  return conn;
}

/**
 * The import's own connection to `databaseUrl`: on SQLite a connection of the thread's own whose
 * writes run synchronously, each in a BEGIN IMMEDIATE transaction; on PostgreSQL a client of its own.
 */
export async function openImportDb(databaseUrl: string): Promise<ImportDb> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'sqlite') {
    const conn = openImportConnection(target.path);
    return {
      dialect: 'sqlite',
      write: (body) => conn.transaction(() => driveSqlite(conn, body)).immediate(),
      read: (body) => driveSqlite(conn, body),
      close: async () => void conn.close(),
    };
  }
  // Loaded here: on SQLite the thread needs no Prisma client.
  const { closeDb, createDb } = await import('@/lib/db/client');
  const client = createDb(target.url);
  return {
    dialect: 'postgres',
    write: (body) => write(client, body),
    read: (body) => read(client, body),
    close: () => closeDb(client),
  };
}

/** Reads, checks and stores the audience; a 400 (no such column, no header, no rows) stores nothing more. */
export async function importAudienceRows(job: ImportJob, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportSummary> {
  const db = await openImportDb(job.databaseUrl);
  const state: { importer: RowImporter | null; writer: RecipientWriter | null; reported: number } = { importer: null, writer: null, reported: 0 };
  try {
    const plan = planAudience(job.template, job.parameters);
    const optedOut = new Set(
      job.skipOptedOut
        ? (await db.read((t) => t.all<{ msisdn: string }>('SELECT "msisdn" FROM "OptOut" WHERE "accountId" = ?', job.accountId))).map((r) => r.msisdn)
        : [],
    );
    const sink: Sink = {
      header: (columns) => {
        const msisdnColumn = job.source.kind === 'tag' ? 'msisdn' : (job.msisdnColumn ?? detectMsisdnColumn(columns));
        if (!msisdnColumn)
          throw new ValidationError(`Name the column that holds the phone numbers: none of ${columns.map((c) => `"${c}"`).join(', ')} looks like one`, [
            { path: 'recipients.msisdnColumn', message: 'Name the column that holds the numbers' },
          ]);
        const audience = bindColumns(plan, columns, msisdnColumn);
        state.writer = new RecipientWriter(db, job.campaignId, job.accountId, job.saveContacts ? contactsPlan(job.saveContacts, audience) : null);
        state.importer = new RowImporter(audience, job, optedOut, state.writer);
      },
      row: (cells, line) => state.importer!.row(cells, line),
      settle: () => (db.dialect === 'sqlite' ? undefined : state.writer?.settle()),
    };
    let format: { encoding: AudienceEncoding | null; delimiter: string | null } = { encoding: null, delimiter: null };
    // Progress in bytes of the file, or contacts of the tag, at most every 50,000 rows and at the end.
    const progress = (done: number, total: number) => {
      const rows = state.importer?.counts.rows ?? 0;
      if (rows - state.reported >= 50_000 || done === total) {
        state.reported = rows;
        onProgress({ rows, bytes: done, totalBytes: total });
      }
    };
    if (job.source.kind === 'csv') format = await readCsvFile(job.source.path, sink, progress);
    else await readTag(db, job.accountId, job.source.tag, sink, progress);
    const { importer, writer } = state;
    if (!importer || !writer || importer.counts.rows === 0) {
      const why = job.source.kind === 'tag' ? `No contacts are tagged "${job.source.tag}"` : 'The file has a header but no rows';
      throw new ValidationError(`The audience is empty: ${why}`, [{ path: job.source.kind === 'tag' ? 'contactsTag' : 'file', message: why }]);
    }
    writer.flush(true);
    await writer.settle();
    const { audience } = importer;
    return {
      columns: audience.columns,
      msisdnColumn: audience.msisdnColumn,
      slotKeys: audience.slotKeys,
      counts: importer.counts,
      byCallingCode: Object.fromEntries(importer.byCallingCode),
      ...format,
      savedContacts: job.saveContacts ? writer.savedContacts : null,
    };
  } finally {
    // A refusal can come while batches are still being written (PostgreSQL): they finish before the connection goes.
    await state.writer?.settle().catch(() => {});
    await db.close();
  }
}

/** Which columns become the saved contacts' name and attributes: a "name" column, and every other one but the number. */
function contactsPlan(save: { tag: string; actor: Actor }, audience: BoundAudience): SaveContacts {
  const nameColumn = audience.columns.findIndex((c) => NAME_COLUMN.test(c));
  const attributeColumns = audience.columns
    .map((name, index) => ({ name, index }))
    .filter((c) => c.index !== nameColumn && c.index !== audience.msisdnIndex && c.name);
  return { tag: save.tag, actor: save.actor, nameColumn, attributeColumns };
}
