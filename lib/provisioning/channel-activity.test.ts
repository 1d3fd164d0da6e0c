import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqliteConnection } from '@/lib/db/sqlite-connection';
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
  const conn = await sqliteConnection(db);
  // Busy: ROWS messages on the demo channel, alternating directions, one a second up to now.
  conn
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO "Message" ("id", "accountId", "subAccountId", "channelId", "channel", "direction", "msisdn", "channelUserId", "type", "content", "status", "statusAt", "createdAt")
       SELECT 'bulk-' || i, 'acme_corp', 'acme_corp_chatapps', 'acme_corp_whatsapp', 'whatsapp', CASE i % 2 WHEN 0 THEN 'inbound' ELSE 'outbound' END,
              '+6591234567', '+6591234567', 'text', '{"text":"hi"}', 'delivered',
              strftime('%Y-%m-%dT%H:%M:%fZ', (? + i * 1000) / 1000.0, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%fZ', (? + i * 1000) / 1000.0, 'unixepoch')
       FROM n`,
    )
    .run(ROWS, start, start);
}, 120_000);

describe('channel activity', () => {
  it('reads the newest inbound and outbound of the only channel of its kind from an index, at once', async () => {
    const conn = await sqliteConnection(db);
    const plan = conn
      .prepare(
        `EXPLAIN QUERY PLAN SELECT "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "direction" = ? AND "channel" = ? ORDER BY "createdAt" DESC LIMIT 1`,
      )
      .all('acme_corp_chatapps', 'inbound', 'whatsapp') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/SEARCH Message USING COVERING INDEX Message_logs_(direction|channel)_idx/);
    const t0 = performance.now();
    const a = await channelActivity(db, busy, true);
    const ms = performance.now() - t0;
    expect(a).toEqual({
      lastInboundAt: new Date(start + ROWS * 1000).toISOString(),
      lastOutboundAt: new Date(start + (ROWS - 1) * 1000).toISOString(),
      scanLimit: null,
    });
    // Generous for a loaded CI machine; a scan of the table would take seconds.
    expect(ms).toBeLessThan(250);
  });

  it('tells a second channel of the same kind apart: nothing yet, then its own newest message', async () => {
    const quiet = await createChannel(db, SYSTEM_ACTOR, 'acme_corp', 'acme_corp_chatapps', { id: 'acme_quiet_wa', kind: 'whatsapp', address: '+6590000001' });
    const t0 = performance.now();
    expect(await channelActivity(db, quiet, false)).toEqual({ lastInboundAt: null, lastOutboundAt: null, scanLimit: 50_000 });
    const ms = performance.now() - t0;
    // An idle channel beside a busy sibling reads the sibling's newest rows, and no more (Message has no channel-id index).
    console.info(`idle channel beside ${ROWS} messages: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1_000);
    const at = new Date();
    await db.message.create({
      data: {
        id: 'quiet-1',
        accountId: 'acme_corp',
        subAccountId: 'acme_corp_chatapps',
        channelId: quiet.id,
        channel: 'whatsapp',
        direction: 'inbound',
        msisdn: '+6591234567',
        channelUserId: '+6591234567',
        type: 'text',
        content: { text: 'hi' },
        status: 'received',
        statusAt: at,
        createdAt: at,
      },
    });
    expect(await channelActivity(db, quiet, false)).toEqual({ lastInboundAt: at.toISOString(), lastOutboundAt: null, scanLimit: 50_000 });
    expect((await channelActivity(db, busy, false)).lastInboundAt).not.toBe(at.toISOString());
  });
});
