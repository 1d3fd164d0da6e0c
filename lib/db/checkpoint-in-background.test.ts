import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground, stopBackgroundCheckpoint } from './checkpoint-in-background';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const files: string[] = [];

function walDatabase() {
  const file = path.join(os.tmpdir(), `parley-checkpoint-${crypto.randomBytes(4).toString('hex')}.db`);
  files.push(file);
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
  return { file, conn };
}

afterEach(() => {
  for (const f of files.splice(0)) for (const p of [f, `${f}-wal`, `${f}-shm`]) fs.rmSync(p, { force: true });
});

describe('background WAL checkpoints', () => {
  it('keep the WAL short while the connection commits, and hand checkpoints back when they stop', async () => {
    const { file, conn } = walDatabase();
    checkpointInBackground(conn, { everyMs: 10, restartFrames: 100 });
    expect(Number(conn.pragma('wal_autocheckpoint', { simple: true }))).toBe(20_000);
    const insert = conn.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 1000; i++) {
      insert.run('x'.repeat(3000));
      if (i % 50 === 49) await sleep(20);
    }
    await sleep(50);
    insert.run('last');
    // 1000 commits of a page or two each: the committing connection alone would checkpoint at 20,000
    // frames, so without the worker its WAL would hold all of them.
    const [{ log }] = conn.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(Number(log)).toBeLessThan(500);
    expect(conn.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1001 });

    await stopBackgroundCheckpoint(file);
    await sleep(10);
    expect(Number(conn.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    conn.close();
  });

  it('leaves an in-memory database alone', () => {
    const conn = new Database(':memory:');
    checkpointInBackground(conn);
    expect(Number(conn.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    conn.close();
  });
});
