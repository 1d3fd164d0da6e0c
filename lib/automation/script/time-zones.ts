import { IANA_ALIAS_MAP, WINDOWS_TO_IANA_MAP } from 'windows-iana';

// Windows time zone ids (what the 8x8 scripts take, e.g. 'Singapore Standard Time') mapped to IANA
// zones with CLDR's windowsZones data, and listed with a display name for GET /steps/timezones.

export type TimeZoneInfo = { id: string; name: string; iana: string };

const primary = new Map<string, string>();
const cities = new Map<string, string[]>();
const cityOf = new Map<string, string>();
for (const entry of IANA_ALIAS_MAP) {
  const city = entry.description.split(',')[0].trim();
  for (const alias of entry.alias) cityOf.set(alias, city);
}
for (const entry of WINDOWS_TO_IANA_MAP) {
  if (entry.territory === '001') primary.set(entry.windowsName, entry.iana[0]);
  else if (entry.territory !== 'ZZ') {
    const list = cities.get(entry.windowsName) ?? [];
    for (const zone of entry.iana) {
      const city = cityOf.get(zone);
      if (city && !list.includes(city)) list.push(city);
    }
    cities.set(entry.windowsName, list);
  }
}

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

function standardOffset(zone: string): string {
  const year = new Date().getUTCFullYear();
  const offsets = [0, 6].map((month) => {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(Date.UTC(year, month, 15)))
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  });
  const min = Math.min(...offsets);
  const sign = min < 0 ? '-' : '+';
  const abs = Math.abs(min);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

let cached: TimeZoneInfo[] | null = null;

/** Every supported Windows time zone, by offset then id. */
export function listTimeZones(contains?: string | null): TimeZoneInfo[] {
  if (!cached) {
    cached = [...primary]
      .filter(([, zone]) => supportedIana(zone))
      .map(([id, zone]) => {
        const names = (cities.get(id) ?? []).slice(0, 6);
        const offset = standardOffset(zone);
        return { id, iana: zone, name: `${names.length ? names.join(', ') : id} (${offset})`, offset };
      })
      .sort((a, b) => a.offset.localeCompare(b.offset) || a.id.localeCompare(b.id))
      .map(({ id, iana, name }) => ({ id, iana, name }));
  }
  const q = contains?.trim().toLowerCase();
  return q ? cached.filter((z) => z.id.toLowerCase().includes(q) || z.name.toLowerCase().includes(q)) : cached;
}
