import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { write } from '@/lib/db/tx';
import { createOtherTenant, seedDemoTenant, subscribeWebhook } from '@/test/factories';
import { upgradeMessagingTiers } from '@/lib/messaging/upgrade-messaging-tiers';
import { changeMessagingTier } from '@/lib/messaging/change-messaging-tier';
import { messagingTierTask } from '@/lib/messaging/messaging-tier-task';
import { UPGRADE_RULES } from '@/lib/messaging/messaging-tier-ladder';
import { getMessagingLimitStatus } from '@/lib/messaging/get-messaging-limit-status';
import { applyQualityEvent } from '@/lib/templates/apply-quality-event';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// The checks take the clock as an argument: a fixed "now" and conversations placed around it.
const NOW = new Date('2030-01-10T12:00:00.000Z');
const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms);

/** `users` business-initiated conversations of the account at `at`, with distinct customers `<prefix>0…`. */
async function converse(accountId: string, users: number, at: Date, prefix: string) {
  // 500 rows a statement: PostgreSQL's round trips would make 50,000 single inserts take seconds.
  await write(db, function* (t) {
    for (let from = 0; from < users; from += 500) {
      const rows = Array.from({ length: Math.min(500, users - from) }, (_, k) => [accountId, `+1${prefix}${from + k}`, sqlDate(at)]);
      yield* t.run(`INSERT INTO "BusinessConversation" ("accountId", "msisdn", "openedAt") VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, ...rows.flat());
    }
  });
}

const tierOf = async (accountId: string) => (await db.account.findUniqueOrThrow({ where: { id: accountId } })).messagingTier;
const setTier = (accountId: string, messagingTier: string) =>
  db.account.update({ where: { id: accountId }, data: { messagingTier, messagingTierSince: null } });
const phoneEvents = (accountId: string) =>
  db.event.findMany({ where: { accountId, eventType: 'phone_number_quality_update' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** A tenant of its own (one WhatsApp number, +15550001111) at `tier`, subscribed to the event unless told. */
async function tenant(tier: string, subscribe = true) {
  const t = await createOtherTenant('tiers');
  await setTier(t.accountId, tier);
  if (subscribe) await subscribeWebhook(['phone_number_quality_update'], { accountId: t.accountId });
  return t;
}

beforeAll(async () => {
  await seedDemoTenant();
});

describe('automatic messaging-limit upgrade', () => {
  it('upgrades TIER_2K → TIER_10K at 1,000 unique users in 7 days, with one reference-shaped event per WhatsApp number and an audit entry', async () => {
    await subscribeWebhook(['phone_number_quality_update']);
    await setTier('acme_corp', 'TIER_2K');
    await converse('acme_corp', 999, ago(2 * DAY), 'acme');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    expect(await tierOf('acme_corp')).toBe('TIER_2K');

    await converse('acme_corp', 1, ago(HOUR), 'acme_last');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([{ accountId: 'acme_corp', from: 'TIER_2K', to: 'TIER_10K', event: 'UPGRADE' }]);
    expect(await db.account.findUniqueOrThrow({ where: { id: 'acme_corp' } })).toMatchObject({ messagingTier: 'TIER_10K', messagingTierSince: NOW });

    // acme_corp has two WhatsApp numbers, in two subaccounts (the SMS channel gets nothing).
    const events = (await phoneEvents('acme_corp')).sort((a, b) => a.subAccountId!.localeCompare(b.subAccountId!));
    expect(events.map((e) => [e.subAccountId, (e.body as any).eventDetails.displayPhoneNumber])).toEqual([
      ['acme_corp', '15550783882'],
      ['acme_corp_chatapps', '15550783881'],
    ]);
    expect(events[1]!.body).toEqual({
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      timestamp: '2030-01-10T12:00:00.000Z',
      provider: 'WhatsApp',
      eventType: 'phone_number_quality_update',
      eventDetails: { displayPhoneNumber: '15550783881', meta: { event: 'UPGRADE', currentLimit: 'TIER_10K', oldLimit: 'TIER_2K' } },
    });
    expect(await db.auditEvent.findMany({ where: { entityType: 'account', entityId: 'acme_corp' } })).toMatchObject([
      {
        action: 'account.messaging_tier.upgrade',
        actorUserId: null,
        actorLabel: 'WhatsApp (automatic upgrade)',
        changes: { messagingTier: { from: 'TIER_2K', to: 'TIER_10K' } },
      },
    ]);

    // The next look finds nothing to do: 1,000 users are far from half of 10,000.
    expect(await upgradeMessagingTiers(db, { now: new Date(NOW.getTime() + HOUR) })).toEqual([]);
    expect(await phoneEvents('acme_corp')).toHaveLength(2);
  });

  it('counts unique users, not conversations, and only inside the 7-day window', async () => {
    const t = await tenant('TIER_2K');
    await converse(t.accountId, 800, ago(8 * DAY), 'old'); // outside the window
    await converse(t.accountId, 600, ago(3 * DAY), 'again');
    await converse(t.accountId, 600, ago(1 * DAY), 'again'); // the same 600 customers a second time
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    await converse(t.accountId, 399, ago(HOUR), 'new');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    await converse(t.accountId, 1, ago(HOUR), 'newest');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ accountId: t.accountId, to: 'TIER_10K' }]);
  });

  it('moves one tier at a time: the users that earned an upgrade do not earn the next one', async () => {
    const t = await tenant('TIER_1K');
    // 5,000 users: enough for 1K → 10K (500) and, counted again, for 10K → 100K (5,000).
    await converse(t.accountId, 5_000, ago(2 * DAY), 'wave1');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ from: 'TIER_1K', to: 'TIER_10K' }]);
    expect(await upgradeMessagingTiers(db, { now: new Date(NOW.getTime() + HOUR) })).toEqual([]);
    expect(await tierOf(t.accountId)).toBe('TIER_10K');
    // 5,000 new conversations under the 10K limit do earn it.
    const later = new Date(NOW.getTime() + DAY);
    await converse(t.accountId, 5_000, ago(HOUR, later), 'wave2');
    expect(await upgradeMessagingTiers(db, { now: later })).toMatchObject([{ from: 'TIER_10K', to: 'TIER_100K' }]);
    expect((await phoneEvents(t.accountId)).map((e) => (e.body as any).eventDetails.meta)).toEqual([
      { event: 'UPGRADE', currentLimit: 'TIER_10K', oldLimit: 'TIER_1K' },
      { event: 'UPGRADE', currentLimit: 'TIER_100K', oldLimit: 'TIER_10K' },
    ]);
  });

  it('goes from TIER_100K to TIER_UNLIMITED at 50,000 users, and never beyond', async () => {
    expect(UPGRADE_RULES.TIER_100K).toMatchObject({ to: 'TIER_UNLIMITED', users: 50_000 });
    expect(UPGRADE_RULES.TIER_UNLIMITED).toBeUndefined();
    const t = await tenant('TIER_100K');
    await converse(t.accountId, 49_999, ago(3 * DAY), 'bulk');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    await converse(t.accountId, 1, ago(HOUR), 'last');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ from: 'TIER_100K', to: 'TIER_UNLIMITED' }]);
    await converse(t.accountId, 10, new Date(NOW.getTime() + HOUR), 'more');
    expect(await upgradeMessagingTiers(db, { now: new Date(NOW.getTime() + 2 * HOUR) })).toEqual([]);
    expect(await tierOf(t.accountId)).toBe('TIER_UNLIMITED');
    expect(await phoneEvents(t.accountId)).toHaveLength(1);
  });

  it('lifts TIER_250 to TIER_2K at 2,000 unique users within 30 days', async () => {
    const t = await tenant('TIER_250');
    await converse(t.accountId, 1_000, ago(25 * DAY), 'early');
    await converse(t.accountId, 999, ago(10 * DAY), 'late');
    await converse(t.accountId, 500, ago(31 * DAY), 'too_old');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    await converse(t.accountId, 1, ago(DAY), 'last');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ from: 'TIER_250', to: 'TIER_2K' }]);
  });

  it('does not upgrade while a template of the account is PAUSED or DISABLED for quality', async () => {
    const t = await tenant('TIER_2K');
    const tpl = await db.template.create({
      data: {
        accountId: t.accountId,
        subAccountId: t.subAccountId,
        channelId: t.channelId,
        name: 'weekly_digest',
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Hi' }],
        status: 'APPROVED',
      },
    });
    await applyQualityEvent(db, { actor: SYSTEM_ACTOR, accountId: t.accountId, templateId: tpl.id, quality: 'RED' });
    await converse(t.accountId, 1_000, ago(DAY), 'busy');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    await applyQualityEvent(db, { actor: SYSTEM_ACTOR, accountId: t.accountId, templateId: tpl.id, quality: 'RED' });
    expect((await db.template.findUniqueOrThrow({ where: { id: tpl.id } })).status).toBe('DISABLED');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toEqual([]);
    expect(await phoneEvents(t.accountId)).toHaveLength(0);
    // The quality recovers (a disabled template is gone for good; delete it): the upgrade follows.
    await db.template.delete({ where: { id: tpl.id } });
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ to: 'TIER_10K' }]);
  });

  it('upgrades an account without subscribers but stores no event for it', async () => {
    const t = await tenant('TIER_2K', false);
    await subscribeWebhook(['template_status_update'], { accountId: t.accountId });
    await converse(t.accountId, 1_000, ago(DAY), 'quiet');
    expect(await upgradeMessagingTiers(db, { now: NOW })).toMatchObject([{ accountId: t.accountId, to: 'TIER_10K' }]);
    expect(await db.event.count({ where: { accountId: t.accountId } })).toBe(0);
  });

  it('runs as a background task on the injected clock, and sleeps for the configured interval', async () => {
    const t = await tenant('TIER_2K');
    await converse(t.accountId, 1_000, ago(DAY), 'task');
    const task = messagingTierTask(db, { intervalMs: 12_345, now: () => NOW });
    expect(await task.tick()).toBe(12_345);
    expect(await tierOf(t.accountId)).toBe('TIER_10K');
    // A clock a week and a day on: those users are out of the window, nothing to do.
    await setTier(t.accountId, 'TIER_2K');
    expect(await messagingTierTask(db, { intervalMs: 1, now: () => new Date(NOW.getTime() + 8 * DAY) }).tick()).toBe(1);
    expect(await tierOf(t.accountId)).toBe('TIER_2K');
  });
});

describe('changeMessagingTier (an admin in Settings)', () => {
  const actor = { partnerId: 'demo_partner', userId: null, label: 'admin@example.com' };

  it('fires DOWNGRADE or UPGRADE for each number, and nothing when the tier stays', async () => {
    const t = await tenant('TIER_10K');
    expect(await changeMessagingTier(db, { accountId: t.accountId, to: 'TIER_250', actor, reason: 'set in Settings', now: NOW })).toEqual({
      from: 'TIER_10K',
      to: 'TIER_250',
      event: 'DOWNGRADE',
    });
    expect(await changeMessagingTier(db, { accountId: t.accountId, to: 'TIER_250', actor, reason: 'set in Settings' })).toBeNull();
    expect(await changeMessagingTier(db, { accountId: t.accountId, to: 'TIER_100K', actor, reason: 'set in Settings' })).toMatchObject({ event: 'UPGRADE' });
    expect((await phoneEvents(t.accountId)).map((e) => (e.body as any).eventDetails)).toEqual([
      { displayPhoneNumber: '15550001111', meta: { event: 'DOWNGRADE', currentLimit: 'TIER_250', oldLimit: 'TIER_10K' } },
      { displayPhoneNumber: '15550001111', meta: { event: 'UPGRADE', currentLimit: 'TIER_100K', oldLimit: 'TIER_250' } },
    ]);
    expect((await db.auditEvent.findMany({ where: { entityId: t.accountId }, orderBy: { createdAt: 'asc' } })).map((a) => [a.action, a.actorLabel])).toEqual([
      ['account.messaging_tier.downgrade', 'admin@example.com'],
      ['account.messaging_tier.upgrade', 'admin@example.com'],
    ]);
  });

  it('loses to a change made meanwhile (expectFrom)', async () => {
    const t = await tenant('TIER_2K');
    await setTier(t.accountId, 'TIER_100K');
    expect(await changeMessagingTier(db, { accountId: t.accountId, to: 'TIER_10K', expectFrom: 'TIER_2K', actor, reason: 'automatic' })).toBeNull();
    expect(await tierOf(t.accountId)).toBe('TIER_100K');
    expect(await phoneEvents(t.accountId)).toHaveLength(0);
  });
});

describe('getMessagingLimitStatus (Settings)', () => {
  it('shows the tier, the last 24 h and the way to the next upgrade', async () => {
    const t = await tenant('TIER_2K');
    await converse(t.accountId, 300, ago(HOUR), 'today');
    await converse(t.accountId, 400, ago(3 * DAY), 'earlier');
    expect(await getMessagingLimitStatus(db, t.accountId, NOW)).toEqual({
      tier: 'TIER_2K',
      limit: 2_000,
      usersLast24h: 300,
      since: null,
      next: { tier: 'TIER_10K', users: 700, needed: 1_000, windowDays: 7, lowQuality: false },
    });
    await setTier(t.accountId, 'TIER_UNLIMITED');
    expect(await getMessagingLimitStatus(db, t.accountId, NOW)).toMatchObject({ tier: 'TIER_UNLIMITED', limit: null, next: null });
  });
});
