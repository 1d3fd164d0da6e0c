import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { dialectOf, LOCKING, read, write } from '@/lib/db/tx';
import { lockKey } from '@/lib/db/tx-locks';
import { enqueueOutbound, type OutboundRow } from '@/lib/messaging/enqueue-outbound';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { applyStatus } from '@/lib/messaging/apply-status';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { RateLimitError } from '@/lib/errors';
import { createOtherTenant } from '@/test/factories';
import { hold, holdKey, stillPending } from '@/test/postgres-locks';

// PostgreSQL only: the hot bodies run READ COMMITTED there and take their own locks (lib/db/tx.ts,
// LOCKING). SQLite runs one write transaction at a time and needs none of this.
const onPostgres = dialectOf(db) === 'postgres';

function templateTo(t: { accountId: string; subAccountId: string; channelId: string }, msisdn: string, clientMessageId?: string): OutboundRow {
  return {
    accountId: t.accountId,
    subAccountId: t.subAccountId,
    channelId: t.channelId,
    channel: 'whatsapp',
    to: parseMsisdn(msisdn),
    type: 'template',
    content: { template: { name: 'notice', language: 'en_US' } },
    category: 'utility',
    clientMessageId: clientMessageId ?? null,
  };
}

describe.skipIf(!onPostgres)('READ COMMITTED bodies and their locks on PostgreSQL', () => {
  it('lockKey makes a second holder wait, and its reads then see what the first committed', async () => {
    const t = await createOtherTenant('lockkey');
    const first = await holdKey('test-scope', t.accountId);
    const count = 'SELECT COUNT(*) AS "n" FROM "BusinessConversation" WHERE "accountId" = ?';
    const second = write(
      db,
      function* (tx) {
        yield* lockKey(tx, 'test-scope', t.accountId);
        return Number((yield* tx.one<{ n: number }>(count, t.accountId))?.n);
      },
      LOCKING,
    );
    expect(await stillPending(second)).toBe(true);
    // Committed while the second waits: a READ COMMITTED statement after the lock sees it.
    await write(db, (tx) =>
      tx.run('INSERT INTO "BusinessConversation" ("accountId", "msisdn", "openedAt") VALUES (?, ?, ?)', t.accountId, '+15550009999', sqlDate(new Date())),
    );
    await first.release();
    expect(await second).toBe(1);
  });

  it('an inbound message waits for its conversation (subaccount and number), not for others', async () => {
    const t = await createOtherTenant('lockin');
    const msisdn = '+6591110001';
    const held = await holdKey(`conversation:${t.subAccountId}`, msisdn);
    const input = { accountId: t.accountId, subAccountId: t.subAccountId, channel: 'whatsapp' as const, type: 'text', content: { text: 'hi' } };
    const blocked = receiveInbound(db, { ...input, msisdn });
    // Another customer of the same subaccount goes through meanwhile.
    await receiveInbound(db, { ...input, msisdn: '+6591110002' });
    expect(await stillPending(blocked)).toBe(true);
    await held.release();
    const { umid } = await blocked;
    expect(await db.message.count({ where: { id: umid } })).toBe(1);
  });

  it('two inbound messages of one customer at once: the window ends 24 h after the newer, whichever commits last', async () => {
    const t = await createOtherTenant('lockwin');
    const input = { accountId: t.accountId, subAccountId: t.subAccountId, channel: 'whatsapp' as const, type: 'text', content: { text: 'hi' } };
    const newer = new Date(Date.now() + 60_000);
    const older = new Date(Date.now() - 60_000);
    for (let i = 0; i < 10; i++) {
      const msisdn = `+659222${String(i).padStart(4, '0')}`;
      await Promise.all([receiveInbound(db, { ...input, msisdn, timestamp: newer }), receiveInbound(db, { ...input, msisdn, timestamp: older })]);
      const w = await db.conversationWindow.findUniqueOrThrow({ where: { subAccountId_msisdn: { subAccountId: t.subAccountId, msisdn } } });
      expect(w.cswExpiresAt?.getTime()).toBe(newer.getTime() + 24 * 3600_000);
    }
  });

  it('a business-initiated send waits for the account’s messaging-limit count', async () => {
    const t = await createOtherTenant('locklim');
    const held = await holdKey('business-conversations', t.accountId);
    const blocked = enqueueOutbound(db, templateTo(t, '+6593330001'));
    expect(await stillPending(blocked)).toBe(true);
    await held.release();
    const { umid } = await blocked;
    expect(await db.message.findUnique({ where: { id: umid }, select: { status: true, accountId: true } })).toEqual({
      status: 'queued',
      accountId: t.accountId,
    });
  });

  it('an unlimited tier has no count to wait for: its business-initiated sends go through while the lock is held', async () => {
    const t = await createOtherTenant('lockunl');
    await db.account.update({ where: { id: t.accountId }, data: { messagingTier: 'TIER_UNLIMITED' } });
    const held = await holdKey('business-conversations', t.accountId);
    try {
      const send = enqueueOutbound(db, templateTo(t, '+6593330002'));
      expect(await stillPending(send, 300)).toBe(false);
      const { umid } = await send;
      expect(await db.message.findUnique({ where: { id: umid }, select: { status: true, accountId: true } })).toEqual({
        status: 'queued',
        accountId: t.accountId,
      });
      expect(await db.businessConversation.count({ where: { accountId: t.accountId } })).toBe(1);
    } finally {
      await held.release();
    }
  });

  it('sends racing for the last places of the tier: exactly as many are accepted as places were left', async () => {
    const t = await createOtherTenant('lockrace');
    // TIER_250 with 246 users already counted in the last 24 h: 4 places left.
    await db.account.update({ where: { id: t.accountId }, data: { messagingTier: 'TIER_250' } });
    await write(db, function* (tx) {
      const rows = Array.from({ length: 246 }, (_, k) => [t.accountId, `+1555${String(k).padStart(6, '0')}`, sqlDate(new Date(Date.now() - 3600_000))]);
      yield* tx.run(`INSERT INTO "BusinessConversation" ("accountId", "msisdn", "openedAt") VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, ...rows.flat());
    });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, k) => enqueueOutbound(db, templateTo(t, `+659444${String(k).padStart(4, '0')}`))));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitError).length;
    expect({ accepted, refused }).toEqual({ accepted: 4, refused: 8 });
    expect(await db.businessConversation.count({ where: { accountId: t.accountId } })).toBe(250);
  });

  it('sends racing with one clientMessageId: one message, and every caller gets its umid', async () => {
    const t = await createOtherTenant('lockidem');
    const row = { ...templateTo(t, '+6595550001', 'same-key-1'), type: 'text', content: { text: 'hello' }, category: 'service' };
    const results = await Promise.all(Array.from({ length: 8 }, () => enqueueOutbound(db, row)));
    expect(new Set(results.map((r) => r.umid)).size).toBe(1);
    expect(await db.message.count({ where: { subAccountId: t.subAccountId, clientMessageId: 'same-key-1' } })).toBe(1);
  });

  it('a status change waits for a transaction changing its message, then decides from what that one left', async () => {
    const t = await createOtherTenant('lockstat');
    const { umid } = await enqueueOutbound(db, { ...templateTo(t, '+6596660001'), type: 'text', content: { text: 'x' }, category: 'service' });
    // Another transaction moves it to "read" (a receipt batch of another worker, say) and has not committed yet.
    const held = await hold('UPDATE "Message" SET "status" = \'read\' WHERE "id" = $1', [umid]);
    const delivered = write(db, (tx) => applyStatus(tx, umid, { state: 'delivered' }), LOCKING);
    expect(await stillPending(delivered)).toBe(true);
    await held.release();
    // It read the row once the other committed: "delivered" is behind "read", so it is ignored.
    expect(await delivered).toBe(false);
    expect((await db.message.findUniqueOrThrow({ where: { id: umid } })).status).toBe('read');
    const states = await read(db, (tx) => tx.all<{ state: string }>('SELECT "state" FROM "MessageStatusChange" WHERE "messageId" = ? ORDER BY "id"', umid));
    expect(states.map((s) => s.state)).toEqual(['queued']);
  });
});
