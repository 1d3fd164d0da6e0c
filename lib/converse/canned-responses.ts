import type { Db } from '@/lib/db/client';
import { all, newId, one, readNow, run, sqlDate, writeTransaction, type Sqlite } from '@/lib/db/sql';
import { parseWith } from '@/lib/api/read-json';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { cannedResponseSchema } from '@/lib/converse/converse-schemas';
import { requireSupervisor, type ConverseViewer } from '@/lib/converse/converse-viewer';

// Quick replies per account: an agent types "/" in the reply box and picks one by its shortcut.
// Every agent uses them; supervisors and administrators write them.

export type CannedResponse = { id: string; shortcut: string; text: string };

export async function listCannedResponses(db: Db, viewer: ConverseViewer): Promise<CannedResponse[]> {
  return readNow(db, (conn) =>
    all<CannedResponse>(conn, 'SELECT "id", "shortcut", "text" FROM "CannedResponse" WHERE "accountId" = ? ORDER BY "shortcut"', viewer.accountId),
  );
}

function takenShortcut(conn: Sqlite, accountId: string, shortcut: string, except: string | null): void {
  const other = one<{ id: string }>(conn, 'SELECT "id" FROM "CannedResponse" WHERE "accountId" = ? AND "shortcut" = ?', accountId, shortcut);
  if (other && other.id !== except) {
    throw new ValidationError(`The shortcut /${shortcut} is taken`, [{ path: 'shortcut', message: `/${shortcut} is already a quick reply of this account` }]);
  }
}

function find(conn: Sqlite, accountId: string, id: string): CannedResponse {
  const r = one<CannedResponse>(conn, 'SELECT "id", "shortcut", "text" FROM "CannedResponse" WHERE "id" = ? AND "accountId" = ?', id, accountId);
  if (!r) throw new NotFoundError(`Quick reply '${id}' not found`);
  return r;
}

function audit(conn: Sqlite, viewer: ConverseViewer, action: string, r: CannedResponse, summary: string, changes: object, at: Date) {
  insertAuditRow(conn, viewer.actor, { accountId: viewer.accountId, action, entityType: 'canned_response', entityId: r.id, summary, changes }, at);
}

export async function createCannedResponse(db: Db, viewer: ConverseViewer, body: unknown): Promise<CannedResponse> {
  requireSupervisor(viewer, 'write quick replies');
  const input = parseWith(cannedResponseSchema, body === undefined ? {} : body);
  return writeTransaction(db, (conn) => {
    const at = new Date();
    takenShortcut(conn, viewer.accountId, input.shortcut, null);
    const r = { id: newId(), ...input };
    run(
      conn,
      'INSERT INTO "CannedResponse" ("id", "accountId", "shortcut", "text", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)',
      r.id,
      viewer.accountId,
      r.shortcut,
      r.text,
      sqlDate(at),
      sqlDate(at),
    );
    audit(conn, viewer, 'converse.canned.create', r, `Quick reply /${r.shortcut} added`, { after: input }, at);
    return r;
  });
}

export async function updateCannedResponse(db: Db, viewer: ConverseViewer, id: string, body: unknown): Promise<CannedResponse> {
  requireSupervisor(viewer, 'write quick replies');
  const input = parseWith(cannedResponseSchema, body === undefined ? {} : body);
  return writeTransaction(db, (conn) => {
    const at = new Date();
    const before = find(conn, viewer.accountId, id);
    takenShortcut(conn, viewer.accountId, input.shortcut, id);
    run(conn, 'UPDATE "CannedResponse" SET "shortcut" = ?, "text" = ?, "updatedAt" = ? WHERE "id" = ?', input.shortcut, input.text, sqlDate(at), id);
    const after = { id, ...input };
    audit(conn, viewer, 'converse.canned.update', after, `Quick reply /${after.shortcut} changed`, { before, after }, at);
    return after;
  });
}

export async function deleteCannedResponse(db: Db, viewer: ConverseViewer, id: string): Promise<void> {
  requireSupervisor(viewer, 'write quick replies');
  await writeTransaction(db, (conn) => {
    const at = new Date();
    const before = find(conn, viewer.accountId, id);
    run(conn, 'DELETE FROM "CannedResponse" WHERE "id" = ?', id);
    audit(conn, viewer, 'converse.canned.delete', before, `Quick reply /${before.shortcut} deleted`, { before }, at);
  });
}
