import { ValidationError } from '@/lib/errors';
import { ianaZone } from '@/lib/automation/script/time-zones';

/** An IANA or Windows time zone id as its IANA zone; a 400 naming `path` when it is neither. */
export function resolveTimeZone(id: string | undefined, path = 'schedule.timeZone'): string {
  if (id === undefined) return 'UTC';
  const zone = ianaZone(id);
  if (!zone)
    throw new ValidationError(`Unknown time zone '${id}'`, [{ path, message: 'An IANA zone (Asia/Singapore) or a Windows id (Singapore Standard Time)' }]);
  return zone;
}
