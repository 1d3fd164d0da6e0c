import { ValidationError } from '@/lib/errors';
import type { CampaignSchedule } from '@/lib/campaigns/campaign-spec';
import { countryDueTime } from '@/lib/campaigns/schedule/recipient-due-times';
import { parseLocalDateTime, zonedTimeToInstant } from '@/lib/time/zoned-time';
import { resolveTimeZone } from '@/lib/campaigns/schedule/resolve-time-zone';

export type LaunchPlan = {
  status: 'scheduled' | 'running';
  /** When the campaign starts (or was due to): the schedule's instant, or its recipients' earliest; null without a schedule. */
  scheduledAt: Date | null;
  /** recipientLocalTime only: each recipient country's due time (null key: recipients without a country). */
  dueByCountry: Map<string | null, Date> | null;
};

/**
 * What launching a campaign with this schedule does at `now`. No schedule: it runs now. A time in a
 * zone (IANA or Windows id, default UTC): it is scheduled for that instant, or runs now when the
 * instant has passed. recipientLocalTime: each recipient is due at that wall-clock time in their own
 * country (countryDueTime; `timeZone` for numbers without a known country), a time already past for
 * them is due now, and the campaign starts with its earliest recipient.
 */
export function planLaunch(schedule: CampaignSchedule | undefined, countries: readonly (string | null)[], now: Date): LaunchPlan {
  if (!schedule) return { status: 'running', scheduledAt: null, dueByCountry: null };
  const zone = resolveTimeZone(schedule.timeZone);
  const wall = parseLocalDateTime(schedule.at);
  if (wall === null)
    throw new ValidationError(`Invalid schedule time '${schedule.at}'`, [
      { path: 'schedule.at', message: 'A local date and time such as 2026-12-24T09:00:00' },
    ]);
  if (!schedule.recipientLocalTime) {
    const at = zonedTimeToInstant(wall, zone);
    return { status: at.getTime() > now.getTime() ? 'scheduled' : 'running', scheduledAt: at, dueByCountry: null };
  }
  const dueByCountry = new Map<string | null, Date>();
  for (const country of countries) {
    if (dueByCountry.has(country)) continue;
    const at = countryDueTime(wall, country, zone);
    dueByCountry.set(country, at.getTime() > now.getTime() ? at : now);
  }
  const first = dueByCountry.size ? Math.min(...[...dueByCountry.values()].map((d) => d.getTime())) : now.getTime();
  return { status: first > now.getTime() ? 'scheduled' : 'running', scheduledAt: new Date(first), dueByCountry };
}
