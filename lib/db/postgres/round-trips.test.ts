import crypto from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, db } from '@/lib/db/client';
import { dialectOf, postgresTxOf, read, type Tx } from '@/lib/db/tx';
import type { Body } from '@/lib/db/tx-types';
import { driveToEnd, postgresPool } from '@/lib/db/postgres/run-postgres';
import { countNewMessage, countStatusChange } from '@/lib/analytics/rollup-rows';
import { dispatchBatch } from '@/lib/campaigns/dispatch/dispatch-batch';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { sendMessage } from '@/lib/messaging/send-message';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { campaignTemplate, storeCampaign } from '@/test/campaign-fixtures';

// PostgreSQL only: every statement is a round trip to the server, and the hot paths pay per message for
// each one (bench/scale). SQLite's statements are function calls.
const onPostgres = dialectOf(db) === 'postgres';

/** The statements every pooled connection sends the server while `fn` runs (its transactions, reads and all). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const conn = await postgresPool(db)!.connect();
  const proto = Object.getPrototypeOf(conn) as { query: (...args: unknown[]) => unknown };
  conn.release();
  const query = proto.query;
  const sent: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    sent.push(typeof q === 'string' ? q : (q as pg.QueryConfig).text);
    return query.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = query;
  }
  return sent;
}

/** Runs `body` in a transaction (rolled back, or committed with `keep`) and returns the statements it sent the server. */
async function statementsOf(body: Body<unknown>, keep = false): Promise<string[]> {
  const conn = await postgresPool(db)!.connect();
  try {
    await conn.query('BEGIN');
    const sent = await statementsDuring(() => driveToEnd(conn, body, postgresTxOf(1)));
    await conn.query(keep ? 'COMMIT' : 'ROLLBACK');
    return sent;
  } finally {
    conn.release();
  }
}

const partner = (t: Tx, id: string) => t.run('INSERT INTO "Partner" ("id", "name", "createdAt") VALUES (?, ?, ?)', id, 'Probe', new Date().toISOString());

