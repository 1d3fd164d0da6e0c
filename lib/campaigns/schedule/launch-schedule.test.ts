import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { seedDemoTenant } from '@/test/factories';
import { campaignTemplate, storeCampaign } from '@/test/campaign-fixtures';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';
import { launchCampaign } from '@/lib/campaigns/lifecycle/launch-campaign';
import { planLaunch } from '@/lib/campaigns/schedule/plan-launch';
import { parseLocalDateTime, zonedTimeToInstant } from '@/lib/time/zoned-time';

let template: string;
const spec = (schedule: Record<string, unknown>) => ({
  name: 'Scheduled',
  subAccountId: 'acme_corp_chatapps',
  template: { name: template, language: 'en_US' },
  parameters: { 'body.1': { column: 'first_name' } },
  schedule,
});
/** "YYYY-MM-DDTHH:MM:SS" of an instant read as UTC wall-clock time. */
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);

beforeAll(async () => {
  await seedDemoTenant();
  template = (await campaignTemplate()).name;
});

describe('zoned times', () => {
  it('reads a wall-clock time in a zone, across daylight saving changes', () => {
    const at = (local: string, zone: string) => zonedTimeToInstant(parseLocalDateTime(local)!, zone).toISOString();
    expect(at('2030-01-15T09:00:00', 'Asia/Singapore')).toBe('2030-01-15T01:00:00.000Z');
    expect(at('2030-07-01T09:00', 'Europe/Berlin')).toBe('2030-07-01T07:00:00.000Z');
    expect(at('2030-01-01T09:00', 'Europe/Berlin')).toBe('2030-01-01T08:00:00.000Z');
    // New York, 10 March 2030: 02:30 does not exist (read as 03:30 EDT); 3 November: 01:30 happens twice (the first, EDT).
    expect(at('2030-03-10T02:30', 'America/New_York')).toBe('2030-03-10T07:30:00.000Z');
    expect(at('2030-11-03T01:30', 'America/New_York')).toBe('2030-11-03T05:30:00.000Z');
    expect(at('2030-01-15T09:00', 'Asia/Kolkata')).toBe('2030-01-15T03:30:00.000Z');
    expect(parseLocalDateTime('2030-02-30T09:00')).toBeNull();
  });

  it('plans a country spanning zones at its earliest one', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const plan = planLaunch({ at: '2030-03-01T09:00:00', recipientLocalTime: true }, ['US', 'SG', 'ID', null], now);
    expect(Object.fromEntries([...plan.dueByCountry!].map(([k, v]) => [String(k), v.toISOString()]))).toEqual({
      // Eastern time (UTC-5 on 1 March) is the first of the US zones to reach 09:00.
      US: '2030-03-01T14:00:00.000Z',
      SG: '2030-03-01T01:00:00.000Z',
      // Indonesia: Jayapura (UTC+9) before Jakarta (UTC+7).
      ID: '2030-03-01T00:00:00.000Z',
      // No country: the schedule's zone (UTC by default).
      null: '2030-03-01T09:00:00.000Z',
    });
    expect(plan).toMatchObject({ status: 'scheduled', scheduledAt: new Date('2030-03-01T00:00:00.000Z') });
  });
});

