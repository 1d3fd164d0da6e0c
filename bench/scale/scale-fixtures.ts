// What bench/scale and test/fault store in a seeded database: the demo account raised to an unlimited
// messaging tier, a WhatsApp number raised to 100,000 messages/s (so the machine, not the channel's
// rate, limits), an approved template, campaigns stored as import leaves them (the menu bot is bench/runner/menu-bot.ts).
import type { Db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { sqlDate } from '@/lib/db/sql';

export const SUB = 'acme_corp_chatapps';
export const CHANNEL = 'acme_corp_whatsapp';

export async function prepareTenant(db: Db): Promise<void> {
  await db.account.update({ where: { id: 'acme_corp' }, data: { messagingTier: 'TIER_UNLIMITED' } });
  await db.channel.update({ where: { id: CHANNEL }, data: { rateLimitPerSecond: 100_000 } });
  await db.template.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: SUB,
      channelId: CHANNEL,
      name: 'bench_promo',
      language: 'en_US',
      category: 'MARKETING',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hi {{1}}, our sale starts today.', examples: ['Maria'] }],
    },
  });
}

/** A draft campaign of `n` pending recipients (numbers +65 8xxx xxxx from `firstNumber`, never ending 0000). */
export async function storeCampaign(db: Db, id: string, n: number, firstNumber: number, ratePerSecond = 10_000): Promise<void> {
  const now = new Date();
  await db.campaign.create({
    data: {
      id,
      accountId: 'acme_corp',
      subAccountId: SUB,
      channelId: CHANNEL,
      name: id,
      templateName: 'bench_promo',
      templateLanguage: 'en_US',
      category: 'marketing',
      spec: { name: id, subAccountId: SUB, template: { name: 'bench_promo', language: 'en_US' }, parameters: { 'body.1': { column: 'name' } }, ratePerSecond },
      columns: ['phone', 'name'],
      slotKeys: ['body.1'],
      status: 'draft',
      ratePerSecond,
      rows: n,
      valid: n,
      pending: n,
      createdAt: now,
      updatedAt: now,
    },
  });
  let number = firstNumber;
  const CHUNK = 500;
  for (let i = 0; i < n; i += CHUNK) {
    const params: unknown[] = [];
    const k = Math.min(CHUNK, n - i);
    for (let j = 0; j < k; j++) {
      if (++number % 10_000 === 0) number++; // the sandbox's unreachable numbers end in 0000
      params.push(id, i + j + 2, `+658${String(number).padStart(7, '0')}`, 'SG', 'pending', JSON.stringify([`Customer ${i + j}`]));
    }
    const values = Array.from({ length: k }, () => '(?, ?, ?, ?, ?, ?, 0)').join(', ');
    await write(db, (t) =>
      t.run(`INSERT INTO "CampaignRecipient" ("campaignId", "row", "msisdn", "country", "status", "values", "attempt") VALUES ${values}`, ...params),
    );
  }
}

/** Starts a stored campaign now, as launch does. */
export async function launchCampaign(db: Db, id: string): Promise<void> {
  const at = sqlDate(new Date());
  await write(db, (t) => t.run(`UPDATE "Campaign" SET "status" = 'running', "startedAt" = ?, "updatedAt" = ? WHERE "id" = ?`, at, at, id));
}

export function campaignCounters(db: Db, id: string) {
  return read(db, (t) => t.one<{ status: string; pending: number; queued: number }>('SELECT "status", "pending", "queued" FROM "Campaign" WHERE "id" = ?', id));
}

/** A campaign's messages not handed to the carrier yet. */
export function queuedMessages(db: Db, campaignId: string): Promise<number> {
  return read(db, function* (t) {
    return (yield* t.one<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Message" WHERE "campaignId" = ? AND "status" = 'queued'`, campaignId))!.n;
  });
}
