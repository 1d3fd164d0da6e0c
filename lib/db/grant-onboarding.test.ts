import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations } from '@/lib/db/migrations';

// 'Manage Accounts' and 'Manage Channels' arrived after roles existed: the migration hands them to the
// built-in Partner Admin only, once; a custom role (even one named like it) keeps what its admin chose.
describe('the onboarding_carriers migration', () => {
  it('grants partners.accounts.manage and settings.channels.manage to the built-in Partner Admin, once', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mig-')), 'db.sqlite');
    const all = listMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_onboarding_carriers'));
    expect(at).toBeGreaterThan(0);
    applyMigrationsSqlite(file, all.slice(0, at));
    const conn = new Database(file);
    conn.exec(`INSERT INTO "Partner" ("id", "name") VALUES ('p', 'P'), ('q', 'Q')`);
    conn.exec(`INSERT INTO "Account" ("id", "partnerId", "name") VALUES ('a', 'p', 'A')`);
    const role = conn.prepare(
      `INSERT INTO "Role" ("id", "partnerId", "name", "permissions", "builtIn", "updatedAt") VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`,
    );
    role.run('admin', 'p', 'Partner Admin', JSON.stringify(['logs.view']), 1);
    role.run('copy', 'q', 'Partner Admin', JSON.stringify(['logs.view']), 0);
    conn.close();
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    const read = new Database(file, { readonly: true });
    const perms = (id: string) => JSON.parse((read.prepare(`SELECT "permissions" FROM "Role" WHERE "id" = ?`).get(id) as { permissions: string }).permissions);
    expect(perms('admin')).toEqual(['logs.view', 'partners.accounts.manage', 'settings.channels.manage']);
    expect(perms('copy')).toEqual(['logs.view']);
    // Accounts that existed keep working: Asia Pacific (the reference's default region), not suspended.
    expect(read.prepare(`SELECT "region", "suspendedAt" FROM "Account" WHERE "id" = 'a'`).get()).toEqual({ region: 'apac', suspendedAt: null });
    read.close();
  });
});
