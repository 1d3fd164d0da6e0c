import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations } from '@/lib/db/migrations';

// 'Send Messages' arrived after databases with a Partner Admin role existed: the migration hands it to
// the built-in role (which holds every permission) and to no other role.
describe('the grant_messages_send migration', () => {
  it('adds messages.send to built-in Partner Admin roles once, and leaves other roles alone', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mig-')), 'db.sqlite');
    const all = listMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_grant_messages_send'));
    expect(at).toBeGreaterThan(0);
    applyMigrationsSqlite(file, all.slice(0, at));
    const conn = new Database(file);
    conn.exec(`INSERT INTO "Partner" ("id", "name") VALUES ('p', 'P')`);
    const role = conn.prepare(
      `INSERT INTO "Role" ("id", "partnerId", "name", "permissions", "builtIn", "updatedAt") VALUES (?, 'p', ?, ?, ?, CURRENT_TIMESTAMP)`,
    );
    role.run('admin', 'Partner Admin', JSON.stringify(['logs.view', 'partners.users.manage']), 1);
    role.run('custom', 'Partner Admin copy', JSON.stringify(['logs.view']), 0);
    conn.close();
    // Up to this migration (later ones grant later permissions), twice: it must be idempotent.
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    const read = new Database(file, { readonly: true });
    const perms = (id: string) => JSON.parse((read.prepare(`SELECT "permissions" FROM "Role" WHERE "id" = ?`).get(id) as { permissions: string }).permissions);
    expect(perms('admin')).toEqual(['logs.view', 'partners.users.manage', 'messages.send']);
    expect(perms('custom')).toEqual(['logs.view']);
    read.close();
  });
});
