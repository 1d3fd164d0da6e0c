import type { Db } from '@/lib/db/client';
import { newId, sqlDate } from '@/lib/db/sql';
import { read, type Step, type Tx, write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { cannedResponseSchema } from '@/lib/converse/converse-schemas';
import { requireSupervisor, type ConverseViewer } from '@/lib/converse/converse-viewer';

// Quick replies per account: an agent types "/" in the reply box and picks one by its shortcut.
// Every agent uses them; supervisors and administrators write them.

export type CannedResponse = { id: string; shortcut: string; text: string };

export async function listCannedResponses(db: Db, viewer: ConverseViewer): Promise<CannedResponse[]> {
  return read(db, (t) =>
    t.all<CannedResponse>('SELECT "id", "shortcut", "text" FROM "CannedResponse" WHERE "accountId" = ? ORDER BY "shortcut"', viewer.accountId),
  );
}

function* takenShortcut(t: Tx, accountId: string, shortcut: string, except: string | null): Step<void> {
  const other = yield* t.one<{ id: string }>('SELECT "id" FROM "CannedResponse" WHERE "accountId" = ? AND "shortcut" = ?', accountId, shortcut);
  if (other && other.id !== except) {
    throw new ValidationError(`The shortcut /${shortcut} is taken`, [{ path: 'shortcut', message: `/${shortcut} is already a quick reply of this account` }]);
  }
}

function* find(t: Tx, accountId: string, id: string): Step<CannedResponse> {
  const r = yield* t.one<CannedResponse>('SELECT "id", "shortcut", "text" FROM "CannedResponse" WHERE "id" = ? AND "accountId" = ?', id, accountId);
  if (!r) throw new NotFoundError(`Quick reply '${id}' not found`);
  return r;
}

function* audit(t: Tx, viewer: ConverseViewer, action: string, r: CannedResponse, summary: string, changes: object, at: Date): Step<void> {
  yield* insertAuditRow(t, viewer.actor, { accountId: viewer.accountId, action, entityType: 'canned_response', entityId: r.id, summary, changes }, at);
}

export async function createCannedResponse(db: Db, viewer: ConverseViewer, body: unknown): Promise<CannedResponse> {
  requireSupervisor(viewer, 'write quick replies');
  const input = parseWith(cannedResponseSchema, body === undefined ? {} : body);
  return write(db, function* (t) {
    const at = new Date();
    yield* takenShortcut(t, viewer.accountId, input.shortcut, null);
    const r = { id: newId(), ...input };
    yield* t.run(
      'INSERT INTO "CannedResponse" ("id", "accountId", "shortcut", "text", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)',
      r.id,
      viewer.accountId,
      r.shortcut,
      r.text,
      sqlDate(at),
      sqlDate(at),
    );
    yield* audit(t, viewer, 'converse.canned.create', r, `Quick reply /${r.shortcut} added`, { after: input }, at);
    return r;
  });
}

export async function updateCannedResponse(db: Db, viewer: ConverseViewer, id: string, body: unknown): Promise<CannedResponse> {
  requireSupervisor(viewer, 'write quick replies');
  const input = parseWith(cannedResponseSchema, body === undefined ? {} : body);
  return write(db, function* (t) {
    const at = new Date();
    const before = yield* find(t, viewer.accountId, id);
    yield* takenShortcut(t, viewer.accountId, input.shortcut, id);
    yield* t.run('UPDATE "CannedResponse" SET "shortcut" = ?, "text" = ?, "updatedAt" = ? WHERE "id" = ?', input.shortcut, input.text, sqlDate(at), id);
    const after = { id, ...input };
    yield* audit(t, viewer, 'converse.canned.update', after, `Quick reply /${after.shortcut} changed`, { before, after }, at);
    return after;
  });
}

export async function deleteCannedResponse(db: Db, viewer: ConverseViewer, id: string): Promise<void> {
  requireSupervisor(viewer, 'write quick replies');
  await write(db, function* (t) {
    const at = new Date();
    const before = yield* find(t, viewer.accountId, id);
    yield* t.run('DELETE FROM "CannedResponse" WHERE "id" = ?', id);
    yield* audit(t, viewer, 'converse.canned.delete', before, `Quick reply /${before.shortcut} deleted`, { before }, at);
  });
}
