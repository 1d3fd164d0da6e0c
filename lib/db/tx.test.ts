import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, createDb } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { sqlDate, sqlJson } from '@/lib/db/sql';
import { dialectOf, read, type Tx, write } from '@/lib/db/tx';

// Runs on whichever database the suite runs on (SQLite, or PostgreSQL with TEST_DATABASE=postgres):
// the same bodies must read the same rows from both.

const id = () => `p_${crypto.randomBytes(5).toString('hex')}`;

function* insertPartner(t: Tx, partnerId: string, at: Date) {
  return yield* t.run('INSERT INTO "Partner" ("id", "name", "createdAt") VALUES (?, ?, ?)', partnerId, 'Probe', sqlDate(at));
}

describe('one transaction body for SQLite and PostgreSQL', () => {
  it('writes, reads back rows as SQLite gives them (dates as text, booleans as 0/1, JSON as text, counts as numbers)', async () => {
    const partnerId = id();
    const at = new Date('2026-12-06T04:12:00.123Z');
    await write(db, function* (t) {
      yield* insertPartner(t, partnerId, at);
      yield* t.run(
        'INSERT INTO "Role" ("id", "partnerId", "name", "permissions", "builtIn", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)',
        `${partnerId}_r`,
        partnerId,
        'R',
        sqlJson(['a', 'b']),
        1,
        sqlDate(at),
      );
    });
    const row = await read(db, function* (t) {
      const partner = yield* t.one<{ createdAt: unknown }>('SELECT "createdAt" FROM "Partner" WHERE "id" = ?', partnerId);
      const role = yield* t.one<{ permissions: unknown; builtIn: unknown }>('SELECT "permissions", "builtIn" FROM "Role" WHERE "partnerId" = ?', partnerId);
      const count = yield* t.one<{ n: unknown }>('SELECT COUNT(*) AS n FROM "Role" WHERE "partnerId" = ?', partnerId);
      return { ...partner, ...role, ...count };
    });
    expect({ ...row, permissions: JSON.parse(String(row.permissions)) }).toEqual({
      createdAt: '2026-12-06T04:12:00.123+00:00',
      permissions: ['a', 'b'],
      builtIn: 1,
      n: 1,
    });
    // and Prisma reads what the statements wrote
    expect((await db.partner.findUniqueOrThrow({ where: { id: partnerId } })).createdAt.toISOString()).toBe(at.toISOString());
  });

  it('a throw rolls back everything the body wrote', async () => {
    const partnerId = id();
    await expect(
      write(db, function* (t) {
        yield* insertPartner(t, partnerId, new Date());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.partner.findUnique({ where: { id: partnerId } })).toBeNull();
  });

  it('a failing savepoint undoes only its own writes', async () => {
    const [kept, undone] = [id(), id()];
    const outcome = await write(db, function* (t) {
      yield* insertPartner(t, kept, new Date());
      try {
        yield* t.savepoint(function* (inner) {
          yield* insertPartner(inner, undone, new Date());
          yield* insertPartner(inner, kept, new Date()); // duplicate key
        });
      } catch {
        return 'recovered';
      }
      return 'not reached';
    });
    expect(outcome).toBe('recovered');
    expect(await db.partner.findUnique({ where: { id: kept } })).not.toBeNull();
    expect(await db.partner.findUnique({ where: { id: undone } })).toBeNull();
  });

  it('parts that ended stay when a later one fails, and a failing part undoes its nested parts that ended too', async () => {
    const [a, b, c, d, e] = [id(), id(), id(), id(), id()];
    const outcome = await write(db, function* (t) {
      yield* insertPartner(t, a, new Date());
      yield* t.savepoint((p) => insertPartner(p, b, new Date()));
      // biome-ignore lint/correctness/useYield: a part with nothing to write (most inbound consumers, most of the time)
      const nothing = yield* t.savepoint(function* () {
        return 'wrote nothing';
      });
      try {
        yield* t.savepoint(function* (p) {
          yield* insertPartner(p, c, new Date());
          yield* p.savepoint((q) => insertPartner(q, d, new Date()));
          yield* insertPartner(p, a, new Date()); // duplicate key: c and d go, a and b stay
        });
      } catch {
        yield* t.savepoint((p) => insertPartner(p, e, new Date()));
      }
      return nothing;
    });
    expect(outcome).toBe('wrote nothing');
    const rows = await read(db, (t) => t.all<{ id: string }>('SELECT "id" FROM "Partner" WHERE "id" IN (?, ?, ?, ?, ?) ORDER BY "id"', a, b, c, d, e));
    expect(rows.map((r) => r.id)).toEqual([a, b, e].sort());
  });

  it('read-check-write needs no lock of its own: 30 concurrent increments all count', async () => {
    const partnerId = id();
    await write(db, (t) => insertPartner(t, partnerId, new Date()));
    await Promise.all(
      Array.from({ length: 30 }, () =>
        write(db, function* (t) {
          const row = yield* t.one<{ name: string }>('SELECT "name" FROM "Partner" WHERE "id" = ?', partnerId);
          yield* t.run('UPDATE "Partner" SET "name" = ? WHERE "id" = ?', `${row!.name}+`, partnerId);
        }),
      ),
    );
    const row = await db.partner.findUniqueOrThrow({ where: { id: partnerId } });
    expect(row.name).toBe(`Probe${'+'.repeat(30)}`);
  });

  it('a second client on the same database sees the first one’s commits (several processes share one database)', async () => {
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const partnerId = id();
      await write(db, (t) => insertPartner(t, partnerId, new Date()));
      const seen = await read(other, (t) => t.one('SELECT "id" FROM "Partner" WHERE "id" = ?', partnerId));
      expect(seen).toEqual({ id: partnerId });
      expect(dialectOf(other)).toBe(dialectOf(db));
    } finally {
      await closeDb(other);
    }
  });
});

afterAll(async () => {
  if (dialectOf(db) === 'postgres') await closeDb(db);
});
