// Campaign rows as import leaves them, stored directly, for the dispatch and lifecycle tests and the
// campaign benches (imported only by *.test.ts files and bench/).
import crypto from 'node:crypto';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

export const CAMPAIGN_SUB = 'acme_corp_chatapps';
export const CAMPAIGN_CHANNEL = 'acme_corp_whatsapp';

/** An APPROVED marketing template "Hi {{1}}" on the demo WhatsApp channel (unique name per call). */
export async function campaignTemplate(opts: { name?: string; category?: string; accountId?: string; subAccountId?: string; channelId?: string } = {}) {
  return db.template.create({
    data: {
      accountId: opts.accountId ?? 'acme_corp',
      subAccountId: opts.subAccountId ?? CAMPAIGN_SUB,
      channelId: opts.channelId ?? CAMPAIGN_CHANNEL,
      name: opts.name ?? `promo_${crypto.randomBytes(3).toString('hex')}`,
      language: 'en_US',
      category: opts.category ?? 'MARKETING',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hi {{1}}, our sale starts today.', examples: ['Maria'] }],
    },
  });
}

export type RecipientSeed = {
  msisdn: string;
  country?: string | null;
  status?: string;
  values?: string[] | null;
  dueAt?: Date | null;
  errorCode?: number | null;
  attempt?: number;
};

/**
 * A campaign of the demo account with its recipients (rows 2, 3, ... as in a CSV with a header), the
 * counters matching them. `recipients` may be a count: that many pending US numbers from +1555 200 0001 (none ends 0000, the sandbox's unreachable).
 */
export async function storeCampaign(args: {
  templateName: string;
  recipients: RecipientSeed[] | number;
  status?: string;
  ratePerSecond?: number;
  spec?: Record<string, unknown>;
  accountId?: string;
  subAccountId?: string;
  channelId?: string;
}) {
  const id = `cmp_${crypto.randomBytes(5).toString('hex')}`;
  const seeds: RecipientSeed[] =
    typeof args.recipients === 'number'
      ? Array.from({ length: args.recipients }, (_, i) => ({ msisdn: `+1555${String(2_000_001 + i).padStart(7, '0')}` }))
      : args.recipients;
  const rows = seeds.map((s, i) => ({
    campaignId: id,
    row: i + 2,
    msisdn: s.msisdn,
    country: s.country === undefined ? 'US' : s.country,
    status: s.status ?? 'pending',
    values: (s.values === undefined ? ['Ann'] : s.values) ?? undefined,
    dueAt: s.dueAt ?? null,
    errorCode: s.errorCode ?? null,
    attempt: s.attempt ?? 0,
  }));
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const now = new Date();
  await db.campaign.create({
    data: {
      id,
      accountId: args.accountId ?? 'acme_corp',
      subAccountId: args.subAccountId ?? CAMPAIGN_SUB,
      channelId: args.channelId ?? CAMPAIGN_CHANNEL,
      name: `Campaign ${id}`,
      templateName: args.templateName,
      templateLanguage: 'en_US',
      category: 'marketing',
      spec: (args.spec ?? {
        name: `Campaign ${id}`,
        subAccountId: args.subAccountId ?? CAMPAIGN_SUB,
        template: { name: args.templateName, language: 'en_US' },
        parameters: { 'body.1': { column: 'first_name' } },
      }) as Prisma.InputJsonValue,
      columns: ['phone', 'first_name'],
      slotKeys: ['body.1'],
      status: args.status ?? 'running',
      ratePerSecond: args.ratePerSecond ?? 10_000,
      rows: rows.length,
      valid: rows.filter((r) => !['invalid', 'duplicate', 'opted_out'].includes(r.status)).length,
      invalid: count('invalid'),
      duplicates: count('duplicate'),
      optedOut: count('opted_out'),
      pending: count('pending'),
      queued: count('queued'),
      sent: count('sent'),
      delivered: count('delivered'),
      read: count('read'),
      failed: count('failed'),
      skipped: count('skipped'),
      createdAt: now,
      updatedAt: now,
      startedAt: args.status === 'running' || args.status === undefined ? now : null,
    },
  });
  for (let i = 0; i < rows.length; i += 5000) await db.campaignRecipient.createMany({ data: rows.slice(i, i + 5000) });
  return id;
}

/** The campaign's counters beside a recount of its recipients by state: equal when dispatch kept them right. */
export async function countersAndRecount(id: string) {
  const c = await db.campaign.findUniqueOrThrow({ where: { id } });
  const groups = await db.campaignRecipient.groupBy({ by: ['status'], where: { campaignId: id }, _count: true });
  const recount = Object.fromEntries(groups.map((g) => [g.status, g._count]));
  const keys = ['pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
  return {
    counters: Object.fromEntries(keys.map((k) => [k, c[k]])),
    recount: Object.fromEntries(keys.map((k) => [k, recount[k] ?? 0])),
  };
}
