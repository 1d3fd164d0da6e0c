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

  // A RESTART that waited for readers held off every writer for up to a second at a time, and tried again
  // at once. A transaction that has read cannot wait for the write lock (SQLite fails its first write at
  // once), so a reader that went on to write failed for as long as the checkpoint waited on readers.
  it('never holds the write lock waiting for a reader, so a reading transaction can go on to write', async () => {
    const { file, conn } = walDatabase();
    conn.pragma('wal_autocheckpoint = 0');
    const insert = conn.prepare('INSERT INTO t (v) VALUES (?)');
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(3000));
    conn.exec('BEGIN');
    expect(conn.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 300 });
    checkpointInBackground(conn, { everyMs: 10, restartFrames: 100 });
    await sleep(1500); // the worker starts and finds the WAL past restartFrames, with our reader in it
    conn.pragma('busy_timeout = 4000');
    const started = Date.now();
    insert.run('written by the reader');
    conn.exec('COMMIT');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(conn.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 301 });
    await stopBackgroundCheckpoint(file);
    conn.close();
  });

  it('leaves an in-memory database alone', () => {
    const conn = new Database(':memory:');
    checkpointInBackground(conn);
    expect(Number(conn.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000);
    conn.close();
  });
});
