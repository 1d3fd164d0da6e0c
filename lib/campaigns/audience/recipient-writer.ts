import type { Actor } from '@/lib/audit/record-audit-event';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { upsertContactsInTransaction, type ContactUpsertRow } from '@/lib/contacts/contact-rows';
import type { Body, Dialect, Step, Tx } from '@/lib/db/tx';

// The import's writes: recipients in transactions of BATCH rows (a few milliseconds of the write lock
// each, so sends and API writes get their turn in between), inserted MULTI rows per statement, and the
// "save as contacts" rows beside them in the same transaction. On SQLite a batch is written at once,
// synchronously; on PostgreSQL the batches are written one after another while the reading goes on,
// and the reader waits for them (settle) before it reads more.

const BATCH = 4096;
const MULTI = 64;
const WIDTH = 7;
const COLUMNS = '("campaignId", "row", "msisdn", "country", "status", "values", "errors")';
const ONE = `INSERT INTO "CampaignRecipient" ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)`;
const MANY = `INSERT INTO "CampaignRecipient" ${COLUMNS} VALUES ${Array.from({ length: MULTI }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

export type SaveContacts = { tag: string; actor: Actor; nameColumn: number; attributeColumns: { name: string; index: number }[] };

/**
 * The import's own connection (import-audience-rows.ts opens it): `write` runs a body in a write
 * transaction of its own, synchronously on SQLite (the value itself), a promise on PostgreSQL.
 */
export type ImportDb = {
  readonly dialect: Dialect;
  write<T>(body: Body<T>): T | Promise<T>;
  read<T>(body: Body<T>): T | Promise<T>;
  close(): Promise<void>;
};

export class RecipientWriter {
  // Rows gathered MULTI at a time, one statement's parameters each, so that nothing is copied at commit.
  #full: unknown[][] = [];
  #params: unknown[] = [];
  #rows = 0;
  #contacts: ContactUpsertRow[] = [];
  #saved = 0;
  // PostgreSQL: the batches being written, in order (a failed one fails settle()).
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ImportDb,
    private readonly campaignId: string,
    private readonly accountId: string,
    private readonly saveContacts: SaveContacts | null,
  ) {}

  add(row: number, msisdn: string, country: string | null, status: RecipientStatus, values: string | null, errors: string | null): void {
    const p = this.#params;
    p.push(this.campaignId, row, msisdn, country, status, values, errors);
    if (p.length === MULTI * WIDTH) {
      this.#full.push(p);
      this.#params = [];
    }
    if (++this.#rows >= BATCH) this.flush();
  }

  /** A valid recipient to keep as a contact with the tag (name and the other columns as attributes). */
  addContact(msisdn: string, cells: readonly string[]): void {
    const s = this.saveContacts;
    if (!s) return;
    const attributes: Record<string, string> = {};
    for (const a of s.attributeColumns) {
      const v = cells[a.index]?.trim();
      if (v) attributes[a.name] = v;
    }
    this.#contacts.push({ msisdn, name: s.nameColumn >= 0 ? cells[s.nameColumn]?.trim() || null : null, attributes, tags: [s.tag] });
  }

  get savedContacts(): number {
    return this.#saved;
  }

  /** Writes what is batched in one write transaction; `last` also records the contacts' audit entry. */
  flush(last = false): void {
    const full = this.#full;
    const params = this.#params;
    const contacts = this.#contacts;
    if (!this.#rows && !contacts.length && !(last && this.saveContacts)) return;
    this.#full = [];
    this.#params = [];
    this.#rows = 0;
    this.#contacts = [];
    const batch = () => this.#batch(full, params, contacts, last);
    if (this.db.dialect === 'sqlite') {
      this.#saved += this.db.write(batch()) as number;
      return;
    }
    this.#pending = this.#pending.then(async () => {
      this.#saved += await this.db.write(batch());
    });
    // Handled here so that a failure waits for settle() instead of ending the thread.
    this.#pending.catch(() => {});
  }

  /** Resolves once every batch handed over so far is written; rejects with the first failure. */
  settle(): Promise<void> {
    return this.#pending;
  }

  /** One batch's body (run again whole on a PostgreSQL conflict, so it changes nothing but the database); answers the contacts saved. */
  #batch(full: unknown[][], params: unknown[], contacts: ContactUpsertRow[], last: boolean): Body<number> {
    const { campaignId, accountId, saveContacts } = this;
    const savedBefore = this.#saved;
    return function* (t) {
      for (const p of full) yield* t.run(MANY, ...p);
      for (let i = 0; i < params.length; i += WIDTH) yield* t.run(ONE, ...params.slice(i, i + WIDTH));
      const now = new Date();
      const saved = contacts.length ? (yield* upsertContactsInTransaction(t, accountId, contacts, now)).upserted : 0;
      if (last && saveContacts) {
        yield* insertAuditRow(
          t,
          saveContacts.actor,
          {
            accountId,
            action: 'contact.import',
            entityType: 'contact',
            entityId: saveContacts.tag,
            summary: `Saved ${savedBefore + saved} campaign recipients as contacts tagged "${saveContacts.tag}"`,
            changes: { tag: saveContacts.tag, contacts: savedBefore + saved, campaignId },
          },
          now,
        );
      }
      return saved;
    };
  }
}

/** Removes a campaign's recipients a batch at a time (a failed import's, a deleted draft's). */
export function* deleteRecipientsBatch(t: Tx, campaignId: string, limit = 5000): Step<number> {
  return yield* t.run(
    `DELETE FROM "CampaignRecipient" WHERE "campaignId" = ? AND "row" IN (SELECT "row" FROM "CampaignRecipient" WHERE "campaignId" = ? ORDER BY "row" LIMIT ?)`,
    campaignId,
    campaignId,
    limit,
  );
}
