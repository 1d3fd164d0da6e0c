import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
import { dialectOf, write } from '@/lib/db/tx';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { channelActivity } from '@/lib/provisioning/channel-activity';
import { createChannel } from '@/lib/provisioning/create-channel';
import { seedDemoTenant } from '@/test/factories';

// The channel page's last inbound/outbound times on a subaccount with many messages: answered from
// the subaccount's indexes, never by reading the whole table.
const ROWS = 200_000;
// Message i (1..ROWS) at start + i s: even ones inbound, odd ones outbound.
const start = Date.now() - ROWS * 1000;
const busy = { id: 'acme_corp_whatsapp', subAccountId: 'acme_corp_chatapps', kind: 'whatsapp' };

beforeAll(async () => {
  await seedDemoTenant();
  // Busy: ROWS messages on the demo channel, alternating directions, one a second up to now.
  const numbers =
    dialectOf(db) === 'postgres'
      ? `SELECT i, to_char(to_timestamp((CAST(? AS BIGINT) + i * 1000) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') || 'Z' AS at FROM generate_series(1, ?) AS n(i)`
      : `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', (? + i * 1000) / 1000.0, 'unixepoch') AS at FROM n`;
  const params = dialectOf(db) === 'postgres' ? [start, ROWS] : [ROWS, start];
  // PostgreSQL's column is a timestamp; SQLite's is text (a CAST there would make it a number).
  const at = dialectOf(db) === 'postgres' ? 'CAST(at AS TIMESTAMP)' : 'at';
  await write(db, function* (t) {
    yield* t.run(
      `INSERT INTO "Message" ("id", "accountId", "subAccountId", "channelId", "channel", "direction", "msisdn", "channelUserId", "type", "content", "status", "statusAt", "createdAt")
       SELECT 'bulk-' || i, 'acme_corp', 'acme_corp_chatapps', 'acme_corp_whatsapp', 'whatsapp', CASE i % 2 WHEN 0 THEN 'inbound' ELSE 'outbound' END,
              '+6591234567', '+6591234567', 'text', '{"text":"hi"}', 'delivered', ${at}, ${at}
       FROM (${numbers}) AS rows`,
      ...params,
    );
  });
}, 120_000);

describe('channel activity', () => {
  it('reads the newest inbound and outbound of the channel from an index alone', async () => {
    expect(await channelActivity(db, busy)).toEqual({
      lastInboundAt: new Date(start + ROWS * 1000).toISOString(),
      lastOutboundAt: new Date(start + (ROWS - 1) * 1000).toISOString(),
    });
    if (dialectOf(db) === 'postgres') return; // the plan below is SQLite's; PostgreSQL chooses its own
    const conn = await sqliteConnection(db);
    const plan = conn
      .prepare(
        `EXPLAIN QUERY PLAN SELECT "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "direction" = ? AND "channel" = ? ORDER BY "createdAt" DESC LIMIT 1`,
      )
      .all('acme_corp_chatapps', 'inbound', 'whatsapp') as { detail: string }[];
    // A covering index search, never a scan of the table or a sort of its rows.
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/^SEARCH Message USING COVERING INDEX Message_logs_(direction|channel)_idx[^|]*$/);
  });

  it('has one channel per kind to tell apart: a second WhatsApp number in the subaccount is refused', async () => {
    await expect(
      createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_corp_chatapps', { id: 'acme_second_wa', kind: 'whatsapp', address: '+6590000001' }),
    ).rejects.toMatchObject({
      status: 409,
      issues: [{ path: 'kind', message: expect.stringMatching(/already has a WhatsApp channel \(acme_corp_whatsapp\)/) }],
    });
    expect(await db.channel.findUnique({ where: { id: 'acme_second_wa' } })).toBeNull();
    expect(await db.channel.count({ where: { subAccountId: 'acme_corp_chatapps', kind: 'whatsapp' } })).toBe(1);
  });
});
