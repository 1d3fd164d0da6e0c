import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
import { dialectOf, read, write } from '@/lib/db/tx';
import { SYSTEM_ACTOR, type AuditActor } from '@/lib/audit/record-audit-event';
import { createApiKey } from '@/lib/auth/api-keys';
import { logger } from '@/lib/log/logger';
import { seedDemoTenant } from '@/test/factories';
import { AUDITED_WRITES, NOT_AUDITED, type Outcome } from './every-write-is-audited.cases';

// Server actions run as the wrapper runs them, signed in as the demo administrator (the session itself
// is tested in e2e); routes are called as api-audit.test.ts calls them, with an API key.
vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/app/_lib/console-context', async () => {
  const { db } = await import('@/lib/db/client');
  const { loadPrincipal } = await import('@/lib/auth/principal');
  return {
    getConsoleContext: async () => {
      const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
      const principal = (await loadPrincipal(db, admin.id))!;
      return { principal, account: principal.accounts.find((a) => a.id === 'acme_corp') ?? null };
    },
  };
});

const APP = path.resolve(import.meta.dirname, '../../app');

/**
 * Every server action module ('use server' may export only async functions, so its exports can be
 * read from its source without loading Auth.js), as "<file under app/> <export>".
 */
function serverActions(): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(APP, { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const source = fs.readFileSync(path.join(APP, file), 'utf8');
    if (!/^\s*['"]use server['"]/.test(source)) continue;
    for (const m of source.matchAll(/^export (?:const|async function) (\w+)/gm)) found.push(`${file} ${m[1]}`);
  }
  return found.sort();
}

/** Every writing method of every REST route and carrier callback, read from the route modules' exports. */
async function writeRoutes(): Promise<string[]> {
  const found: string[] = [];
  for (const area of ['api/v1', 'api/providers']) {
    const dir = path.join(APP, area);
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (path.basename(file) !== 'route.ts') continue;
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) if (typeof mod[method] === 'function') found.push(`${area}/${file} ${method}`);
    }
  }
  return found.sort();
}

// Written by reading, not by a change: a key's last use is stored at most once a minute, and its calls
// draw from its rate bucket (RateBucket, on PostgreSQL) whether or not they change anything.
const VOLATILE: Record<string, string[]> = { ApiKey: ['lastUsedAt'] };

const TABLES = {
  sqlite: `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('_prisma_migrations', 'RateBucket') ORDER BY name`,
  postgres: `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'RateBucket') ORDER BY table_name`,
};

/** A digest of every row of every table: equal before and after means the attempt changed nothing. */
async function fingerprint(): Promise<string> {
  const h = crypto.createHash('sha256');
  const dump = await read(db, function* (t) {
    const out: [string, Record<string, unknown>[]][] = [];
    for (const { name } of yield* t.all<{ name: string }>(TABLES[t.dialect])) out.push([name, yield* t.all(`SELECT * FROM "${name}"`)]);
    return out;
  });
  for (const [name, rows] of dump) {
    for (const row of rows) for (const col of VOLATILE[name] ?? []) delete row[col];
    // Sorted: PostgreSQL returns rows in no promised order (a rolled-back update may move one).
    h.update(name).update(JSON.stringify(rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).sort()));
  }
  return h.digest('hex');
}

