// Each test file gets its own copy of the migrated template database, and the process-wide `db`
// (lib/db/client.ts) points at it, so tests run against a real SQLite file without seeing each other.
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { beforeAll, inject } from 'vitest';

const file = path.join(os.tmpdir(), `parley-test-${process.pid}-${crypto.randomBytes(4).toString('hex')}.db`);
const template = new Database(inject('templateDb'), { readonly: true });
await template.backup(file);
template.close();
process.env.DATABASE_URL = `file:${file}`;
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