describe('launching on a schedule', () => {
  it('a time in an IANA zone: scheduled for that instant, started by dispatch only when it comes', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: 2,
      status: 'draft',
      spec: spec({ at: '2031-01-15T09:00:00', timeZone: 'Asia/Singapore' }),
    });
    const launched = await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', id);
    expect(launched).toMatchObject({ status: 'scheduled', scheduledAt: '2031-01-15T01:00:00.000Z' });
    expect(launched).not.toHaveProperty('startedAt');
    await dispatchCampaigns(db, { throttle: new CampaignThrottle() });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe('scheduled');
    // Once the time has come.
    await dispatchCampaigns(db, { throttle: new CampaignThrottle(), now: () => new Date('2031-01-15T01:00:00.500Z') });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe('running');
  });

  it('takes the schedule and rate the review chose at launch, in the draft’s spec, and refuses a rate above the channel’s', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: 2,
      status: 'draft',
      spec: spec({ at: '2031-01-15T09:00:00', timeZone: 'Asia/Singapore' }),
    });
    await expect(launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', id, { ratePerSecond: 500 })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'ratePerSecond', message: expect.stringContaining('at most 80 messages a second') }],
    });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
    const launched = await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', id, {
      schedule: { at: '2031-03-01T10:00:00', timeZone: 'Europe/London' },
      ratePerSecond: 40,
    });
    expect(launched).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2031-03-01T10:00:00.000Z',
      ratePerSecond: 40,
      schedule: { at: '2031-03-01T10:00:00', timeZone: 'Europe/London' },
    });
    // No schedule: it runs now.
    const now = await storeCampaign({
      templateName: template,
      recipients: 1,
      status: 'draft',
      spec: spec({ at: '2031-01-15T09:00:00', timeZone: 'Asia/Singapore' }),
    });
    expect(await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', now, { schedule: null })).toMatchObject({ status: 'running' });
  });

  it('a time in a Windows zone is read in its IANA equivalent', async () => {
    const id = await storeCampaign({
      templateName: template,
      recipients: 1,
      status: 'draft',
      spec: spec({ at: '2031-07-01T09:00:00', timeZone: 'W. Europe Standard Time' }),
    });
    expect(await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', id)).toMatchObject({ status: 'scheduled', scheduledAt: '2031-07-01T07:00:00.000Z' });
  });

  it('a time already past runs now; an unknown zone is a 400', async () => {
    const past = await storeCampaign({
      templateName: template,
      recipients: 1,
      status: 'draft',
      spec: spec({ at: '2020-01-01T09:00:00', timeZone: 'Asia/Tokyo' }),
    });
    expect(await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', past)).toMatchObject({ status: 'running', scheduledAt: '2020-01-01T00:00:00.000Z' });
    const bad = await storeCampaign({
      templateName: template,
      recipients: 1,
      status: 'draft',
      spec: spec({ at: '2031-01-01T09:00:00', timeZone: 'Mars/Olympus' }),
    });
    await expect(launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', bad)).rejects.toMatchObject({ status: 400 });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: bad } })).status).toBe('draft');
  });

  it("at each recipient's local time: each is due at that time in their country; a time past for them is due now", async () => {
    // Two hours from now as wall-clock time: already past in Singapore (UTC+8), still to come in New York.
    const local = wall(Date.now() + 2 * 3600_000);
    const id = await storeCampaign({
      templateName: template,
      recipients: [
        { msisdn: '+6581000001', country: 'SG' },
        { msisdn: '+15553600001', country: 'US' },
        { msisdn: '+15553600002', country: 'US' },
        { msisdn: '+6581000002', country: 'SG', status: 'invalid', values: null },
      ],
      status: 'draft',
      spec: spec({ at: local, timeZone: 'UTC', recipientLocalTime: true }),
    });
    const before = Date.now();
    const launched = await launchCampaign(db, SYSTEM_ACTOR, 'acme_corp', id);
    const after = Date.now();
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id }, orderBy: { row: 'asc' } });
    const sg = recipients[0]!.dueAt!.getTime();
    expect(sg).toBeGreaterThanOrEqual(before - 1);
    expect(sg).toBeLessThanOrEqual(after);
    const newYork = zonedTimeToInstant(parseLocalDateTime(local)!, 'America/New_York');
    expect(recipients[1]!.dueAt).toEqual(newYork);
    expect(recipients[2]!.dueAt).toEqual(newYork);
    expect(recipients[3]!.dueAt).toBeNull();
    // The campaign runs from its earliest recipient: now.
    expect(launched).toMatchObject({ status: 'running' });

    await dispatchCampaigns(db, { throttle: new CampaignThrottle() });
    expect((await db.message.findMany({ where: { campaignId: id } })).map((m) => m.msisdn)).toEqual(['+6581000001']);
    // A throttle whose clock moves a second per look: the rate is not what this test is about.
    let t = 0;
    const throttle = new CampaignThrottle(() => (t += 1000));
    for (let i = 0; i < 3; i++) await dispatchCampaigns(db, { throttle, now: () => new Date(newYork.getTime() + 1) });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(3);
  });
});
