import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { applyMigrationsSqlite } from '@/lib/db/migrations';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/** A migrated, empty database made once per test run; each test file works on its own copy. */
export default function setup(project: TestProject) {
  const file = path.join(os.tmpdir(), `parley-test-template-${crypto.randomBytes(4).toString('hex')}.db`);
  applyMigrationsSqlite(file);
  // One file, not WAL side files, so that copies are consistent.
  project.provide('templateDb', file);
  return () => {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  };
}
