import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';

const onPostgres = process.env.TEST_DATABASE === 'postgres';
const id = () => `p_${crypto.randomBytes(5).toString('hex')}`;

// Another connection to the same file is the background thread (or `npm run worker`), committing sends
// while a server action's transaction reads and then writes. SQLite never waits for the write lock on
// behalf of a transaction that has already read: a deferred BEGIN fails such a transaction at its first
// write whenever another connection holds the lock or has committed since its first read.
describe.skipIf(onPostgres)('Prisma transactions on SQLite', () => {
  it('hold the write lock from their start, so a commit elsewhere between their reads and writes cannot fail them', async () => {
    const other = new Database((await sqliteConnection(db)).name, { timeout: 0 });
    const mine = id();
    let otherWrite = 'not tried';
    try {
      await db.$transaction(async (tx) => {
        await tx.partner.findMany({ take: 1 });
        try {
          other.prepare('INSERT INTO "Partner" ("id", "name", "createdAt") VALUES (?, ?, ?)').run(id(), 'Other connection', new Date().toISOString());
          otherWrite = 'committed';
        } catch (err) {
          otherWrite = (err as { code?: string }).code ?? String(err);
        }
        await tx.partner.create({ data: { id: mine, name: 'Read, then wrote' } });
      });
    } finally {
      other.close();
    }
    // The other connection waits its turn (here, with no patience, it is refused) instead of breaking ours.
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(await db.partner.findUnique({ where: { id: mine } })).toMatchObject({ name: 'Read, then wrote' });
  });
});
