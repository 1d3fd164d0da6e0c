// What bench/scale and test/fault store in a seeded database: the demo account raised to an unlimited
// messaging tier, a WhatsApp number raised to 100,000 messages/s (so the machine, not the channel's
// rate, limits), an approved template, campaigns stored as import leaves them, and the menu bot.
import type { Db } from '@/lib/db/client';
import { read, write } from '@/lib/db/tx';
import { sqlDate } from '@/lib/db/sql';
import { createWorkflow } from '@/lib/automation/workflows';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

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

/** The runner bench's menu bot (bench/runner/bench.ts): inbound → menu → WaitForReply → Branch → reply. */
export async function createMenuBot(db: Db): Promise<void> {
  await createWorkflow(
    db,
    'acme_corp',
    {
      subAccountId: SUB,
      trigger: 'inbound_chat_apps',
      status: 'enabled',
      definition: {
        name: 'Menu bot',
        steps: [
          {
            id: 'menu',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: 'Hi! 1 Sales, 2 Support, 3 Billing' } },
            outputs: { who: '{{data.payload.user.msisdn}}' },
            nextStepId: 'wait',
          },
          {
            id: 'wait',
            stepType: 'WaitForReply',
            inputs: { from: '{{data.who}}', channel: 'whatsapp', timeout: '00:05:00' },
            outputs: { choice: '{{step.reply == null ? null : step.reply.payload.content.text}}' },
            nextStepId: 'route',
          },
          { id: 'route', stepType: 'Branch', selectNextStep: { sales: "{{data.choice == '1'}}", support: "{{data.choice == '2'}}", other: null } },
          { id: 'sales', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Sales will call you' } } },
          {
            id: 'support',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Support ticket opened' } },
          },
          {
            id: 'other',
            stepType: 'ChatAppsMessage',
            inputs: { user: { msisdn: '{{data.who}}' }, type: 'text', content: { text: 'Billing: see your invoice' } },
          },
        ],
      },
    },
    { actor: SYSTEM_ACTOR },
  );
}
