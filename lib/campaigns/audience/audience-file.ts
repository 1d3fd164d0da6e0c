import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db/client';
import { parseDatabaseUrl } from '@/lib/db/database-url';
import { postgresPool } from '@/lib/db/postgres/run-postgres';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '@/lib/errors';
import { warmImportWorker } from '@/lib/campaigns/audience/run-audience-import';

// Uploaded audience CSVs, kept on disk beside the database (<db dir>/uploads/<db name>/campaigns/<account>/<id>.csv)
// rather than in it: a 50 MB file is streamed to disk as it arrives and read back as a stream by the
// import, never held in memory whole. A file belongs to its account: another account's id is a 404.

/** The largest audience file: a million rows of a number and a few columns fit several times over. */
export const MAX_AUDIENCE_BYTES = 200 * 1024 * 1024;
/** A whole upload request: the largest audience file, its spec and the form's framing. */
export const MAX_CAMPAIGN_BODY_BYTES = MAX_AUDIENCE_BYTES + 2 * 1024 * 1024;

const FILE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The database `db` talks to, as a DATABASE_URL: what the import's worker thread opens a connection of
 * its own with (`file:<path>` for SQLite, the PostgreSQL URL otherwise).
 */
export async function databaseUrlOf(db: Db): Promise<string> {
  const pool = postgresPool(db);
  if (pool) return (pool as unknown as { options: { connectionString: string } }).options.connectionString;
  return `file:${(await sqliteConnection(db)).name}`;
}

/**
 * The campaigns' folder, per database so a bench's or a test's keeps its files apart from the app's:
 * beside a SQLite file; for PostgreSQL in ./data/uploads/<database name>.
 */
export async function campaignFilesRoot(db: Db): Promise<string> {
  const target = parseDatabaseUrl(await databaseUrlOf(db));
  if (target.kind === 'postgres') {
    const database = new URL(target.url).pathname.slice(1).replace(/[^A-Za-z0-9_-]/g, '_') || 'postgres';
    return path.join(path.resolve('data'), 'uploads', database, 'campaigns');
  }
  const file = target.path;
  const database = path.basename(file).replace(/\.[^.]*$/, '');
  return path.join(path.dirname(path.resolve(file)), 'uploads', database, 'campaigns');
}

/** The folder of the account's audience files. */
export async function uploadsDir(db: Db, accountId: string): Promise<string> {
  // An account id is ours, but it becomes a path: anything but plain characters is encoded.
  const folder = /^[A-Za-z0-9_-]{1,100}$/.test(accountId) ? accountId : `~${Buffer.from(accountId).toString('base64url').slice(0, 120)}`;
  return path.join(await campaignFilesRoot(db), folder);
}

/** Where the account's file is stored; a 404 when it is not there (another account's, deleted, or no id of ours). */
export async function audienceFilePath(db: Db, accountId: string, fileId: string): Promise<string> {
  if (!FILE_ID.test(fileId)) throw new NotFoundError(`Audience file '${fileId.slice(0, 100)}' not found`);
  const file = path.join(await uploadsDir(db, accountId), `${fileId}.csv`);
  if (!fs.existsSync(file)) throw new NotFoundError(`Audience file '${fileId}' not found`);
  return file;
}

/**
 * Streams an upload to disk, at most MAX_AUDIENCE_BYTES (413 beyond, with nothing kept). The upload is
 * not an audited write (as media uploads are not); the campaign made from it is.
 */
export async function storeAudienceFile(
  db: Db,
  _actor: Actor,
  input: { accountId: string; body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>; fileName?: string; maxBytes?: number },
): Promise<{ fileId: string; size: number }> {
  const dir = await uploadsDir(db, input.accountId);
  await fs.promises.mkdir(dir, { recursive: true });
  // The import comes next: its worker thread loads while the file arrives.
  warmImportWorker();
  const fileId = crypto.randomBytes(18).toString('base64url');
  const file = path.join(dir, `${fileId}.csv`);
  const max = input.maxBytes ?? MAX_AUDIENCE_BYTES;
  const out = await fs.promises.open(file, 'wx');
  let size = 0;
  try {
    for await (const chunk of input.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > max) throw new PayloadTooLargeError(`The file is larger than ${Math.round(max / 1024 / 1024)} MB, the most an audience file may be`);
      await out.write(chunk);
    }
  } catch (err) {
    await out.close();
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  await out.close();
  if (size === 0) {
    await fs.promises.rm(file, { force: true });
    throw new ValidationError('The file is empty', [{ path: 'file', message: 'The file is empty' }]);
  }
  return { fileId, size };
}

/** Removes a stored audience file (a deleted draft's, or an upload whose campaign was refused); nothing when it is gone. */
export async function deleteAudienceFile(db: Db, accountId: string, fileId: string): Promise<void> {
  if (!FILE_ID.test(fileId)) return;
  await fs.promises.rm(path.join(await uploadsDir(db, accountId), `${fileId}.csv`), { force: true });
}

/** The first bytes of a stored file, for the wizard's preview of an upload it did not read itself. */
export async function readAudienceHead(db: Db, accountId: string, fileId: string, bytes: number): Promise<Uint8Array> {
  const handle = await fs.promises.open(await audienceFilePath(db, accountId, fileId), 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
