import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, createDb, type Db, db } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { read } from '@/lib/db/tx';
import { sendMessage } from '@/lib/messaging/send-message';
import { processOutbox } from '@/lib/messaging/process-outbox';
import { seedDemoTenant } from '@/test/factories';

// README "Production" says: back up with pg_dump while Parley runs, restore with pg_restore. This takes
// a dump in the middle of a burst of sends (the outbox draining meanwhile), restores it into an empty
// database and checks that what comes back is one consistent moment and a Parley that works.
const onPostgres = process.env.TEST_DATABASE === 'postgres';
const SUB = 'acme_corp_chatapps';

function* consistency(t: import('@/lib/db/tx').Tx) {
  const messages = yield* t.one<{ n: number }>('SELECT COUNT(*) AS n FROM "Message"');
  const counted = yield* t.one<{ n: number | null }>('SELECT SUM("messages") AS n FROM "MessageRollupDay"');
  const jobs = yield* t.one<{ n: number }>(`SELECT COUNT(*) AS n FROM "MessageJob" j LEFT JOIN "Message" m ON m."id" = j."messageId" WHERE m."id" IS NULL`);
  // A message and its rollup count are written in one transaction: a dump between them would differ.
  return { messages: messages!.n, gap: messages!.n - (counted?.n ?? 0), orphanJobs: jobs!.n };
}

describe.skipIf(!onPostgres)('a pg_dump taken under load restores to a working Parley', () => {
  const restoredName = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_restored`;
  let restored: Db | null = null;
  afterAll(async () => {
    if (restored) await closeDb(restored);
  });

  it('restores one consistent moment of a busy database, with its migrations, and takes sends again', async () => {
    await seedDemoTenant();
    const atRest = await read(db, consistency);

    // A burst of sends, with the outbox delivering them to the sandbox at the same time.
    let stop = false;
    let sent = 0;
    const load = (async () => {
      while (!stop) {
        await Promise.all(
          Array.from({ length: 20 }, () =>
            sendMessage(db, {
              accountId: 'acme_corp',
              subAccountId: SUB,
              body: { user: { msisdn: `+1555${crypto.randomInt(1e6, 9e6)}` }, type: 'text', content: { text: 'backup' } },
            }),
          ),
        );
        sent += 20;
      }
    })();
    const drain = (async () => {
      while (!stop) if (!(await processOutbox(db))) await new Promise((r) => setTimeout(r, 5));
    })();
    while (sent < 200) await new Promise((r) => setTimeout(r, 10));

    const dump = path.join(os.tmpdir(), `parley-backup-${crypto.randomBytes(4).toString('hex')}.dump`);
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, process.env.DATABASE_URL!]);
    stop = true;
    await Promise.all([load, drain]);

    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${restoredName}`);
    await admin.query(`CREATE DATABASE ${restoredName}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${restoredName}`;
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, dump]);
    fs.rmSync(dump, { force: true });

    // The schema is current: nothing left to migrate.
    expect((await applyMigrations(url.toString())).applied).toEqual([]);
    restored = createDb(url.toString());
    const back = await read(restored, consistency);
    // Taken mid-burst: more than the seed, fewer than the end, and as consistent as the database at rest.
    expect(back.messages).toBeGreaterThan(atRest.messages);
    expect(back.messages).toBeLessThan((await read(db, consistency)).messages + 1);
    expect({ gap: back.gap, orphanJobs: back.orphanJobs }).toEqual({ gap: atRest.gap, orphanJobs: 0 });

    // And it is a working Parley: sign-in data, API keys, a send accepted and delivered.
    expect(await restored.user.findUnique({ where: { email: 'admin@example.com' } })).not.toBeNull();
    const accepted = await sendMessage(restored, {
      accountId: 'acme_corp',
      subAccountId: SUB,
      body: { user: { msisdn: '+15550001234' }, type: 'text', content: { text: 'after restore' } },
    });
    // Behind it are the burst's sends still queued at the dump (hundreds when the machine is busy), drained
    // at the channel's rate: wait for them by time, not by a count of passes.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await restored.message.findUniqueOrThrow({ where: { id: accepted.umid } })).status === 'queued') {
      await processOutbox(restored);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await restored.message.findUniqueOrThrow({ where: { id: accepted.umid } })).status).not.toBe('queued');
  }, 120_000);
});
