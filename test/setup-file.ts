// Each test file gets its own copy of the migrated template database, and the process-wide `db`
// (lib/db/client.ts) points at it, so tests run against a real database without seeing each other:
// a SQLite file, or with TEST_DATABASE=postgres a PostgreSQL database made from the template.
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, inject } from 'vitest';

const templatePostgresUrl = inject('templatePostgresUrl');
if (templatePostgresUrl) {
  const template = new URL(templatePostgresUrl);
  const name = `${template.pathname.slice(1).replace(/_template$/, '')}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  // Files start together: a copy fails while another is being made from the same template, so wait a turn.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
      break;
    } catch (err) {
      if (attempt > 50 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }
  await admin.end();
  template.pathname = `/${name}`;
  process.env.DATABASE_URL = template.toString();
} else {
  const file = path.join(os.tmpdir(), `parley-test-${process.pid}-${crypto.randomBytes(4).toString('hex')}.db`);
  const template = new Database(inject('templateDb'), { readonly: true });
  await template.backup(file);
  template.close();
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.ALLOW_PRIVATE_NETWORK ??= 'true';
process.env.LOG_LEVEL ??= 'warn';
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
process.env.CREDENTIALS_KEY ??= crypto.randomBytes(32).toString('base64url');

// As every entry point that runs Parley does: inbound messages go to their consumers (automation).
// In a hook, which runs after the test file was collected: importing the domains here, before it, would
// load them ahead of the test file's vi.mock of a module they use (node:dns/promises, say).
beforeAll(async () => {
  (await import('@/scripts/compose')).registerInboundConsumers();
});
