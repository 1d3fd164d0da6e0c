// The fault test (test/fault/multi-worker-fault.ts) scaled down: 4 worker processes on PostgreSQL, 20
// instances of the bot with a reply and a wait and a 1,000-recipient campaign, two workers killed with
// SIGKILL mid-campaign and one started again. PostgreSQL only: on SQLite one worker process runs.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dropPostgresDatabase } from '@/bench/scale/scale-setup';

describe.skipIf(process.env.TEST_DATABASE !== 'postgres')('multi-worker fault test (PostgreSQL)', () => {
  it('loses and duplicates nothing when two of four workers are killed', { timeout: 120_000 }, async () => {
    const dbName = `fault_t${crypto.randomBytes(3).toString('hex')}`;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/fault/multi-worker-fault.ts'], {
        env: { ...process.env, FAULT_DBNAME: dbName, FAULT_INSTANCES: '20', FAULT_RECIPIENTS: '1000', FAULT_DEADLINE_MS: '100000', LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      const code = await new Promise<number | null>((r) => child.once('exit', r));
      expect(out).toContain('PASS');
      expect(code).toBe(0);
    } finally {
      await dropPostgresDatabase(dbName);
    }
  });
});
