import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrationsSqlite, listMigrations } from '@/lib/db/migrations';

// Databases from before tickets hold ConverseHandoff rows: an open one muted a customer's automation
// with no agent able to see it. The migration turns each open hand-over into a queued ticket (so the
// customer stays with the agents, now visibly) and drops the table.
describe('the converse_tickets_replace_handoffs migration', () => {
  it('turns open hand-overs into queued tickets with the contact name and the workflow, drops released ones and the table', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-mig-')), 'db.sqlite');
    const all = listMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_converse_tickets_replace_handoffs'));
    expect(at).toBeGreaterThan(0);
    applyMigrationsSqlite(file, all.slice(0, at));
    const conn = new Database(file);
    const t = '2026-12-01T10:00:00.000+00:00';
    const handoff = conn.prepare(
      'INSERT INTO "ConverseHandoff" ("id", "accountId", "subAccountId", "channel", "msisdn", "instanceId", "createdAt", "releasedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    handoff.run('h_open', 'acc', 'sub', 'whatsapp', '6591234567', 'run_1', t, null);
    handoff.run('h_plus', 'acc', 'sub', 'sms', '+6598765432', null, t, null);
    handoff.run('h_released', 'acc', 'sub', 'whatsapp', '6590000001', null, t, t);
    conn
      .prepare(`INSERT INTO "Contact" ("accountId", "msisdn", "name", "attributes", "tags", "createdAt", "updatedAt") VALUES (?, ?, ?, '{}', '[]', ?, ?)`)
      .run('acc', '+6591234567', 'Ada', t, t);
    conn
      .prepare(
        `INSERT INTO "WorkflowInstance" ("id", "accountId", "subAccountId", "definitionId", "version", "status", "data", "trigger", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 1, 'completed', '{}', 'inbound_chat_apps', ?, ?)`,
      )
      .run('run_1', 'acc', 'sub', 'wf_1', t, t);
    conn.close();

    applyMigrationsSqlite(file, all);
    const read = new Database(file, { readonly: true });
    const tickets = read.prepare('SELECT * FROM "ConverseTicket" ORDER BY "id"').all();
    expect(tickets).toEqual([
      expect.objectContaining({
        id: 'h_open',
        accountId: 'acc',
        subAccountId: 'sub',
        channel: 'whatsapp',
        msisdn: '+6591234567',
        customerName: 'Ada',
        status: 'queued',
        assigneeId: null,
        workflowId: 'run_1',
        definitionId: 'wf_1',
        unread: 0,
        lastMessageAt: t,
        waitingSince: t,
        statusAt: t,
        closedAt: null,
      }),
      expect.objectContaining({ id: 'h_plus', channel: 'sms', msisdn: '+6598765432', customerName: null, workflowId: null, definitionId: null }),
    ]);
    expect(read.prepare(`SELECT name FROM sqlite_master WHERE name = 'ConverseHandoff'`).all()).toEqual([]);
    read.close();
  });
});
