import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { WINDOWS_DISPLAY_NAMES } from './windows-display-names';

// Windows time zone ids (what the 8x8 scripts take, e.g. 'Singapore Standard Time') mapped to IANA zones with CLDR's
// windowsZones data, and listed for GET /steps/timezones with Windows' display name written the way the reference
// shows it: "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna (UTC+01:00)".

export type TimeZoneInfo = { id: string; name: string; iana: string; offsetMinutes: number };

// Where CLDR's primary zone keeps a past offset: Windows' "Bishkek (UTC+06:00)" is mapped to Asia/Almaty,
// UTC+05 since 2024, and "La Paz, Mazatlan (UTC-07:00)" to America/Chihuahua, UTC-06 since 2022. A script
// asking for the zone by the name it sees must get that name's offset.
const OFFSET_FIXES: Record<string, string> = {
  'Central Asia Standard Time': 'Asia/Bishkek',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
};

const primary = new Map<string, string>();
for (const entry of WINDOWS_TO_IANA_MAP) if (entry.territory === '001') primary.set(entry.windowsName, OFFSET_FIXES[entry.windowsName] ?? entry.iana[0]);

function supportedIana(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone for a Windows id (any case) or an IANA id; null when unknown. */
export function ianaZone(id: string): string | null {
  const direct = primary.get(id);
  if (direct) return direct;
  const lower = id.trim().toLowerCase();
  for (const [win, zone] of primary) if (win.toLowerCase() === lower) return zone;
  return id.includes('/') && supportedIana(id) ? id : null;
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The smaller of the zone's January and July offsets, for an id Windows has no display name for. */
function standardOffsetMinutes(zone: string): number {
  const year = new Date().getUTCFullYear();
  const offsets = [0, 6].map((month) => {
    try {
      const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date(Date.UTC(year, month, 15)))
        .find((p) => p.type === 'timeZoneName')?.value;
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    } catch {
      return 0;
    }
  });
  return Math.min(...offsets);
}

/** Windows' "(UTC+01:00) Amsterdam, …" (or "(UTC) Coordinated Universal Time") as the reference writes it. */
function describe(id: string, iana: string): { name: string; offsetMinutes: number } {
  const m = /^\(UTC(?:([+-])(\d{2}):(\d{2}))?\) (.+)$/.exec(WINDOWS_DISPLAY_NAMES[id] ?? '');
  if (!m) {
    // An id a newer windows-iana maps before windows-display-names.ts has it: keep it, named after itself.
    const offsetMinutes = standardOffsetMinutes(iana);
    return { name: `${id} (${formatOffset(offsetMinutes)})`, offsetMinutes };
  }
  const offsetMinutes = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return { name: `${m[4]} (${formatOffset(offsetMinutes)})`, offsetMinutes };
}

/** Every Windows time zone CLDR maps, by id (the order the reference's example shows). */
export const WINDOWS_TIME_ZONES: readonly TimeZoneInfo[] = [...primary]
  .map(([id, iana]) => ({ id, iana, ...describe(id, iana) }))
  .sort((a, b) => a.id.localeCompare(b.id, 'en'));

let supported: TimeZoneInfo[] | null = null;

/** The time zones scripts can use here, by id; `contains` keeps those whose id or name has it (any case). */
export function listTimeZones(contains?: string | null): TimeZoneInfo[] {
  supported ??= WINDOWS_TIME_ZONES.filter((z) => supportedIana(z.iana));
  const q = contains?.trim().toLowerCase();
  return q ? supported.filter((z) => z.id.toLowerCase().includes(q) || z.name.toLowerCase().includes(q)) : supported;
}