type AuditRow = { id: string; action: string; entityType: string; entityId: string; actorLabel: string };
/** The audit log's ids now; auditSince gives the entries added after, in order. */
const lastAudit = async () => new Set((await db.auditEvent.findMany({ select: { id: true } })).map((r) => r.id));
const auditSince = async (before: Set<string>) =>
  (
    await db.auditEvent.findMany({
      select: { id: true, action: true, entityType: true, entityId: true, actorLabel: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    })
  )
    .filter((r: AuditRow) => !before.has(r.id))
    .map(({ id: _id, ...rest }) => rest);

/** A real failure inside the write's transaction: the database refuses any change to `table`. */
async function refusing<T>(table: string, fn: () => Promise<T>): Promise<T> {
  const ops = ['INSERT', 'UPDATE', 'DELETE'];
  if (dialectOf(db) === 'sqlite') {
    // TEMP triggers live on Prisma's connection, the one the writes use.
    const conn = await sqliteConnection(db);
    for (const op of ops)
      conn.exec(`CREATE TEMP TRIGGER "refuse_${op}" BEFORE ${op} ON "${table}" BEGIN SELECT RAISE(ABORT, 'refused by the audit test'); END`);
    try {
      return await fn();
    } finally {
      for (const op of ops) conn.exec(`DROP TRIGGER "refuse_${op}"`);
    }
  }
  await write(db, function* (t) {
    yield* t.run(
      `CREATE OR REPLACE FUNCTION refuse_audit_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the audit test'; END $$`,
    );
    yield* t.run(`CREATE TRIGGER "refuse_audit_test" BEFORE ${ops.join(' OR ')} ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_audit_test()`);
  });
  try {
    return await fn();
  } finally {
    await write(db, (t) => t.run(`DROP TRIGGER "refuse_audit_test" ON "${table}"`));
  }
}

/** Runs an attempt that must fail and leave everything, the audit log included, as it was. */
async function expectNothingWritten(attempt: () => Promise<Outcome>, why: string) {
  const before = await fingerprint();
  const since = await lastAudit();
  const outcome = await attempt();
  expect(outcome.ok, why).toBe(false);
  expect(await auditSince(since), why).toEqual([]);
  expect((await fingerprint()) === before, `${why}: the database changed`).toBe(true);
}

let admin: AuditActor;
let apiKey: { secret: string; label: string };

describe('every write is audited, in its own transaction', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    // The refused attempts below are logged as server faults on purpose; keep the output readable.
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    admin = { partnerId: u.partnerId, userId: u.id, label: u.email };
    const key = await createApiKey(db, { accountId: 'acme_corp', name: 'Audit probe', actor: SYSTEM_ACTOR });
    apiKey = { secret: key.secret, label: `API key Audit probe (${key.secret.slice(0, 10)}…)` };
  });

  it('covers every server action and every writing route: each is driven below or exempt with a reason', async () => {
    const listed = [...Object.keys(AUDITED_WRITES), ...Object.keys(NOT_AUDITED)].sort();
    expect(listed).toEqual([...new Set(listed)]);
    // A new action or write route fails here until it is audited (added to AUDITED_WRITES) or exempt.
    expect(listed).toEqual([...serverActions(), ...(await writeRoutes())].sort());
  });

  for (const [name, audited] of Object.entries(AUDITED_WRITES)) {
    it(`${name}: one ${audited.action} entry, none when refused or rolled back`, async () => {
      const ctx = { admin, apiKey: apiKey.secret, root: APP };
      const prepared = await audited.prepare(ctx);
      await expectNothingWritten(prepared.bad, 'refused input');
      await expectNothingWritten(() => refusing(audited.table, prepared.call), `a failure writing ${audited.table}`);
      // The audit row itself failing takes the change back with it: both are one transaction.
      await expectNothingWritten(() => refusing('AuditEvent', prepared.call), 'a failure writing the audit entry');

      const since = await lastAudit();
      const outcome = await prepared.call();
      expect(outcome, JSON.stringify(outcome.data)).toMatchObject({ ok: true });
      const entityId = typeof prepared.entityId === 'function' ? prepared.entityId(outcome.data) : prepared.entityId;
      expect(await auditSince(since)).toEqual([
        {
          action: audited.action,
          entityType: audited.entityType,
          entityId: entityId ?? expect.any(String),
          actorLabel: prepared.actorLabel ?? (name.startsWith('api/') ? apiKey.label : admin.label),
        },
      ]);
      await prepared.settle?.();
    });
  }
});
