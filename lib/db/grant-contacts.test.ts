import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations } from '@/lib/db/migrations';

// 'View Contacts' and 'Manage Contacts' arrived after roles existed: the migration hands them to the
// built-in Partner Admin and to the roles that work with campaigns, once, and to no other role.
describe('the grant_contacts migration', () => {
  it('grants contacts.view to roles that view or send campaigns, contacts.manage to senders and admins, once', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mig-')), 'db.sqlite');
    const all = listMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_grant_contacts'));
    expect(at).toBeGreaterThan(0);
    applyMigrationsSqlite(file, all.slice(0, at));
    const conn = new Database(file);
    conn.exec(`INSERT INTO "Partner" ("id", "name") VALUES ('p', 'P')`);
    const role = conn.prepare(
      `INSERT INTO "Role" ("id", "partnerId", "name", "permissions", "builtIn", "updatedAt") VALUES (?, 'p', ?, ?, ?, CURRENT_TIMESTAMP)`,
    );
    role.run('admin', 'Partner Admin', JSON.stringify(['logs.view', 'partners.users.manage']), 1);
    role.run('sender', 'Marketers', JSON.stringify(['campaigns.view', 'campaigns.send']), 0);
    role.run('viewer', 'Campaign watchers', JSON.stringify(['campaigns.view']), 0);
    role.run('had', 'Already granted', JSON.stringify(['campaigns.send', 'contacts.view']), 0);
    role.run('other', 'Support', JSON.stringify(['logs.view']), 0);
    role.run('copy', 'Partner Admin copy', JSON.stringify(['logs.view']), 0);
    conn.close();
    // Up to this migration only: later ones grant other permissions of their own.
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    applyMigrationsSqlite(file, all.slice(0, at + 1));
    const read = new Database(file, { readonly: true });
    const perms = (id: string) => JSON.parse((read.prepare(`SELECT "permissions" FROM "Role" WHERE "id" = ?`).get(id) as { permissions: string }).permissions);
    expect(perms('admin')).toEqual(['logs.view', 'partners.users.manage', 'contacts.view', 'contacts.manage']);
    expect(perms('sender')).toEqual(['campaigns.view', 'campaigns.send', 'contacts.view', 'contacts.manage']);
    expect(perms('viewer')).toEqual(['campaigns.view', 'contacts.view']);
    expect(perms('had')).toEqual(['campaigns.send', 'contacts.view', 'contacts.manage']);
    expect(perms('other')).toEqual(['logs.view']);
    expect(perms('copy')).toEqual(['logs.view']);
    read.close();
  });
});
