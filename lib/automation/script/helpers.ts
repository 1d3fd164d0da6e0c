import crypto from 'node:crypto';
import { parsePhoneNumberFromString, getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { ianaZone } from './time-zones';

// The functions scripts may call (reference "Context & Scripting"). They run on the host with plain
// values copied out of the sandbox, and return plain values.

export function isCountryCode(phone: unknown, country: unknown): boolean {
  if (phone === null || phone === undefined || typeof country !== 'string') return false;
  const raw = String(phone).trim();
  const number = parsePhoneNumberFromString(raw.startsWith('+') ? raw : `+${raw.replace(/^00/, '')}`);
  if (!number) return false;
  const cc = country.toUpperCase();
  if (number.country) return number.country === cc;
  try {
    return number.countryCallingCode === getCountryCallingCode(cc as CountryCode);
  } catch {
    return false;
  }
}

export function stringContains(source: unknown, value: unknown, ignoreCase: unknown = false): boolean {
  if (source === null || source === undefined || value === null || value === undefined) return false;
  const s = String(source);
  const v = String(value);
  return ignoreCase === true ? s.toLowerCase().includes(v.toLowerCase()) : s.includes(v);
}

function toDate(value: unknown): Date {
  const d = typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new Error(`'${String(value)}' is not a date or timestamp`);
  return d;
}

function secondsOfDay(hhmmss: unknown): number {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(String(hhmmss).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) throw new Error(`'${String(hhmmss)}' is not a time of day (HH:mm:ss)`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localSeconds(date: Date, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
}

/** Whether the timestamp's local time of day (in a Windows or IANA time zone) lies in [from, to]; to < from wraps midnight. */
export function isTimeOfDayBetween(timestamp: unknown, from: unknown, to: unknown, timeZone: unknown): boolean {
  const zone = ianaZone(String(timeZone));
  if (!zone) throw new Error(`Unknown time zone '${String(timeZone)}'; GET /steps/timezones lists the supported ids`);
  const t = localSeconds(toDate(timestamp), zone);
  const a = secondsOfDay(from);
  const b = secondsOfDay(to);
  return a <= b ? t >= a && t <= b : t >= a || t <= b;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Whether a date ('2021-05-25' or an ISO datetime, read in its own offset) falls on `day` (any case). */
export function isDayOfWeek(date: unknown, day: unknown): boolean {
  const wanted = DAYS.indexOf(String(day).trim().toLowerCase());
  if (wanted < 0) throw new Error(`'${String(day)}' is not a day of the week`);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(date));
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : toDate(date);
  return d.getUTCDay() === wanted;
}

export function uuid(): string {
  return crypto.randomUUID();
}

export const SCRIPT_HELPERS = { isCountryCode, stringContains, isTimeOfDayBetween, isDayOfWeek, uuid } as const;
