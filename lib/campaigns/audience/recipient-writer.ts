import type Database from 'better-sqlite3';
import type { Actor } from '@/lib/audit/record-audit-event';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { upsertContactsInTransaction, type ContactUpsertRow } from '@/lib/contacts/contact-rows';
import { statement } from '@/lib/db/sql';

// The import's writes: recipients in transactions of BATCH rows (a few milliseconds of the write lock
// each, so sends and API writes get their turn in between), inserted MULTI rows per statement, and the
// "save as contacts" rows beside them in the same transaction.

const BATCH = 4096;
const MULTI = 64;
const WIDTH = 7;
const COLUMNS = '("campaignId", "row", "msisdn", "country", "status", "values", "errors")';
const ONE = `INSERT INTO "CampaignRecipient" ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?)`;
const MANY = `INSERT INTO "CampaignRecipient" ${COLUMNS} VALUES ${Array.from({ length: MULTI }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`;

export type SaveContacts = { tag: string; actor: Actor; nameColumn: number; attributeColumns: { name: string; index: number }[] };

export class RecipientWriter {
  // Rows gathered MULTI at a time, one statement's parameters each, so that nothing is copied at commit.
  #full: unknown[][] = [];
  #params: unknown[] = [];
  #rows = 0;
  #contacts: ContactUpsertRow[] = [];
  #saved = 0;

  constructor(
    private readonly conn: Database.Database,
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
    const write = this.conn.transaction(() => {
      const many = statement(this.conn, MANY);
      const one = statement(this.conn, ONE);
      for (const p of full) many.run(p);
      for (let i = 0; i < params.length; i += WIDTH) one.run(params.slice(i, i + WIDTH));
      const now = new Date();
      if (contacts.length) this.#saved += upsertContactsInTransaction(this.conn, this.accountId, contacts, now).upserted;
      if (last && this.saveContacts) {
        insertAuditRow(
          this.conn,
          this.saveContacts.actor,
          {
            accountId: this.accountId,
            action: 'contact.import',
            entityType: 'contact',
            entityId: this.saveContacts.tag,
            summary: `Saved ${this.#saved} campaign recipients as contacts tagged "${this.saveContacts.tag}"`,
            changes: { tag: this.saveContacts.tag, contacts: this.#saved, campaignId: this.campaignId },
          },
          now,
        );
      }
    });
    write.immediate();
  }
}

/** Removes a campaign's recipients a batch at a time (a failed import's, a deleted draft's). */
export function deleteRecipientsBatch(conn: Database.Database, campaignId: string, limit = 5000): number {
  return statement(
    conn,
    `DELETE FROM "CampaignRecipient" WHERE "campaignId" = ? AND "row" IN (SELECT "row" FROM "CampaignRecipient" WHERE "campaignId" = ? ORDER BY "row" LIMIT ?)`,
  ).run(campaignId, campaignId, limit).changes;
}
