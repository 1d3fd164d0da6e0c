import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { newTimeOrderedUuid, one, readNow, run, writeTransaction } from '@/lib/db/sql';
import { sqliteConnection } from '@/lib/db/sqlite-connection';

const file = process.env.DATABASE_URL!.slice('file:'.length);
// SQLite's group commit (lib/db/sql.ts), under every body lib/db/tx.ts runs there; PostgreSQL has its
// own driver (lib/db/tx.test.ts runs on both).
const onPostgres = process.env.TEST_DATABASE === 'postgres';
const partner = (id: string) => (conn: Parameters<typeof run>[0]) =>
  run(conn, 'INSERT INTO "Partner" ("id", "name", "createdAt") VALUES (?, ?, ?)', id, id, new Date().toISOString());
const exists = (id: string) => readNow(db, (conn) => !!one(conn, 'SELECT 1 FROM "Partner" WHERE "id" = ?', id));

beforeAll(async () => {
  if (!onPostgres) await sqliteConnection(db);
});

describe.skipIf(onPostgres)('writeTransaction', () => {
  it('group-commits concurrent writes, and one failing write rolls back only itself', async () => {
    const results = await Promise.allSettled([
      writeTransaction(db, partner('p_group_1')),
      writeTransaction(db, (conn) => {
        partner('p_group_2')(conn);
        throw new Error('no');
      }),
      writeTransaction(db, partner('p_group_3')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([await exists('p_group_1'), await exists('p_group_2'), await exists('p_group_3')]).toEqual([true, false, true]);
  });

  it('waits for a Prisma transaction on the same connection instead of joining it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const prismaTx = db.$transaction(async (tx) => {
      await tx.partner.create({ data: { id: 'p_prisma_rolled_back', name: 'x' } });
      await held;
      throw new Error('roll back');
    });
    await new Promise((r) => setTimeout(r, 20));
    const ours = writeTransaction(db, partner('p_after_prisma'));
    release();
    await expect(prismaTx).rejects.toThrow('roll back');
    await ours;
    expect(await exists('p_after_prisma')).toBe(true);
    expect(await exists('p_prisma_rolled_back')).toBe(false);
  });

  it('waits for another connection that holds the write lock without stopping the event loop', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO "Partner" ("id", "name", "createdAt") VALUES (?, ?, ?)').run('p_other', 'other', new Date().toISOString());
    let settled = false;
    const ours = writeTransaction(db, partner('p_while_locked')).then(() => (settled = true));
    // Timers keep firing while our write waits for the lock: the thread is not asleep in SQLite.
    const ticks = await new Promise<number>((resolve) => {
      let n = 0;
      const timer = setInterval(() => {
        if (++n === 5) {
          clearInterval(timer);
          resolve(n);
        }
      }, 5);
    });
    expect(ticks).toBe(5);
    expect(settled).toBe(false);
    other.exec('COMMIT');
    other.close();
    await ours;
    expect(await exists('p_while_locked')).toBe(true);
    expect(await exists('p_other')).toBe(true);
  });
});

describe('newTimeOrderedUuid', () => {
  it('only grows within a process, also for ids made in the same millisecond, and stays a version 7 UUID', () => {
    const ids = Array.from({ length: 20_000 }, () => newTimeOrderedUuid());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Its first 48 bits are the time it was made (a millisecond borrowed ahead at most, when one overflows).
    const ms = parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(5_000);
  });
});
