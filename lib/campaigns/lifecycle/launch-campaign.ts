import type { Db } from '@/lib/db/client';
import { readJson, sqlDate, sqlJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/audit/record-audit-event';
import { TEMPLATE_NOT_FOUND } from '@/lib/messaging/codes';
import { scheduleSchema, type CampaignSchedule } from '@/lib/campaigns/campaign-spec';
import { approvedTemplateRow } from '@/lib/campaigns/dispatch/approved-template-row';
import { transitionCampaign, type CampaignHead } from '@/lib/campaigns/lifecycle/campaign-transition';
import type { CampaignView } from '@/lib/campaigns/campaign-view';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { planLaunch } from '@/lib/campaigns/schedule/plan-launch';

/**
 * Launches a draft: it runs now, or is scheduled for its spec's time (in the spec's IANA or Windows
 * time zone), or, with recipientLocalTime, each pending recipient is due at that time in their own
 * country and the campaign starts with the earliest of them (planLaunch). Refused while its template
 * is not approved (3038) or when nobody is left to send to (409). `change` sets the schedule (null: send
 * now) and the rate the review chose, in the same transaction, without importing the audience again.
 */
export async function launchCampaign(
  db: Db,
  actor: Actor,
  accountId: string,
  id: string,
  change: { schedule?: CampaignSchedule | null; ratePerSecond?: number } = {},
): Promise<CampaignView> {
  await transitionCampaign(db, actor, accountId, id, {
    action: 'campaign.launch',
    verb: 'launch',
    allowed: ['draft'],
    *apply(t, c, now) {
      if (c.pending === 0) throw new ConflictError('The campaign has no recipient to send to: every row is invalid, a duplicate or opted out');
      if (!(yield* approvedTemplateRow(t, { subAccountId: c.subAccountId, name: c.templateName, language: c.templateLanguage }))) {
        throw new ValidationError(
          `Template not found: no APPROVED template named '${c.templateName}' in language '${c.templateLanguage}' for this subaccount`,
          [{ path: 'template.name', message: 'No approved template with this name and language' }],
          TEMPLATE_NOT_FOUND,
        );
      }
      if (change.schedule !== undefined || change.ratePerSecond !== undefined) yield* applyChange(t, c, change);
      const schedule = change.schedule !== undefined ? (change.schedule ?? undefined) : scheduleOf(c);
      const countries = schedule?.recipientLocalTime ? yield* pendingCountries(t, c.id) : [];
      const plan = planLaunch(schedule, countries, now);
      if (plan.dueByCountry) yield* setDueTimes(t, c.id, plan.dueByCountry);
      const at = sqlDate(now);
      yield* t.run(
        `UPDATE "Campaign" SET "status" = ?, "scheduledAt" = ?, "stopReason" = NULL, "startedAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
        plan.status,
        plan.scheduledAt ? sqlDate(plan.scheduledAt) : null,
        plan.status === 'running' ? at : null,
        at,
        c.id,
      );
      const when = plan.status === 'running' ? 'now' : `at ${plan.scheduledAt!.toISOString()}${plan.dueByCountry ? " (recipients' local time)" : ''}`;
      return `Launched campaign "${c.name}" to ${c.pending} recipients, sending ${when}`;
    },
  });
  return getCampaign(db, accountId, id);
}

/** The review's schedule and rate written into the draft's spec; a rate above the channel's is refused as at creation. */
function* applyChange(t: Tx, c: CampaignHead, change: { schedule?: CampaignSchedule | null; ratePerSecond?: number }): Step<void> {
  const spec = readJson<Record<string, unknown>>(c.spec) ?? {};
  if (change.schedule !== undefined) {
    if (change.schedule) spec.schedule = scheduleSchema.parse(change.schedule);
    else delete spec.schedule;
  }
  if (change.ratePerSecond !== undefined) {
    const channel = yield* t.one<{ address: string; rateLimitPerSecond: number }>(
      'SELECT ch."address", ch."rateLimitPerSecond" FROM "Campaign" c JOIN "Channel" ch ON ch."id" = c."channelId" WHERE c."id" = ?',
      c.id,
    );
    if (channel && change.ratePerSecond > channel.rateLimitPerSecond) {
      const message = `The channel ${channel.address} sends at most ${channel.rateLimitPerSecond} messages a second; ask for that or less`;
      throw new ValidationError(message, [{ path: 'ratePerSecond', message }]);
    }
    spec.ratePerSecond = change.ratePerSecond;
  }
  yield* t.run(
    'UPDATE "Campaign" SET "spec" = ?, "ratePerSecond" = COALESCE(CAST(? AS INTEGER), "ratePerSecond") WHERE "id" = ?',
    sqlJson(spec),
    change.ratePerSecond ?? null,
    c.id,
  );
}

function scheduleOf(c: CampaignHead) {
  const raw = readJson<{ schedule?: unknown }>(c.spec)?.schedule;
  if (raw === undefined || raw === null) return undefined;
  const parsed = scheduleSchema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError('The campaign’s schedule is not valid', [{ path: 'schedule', message: parsed.error.issues[0]?.message ?? 'Invalid' }]);
  return parsed.data;
}

function* pendingCountries(t: Tx, campaignId: string): Step<(string | null)[]> {
  const rows = yield* t.all<{ country: string | null }>(
    `SELECT DISTINCT "country" FROM "CampaignRecipient" WHERE "campaignId" = ? AND "status" = 'pending'`,
    campaignId,
  );
  return rows.map((r) => r.country);
}

/** Every pending recipient's due time by country, in one pass over the campaign's rows. */
function* setDueTimes(t: Tx, campaignId: string, dueByCountry: Map<string | null, Date>): Step<void> {
  const cases: string[] = [];
  const params: unknown[] = [];
  let other: string | null = null;
  for (const [country, at] of dueByCountry) {
    if (country === null) other = sqlDate(at);
    else {
      cases.push('WHEN ? THEN ?');
      params.push(country, sqlDate(at));
    }
  }
  // PostgreSQL reads a CASE of parameters as text: the column wants a timestamp (SQLite stores the text).
  const value = cases.length
    ? t.dialect === 'postgres'
      ? `CAST(CASE "country" ${cases.join(' ')} ELSE ? END AS TIMESTAMP(3))`
      : `CASE "country" ${cases.join(' ')} ELSE ? END`
    : '?';
  yield* t.run(`UPDATE "CampaignRecipient" SET "dueAt" = ${value} WHERE "campaignId" = ? AND "status" = 'pending'`, ...params, other, campaignId);
}
