import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { usageReport } from '@/lib/analytics/usage-report';
import { setAccountTimeZone } from '@/lib/tenancy/set-account-time-zone';
import { getAccountTimeZone } from '@/lib/tenancy/get-account-time-zone';
import { timeZoneOptions } from '@/lib/tenancy/time-zone-options';
import { createOtherTenant, seedDemoTenant } from '@/test/factories';
import { insightsHistory } from '@/test/insights-history';

const ADMIN = { partnerId: 'demo_partner', userId: null, label: 'admin@example.com' };
const NOW = new Date('2026-12-10T00:00:00Z');

const dayTotals = async (from: string, to: string, timeZone?: string) =>
  (await usageReport(db, 'acme_corp', { from, to, interval: 'day', groupBy: [], ...(timeZone ? { timeZone } : {}) }, NOW)).data.map((r) => [
    r.period,
    r.messages,
  ]);

describe('setAccountTimeZone', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    // Messages around UTC midnights: in Los Angeles (UTC-8) part of each UTC day is the day before.
    await insightsHistory({ seed: 5, start: '2026-12-01T00:00:00Z', days: 4, messages: 300 });
  });

  it('moves the account’s days into the new zone at once: the day rollups are recounted in it', async () => {
    expect(await getAccountTimeZone(db, 'acme_corp')).toBe('UTC');
    // Before: Los Angeles days come from the quarter-hour rollups (another zone than the account's).
    const expected = await dayTotals('2026-11-30', '2026-12-04', 'America/Los_Angeles');
    expect(await dayTotals('2026-11-30', '2026-12-04')).not.toEqual(expected);

    const change = await setAccountTimeZone(db, { accountId: 'acme_corp', timeZone: 'America/Los_Angeles', actor: ADMIN });
    expect(change).toMatchObject({ timeZone: 'America/Los_Angeles', previous: 'UTC', changed: true });
    expect(change.messagesRecounted).toBe(await db.message.count({ where: { accountId: 'acme_corp' } }));
    expect(await getAccountTimeZone(db, 'acme_corp')).toBe('America/Los_Angeles');
    // After: the account's own days, read from the day rollups, are the Los Angeles days.
    expect(await dayTotals('2026-11-30', '2026-12-04')).toEqual(expected);
    const days = await db.messageRollupDay.findMany({ where: { accountId: 'acme_corp' }, select: { day: true }, distinct: ['day'], orderBy: { day: 'asc' } });
    expect(days[0]!.day).toBe('2026-11-30');
  });

  it('records who changed it, and nothing when the zone is already that one', async () => {
    const entries = await db.auditEvent.findMany({ where: { action: 'account.time_zone.update', entityId: 'acme_corp' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ partnerId: 'demo_partner', actorLabel: 'admin@example.com', accountId: 'acme_corp', entityType: 'account' });
    expect(entries[0]!.changes).toEqual({ timeZone: { from: 'UTC', to: 'America/Los_Angeles' } });

    expect(await setAccountTimeZone(db, { accountId: 'acme_corp', timeZone: 'America/Los_Angeles', actor: ADMIN })).toMatchObject({ changed: false });
    expect(await db.auditEvent.count({ where: { action: 'account.time_zone.update', entityId: 'acme_corp' } })).toBe(1);
  });

  it('refuses a zone that is not in the list and an unknown account, changing nothing', async () => {
    for (const bad of ['Mars/Base', 'EST5EDT', '', 'asia/singapore']) {
      await expect(setAccountTimeZone(db, { accountId: 'acme_corp', timeZone: bad, actor: ADMIN }), bad).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(setAccountTimeZone(db, { accountId: 'nope', timeZone: 'Asia/Tokyo', actor: SYSTEM_ACTOR })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getAccountTimeZone(db, 'acme_corp')).toBe('America/Los_Angeles');
  });

  it('changes only its own account', async () => {
    const other = await createOtherTenant();
    await setAccountTimeZone(db, { accountId: other.accountId, timeZone: 'Asia/Tokyo', actor: SYSTEM_ACTOR });
    expect(await getAccountTimeZone(db, other.accountId)).toBe('Asia/Tokyo');
    expect(await getAccountTimeZone(db, 'acme_corp')).toBe('America/Los_Angeles');
  });

  it('offers the zones with their offset at the moment, west to east', () => {
    const options = timeZoneOptions(new Date('2026-07-01T00:00:00Z'));
    const find = (id: string) => options.find((o) => o.id === id);
    expect(find('Asia/Kolkata')).toEqual({ id: 'Asia/Kolkata', offsetMinutes: 330, label: '(UTC+05:30) Asia/Kolkata' });
    // Summer time in July; a city kept as a link to another zone is still offered.
    expect(find('Europe/Amsterdam')?.offsetMinutes).toBe(120);
    expect(find('UTC')?.label).toBe('(UTC+00:00) UTC');
    expect(find('EST5EDT')).toBeUndefined();
    const offsets = options.map((o) => o.offsetMinutes);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});
