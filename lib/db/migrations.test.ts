import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations } from '@/lib/db/migrations';

function tmpFile() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mig-')), 'db.sqlite');
}

describe('applyMigrationsSqlite', () => {
  it("applies every migration once and records it the way Prisma's migrate deploy does", () => {
    const file = tmpFile();
    const first = applyMigrationsSqlite(file);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    expect(applyMigrationsSqlite(file).applied).toEqual([]);
    const conn = new Database(file, { readonly: true });
    const rows = conn.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name').all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
      applied_steps_count: number;
    }[];
    conn.close();
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at && r.applied_steps_count === 1)).toBe(true);
  });

  it('refuses a migration edited after it was applied', () => {
    const file = tmpFile();
    const migrations = listMigrations();
    applyMigrationsSqlite(file, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'x'.repeat(64) } : m));
    expect(() => applyMigrationsSqlite(file, edited)).toThrow(/was changed after it was applied/);
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const file = tmpFile();
    const good = listMigrations();
    const broken = { name: '99999999999999_broken', sql: 'CREATE TABLE ok_part (id INTEGER);\nCREATE TABLE ok_part (id INTEGER);', checksum: 'b'.repeat(64) };
    expect(() => applyMigrationsSqlite(file, [...good, broken])).toThrow();
    const conn = new Database(file, { readonly: true });
    expect(conn.prepare("SELECT name FROM sqlite_master WHERE name = 'ok_part'").get()).toBeUndefined();
    expect(conn.prepare("SELECT 1 FROM _prisma_migrations WHERE migration_name = '99999999999999_broken'").get()).toBeUndefined();
    conn.close();
  });
});