describe.skipIf(!onPostgres)('round trips on PostgreSQL', () => {
  it('a part that writes nothing costs no statement, and an ended part is released with the next savepoint', async () => {
    const id = () => `p_${crypto.randomBytes(5).toString('hex')}`;
    const sent = await statementsOf(function* (t) {
      yield* t.savepoint((p) => partner(p, id()));
      yield* t.savepoint(function* () {}); // an inbound consumer with nothing to do
      yield* t.savepoint((p) => partner(p, id()));
    });
    // Was SAVEPOINT and RELEASE around each of the three parts: 8 statements.
    expect(sent.filter((s) => s.includes('SAVEPOINT'))).toEqual(['SAVEPOINT parley_part', 'RELEASE SAVEPOINT parley_part; SAVEPOINT parley_part']);
    expect(sent).toHaveLength(4);
  });

  it('a batch counted into one bucket writes its day and quarter-hour rows in one statement, summed', async () => {
    const accountId = `acct_${crypto.randomBytes(4).toString('hex')}`;
    const m = {
      accountId,
      subAccountId: `${accountId}_sub`,
      channel: 'WhatsApp',
      direction: 'outbound',
      category: 'marketing',
      country: 'SG',
      createdAt: new Date(),
    };
    const sent = await statementsOf(function* (t) {
      for (let i = 0; i < 50; i++) yield* countNewMessage(t, { ...m, status: 'queued', opensConversation: i < 5, priceMicros: 100 });
      for (let i = 0; i < 20; i++) yield* countStatusChange(t, { ...m, from: 'queued', to: 'sent', addedCostMicros: 1 });
    }, true);
    // Was a zone read and two upserts per message: 210 statements.
    expect(sent.filter((s) => s.includes('"MessageRollup'))).toHaveLength(1);
    expect(sent.filter((s) => s.includes('"timeZone"'))).toHaveLength(1);
    for (const table of ['MessageRollupDay', 'MessageRollupSlot'])
      expect(
        await read(db, (t) => t.one(`SELECT "messages", "queued", "sent", "conversations", "costMicros" FROM "${table}" WHERE "accountId" = ?`, accountId)),
      ).toEqual({ messages: 50, queued: 30, sent: 20, conversations: 5, costMicros: 5020 });
  });

  it('an inbound message reads its conversation window once, and a session reply looks its clientMessageId up once', async () => {
    const tenant = await createOtherTenant('tripsin');
    const msisdn = '+15553920001';
    const inbound = () =>
      receiveInbound(db, {
        accountId: tenant.accountId,
        subAccountId: tenant.subAccountId,
        channel: 'whatsapp',
        msisdn,
        type: 'text',
        content: { text: 'hi' },
      });
    // Was read to decide whether the message opens a conversation, then again to refresh the window.
    for (let i = 0; i < 2; i++) {
      const sent = await statementsDuring(inbound);
      expect(sent.filter((s) => s.includes('FROM "ConversationWindow"'))).toHaveLength(1);
      // The message and its status: one statement (was two).
      expect(sent.filter((s) => /INSERT INTO "(Message|MessageStatusChange)" /.test(s))).toHaveLength(1);
    }

    const reply = () =>
      sendMessage(db, {
        accountId: tenant.accountId,
        subAccountId: tenant.subAccountId,
        body: { user: { msisdn }, type: 'text', content: { text: 'hello' }, clientMessageId: 'trips-reply-1' },
      });
    const lookups = (sent: string[]) => sent.filter((s) => s.includes('"clientMessageId" = $'));
    let first = '';
    // Was looked up before the transaction and again in it. A retry gets the first send's umid, stores nothing.
    const sent = await statementsDuring(async () => (first = (await reply()).umid));
    expect(lookups(sent)).toHaveLength(1);
    // The message, its first status and its outbox job: one statement (was three).
    const inserts = sent.filter((s) => /INSERT INTO "(Message|MessageStatusChange|MessageJob)" /.test(s));
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toMatch(/^WITH .*INSERT INTO "Message" .*INSERT INTO "MessageStatusChange" .*INSERT INTO "MessageJob" /s);
    let again = '';
    expect(lookups(await statementsDuring(async () => (again = (await reply()).umid)))).toHaveLength(1);
    expect(again).toBe(first);
    expect(await db.message.count({ where: { subAccountId: tenant.subAccountId, clientMessageId: 'trips-reply-1' } })).toBe(1);
  });

  describe('a campaign batch', () => {
    beforeAll(async () => {
      await seedDemoTenant();
    });

    it('reads once for the batch what each recipient’s send reads, and writes its rows a few statements a table', async () => {
      const tenant = await createOtherTenant('trips');
      const template = await campaignTemplate({ accountId: tenant.accountId, subAccountId: tenant.subAccountId, channelId: tenant.channelId });
      const { accountId, subAccountId, channelId } = tenant;
      const id = await storeCampaign({ templateName: template.name, recipients: 40, accountId, subAccountId, channelId });
      const sent = await statementsOf((t) => dispatchBatch(t, id, 40, new Date()));
      // Were one each per recipient: the idempotency key, the opt-out, the window, the tier, whether the
      // user is counted and how many users are (under a limited tier's lock), and four rows written.
      for (const reads of [
        '"clientMessageId" = ANY',
        '"OptOut"',
        '"ConversationWindow"',
        '"messagingTier"',
        'SELECT DISTINCT "msisdn" FROM "BusinessConversation"',
        'COUNT(*)',
      ])
        expect(
          sent.filter((s) => s.includes(reads)),
          reads,
        ).toHaveLength(1);
      // 40 rows a table: one statement of 32 rows and one of 8; the messages, their statuses and their
      // jobs together, each statement a chunk of all three.
      const claims = sent.filter((s) => s.startsWith('INSERT INTO "BusinessConversation" '));
      expect(claims.map((s) => s.split('), (').length)).toEqual([32, 8]);
      const rows = sent.filter((s) => s.includes('INSERT INTO "Message" '));
      expect(rows.map((s) => s.split('), (').length)).toEqual([32 * 3 - 2, 8 * 3 - 2]);
      for (const table of ['"MessageStatusChange"', '"MessageJob"']) expect(rows.every((s) => s.includes(`INSERT INTO ${table} `))).toBe(true);
      // The recipients' moves to queued, with their messages' ids: one statement for the batch.
      expect(sent.filter((s) => s.includes('UPDATE "CampaignRecipient"'))).toHaveLength(1);
      expect(sent.length).toBeLessThan(25);
    });
  });
});

afterAll(async () => {
  if (onPostgres) await closeDb(db);
});
