import { describe, expect, it } from 'vitest';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isTimeOfDayBetween } from './helpers';
import { ianaZone, listTimeZones, WINDOWS_TIME_ZONES } from './time-zones';
import { WINDOWS_DISPLAY_NAMES } from './windows-display-names';

const names = (zones: { id: string; name: string }[]) => zones.map(({ id, name }) => ({ id, name }));

describe('time zones', () => {
  it("answers the reference's ?contains=europe example verbatim", () => {
    expect(names(listTimeZones('europe'))).toEqual([
      { id: 'Central Europe Standard Time', name: 'Belgrade, Bratislava, Budapest, Ljubljana, Prague (UTC+01:00)' },
      { id: 'Central European Standard Time', name: 'Sarajevo, Skopje, Warsaw, Zagreb (UTC+01:00)' },
      { id: 'E. Europe Standard Time', name: 'Chisinau (UTC+02:00)' },
      { id: 'W. Europe Standard Time', name: 'Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna (UTC+01:00)' },
    ]);
  });

  it('names every zone after Windows, as "<places> (UTC±hh:mm)"', () => {
    const zones = listTimeZones();
    expect(zones.length).toBeGreaterThan(130);
    for (const z of zones) {
      expect(z.name).toMatch(/^[^(].* \(UTC[+-]\d{2}:\d{2}\)$/);
      const windows = WINDOWS_DISPLAY_NAMES[z.id].replace(/^\(UTC\)/, '(UTC+00:00)');
      expect(`${z.name.slice(-11)} ${z.name.slice(0, -12)}`).toBe(windows);
    }
    const byId = new Map(zones.map((z) => [z.id, z.name]));
    expect(byId.get('UTC')).toBe('Coordinated Universal Time (UTC+00:00)');
    expect(byId.get('Pacific Standard Time')).toBe('Pacific Time (US & Canada) (UTC-08:00)');
    expect(byId.get('India Standard Time')).toBe('Chennai, Kolkata, Mumbai, New Delhi (UTC+05:30)');
    expect(byId.get('Chatham Islands Standard Time')).toBe('Chatham Islands (UTC+12:45)');
  });

  it('has a Windows name for every id windows-iana maps, and no other', () => {
    const ids = [...new Set(WINDOWS_TO_IANA_MAP.filter((e) => e.territory === '001').map((e) => e.windowsName))].sort();
    expect(Object.keys(WINDOWS_DISPLAY_NAMES).sort()).toEqual(ids);
    expect(WINDOWS_TIME_ZONES.map((z) => z.id).sort()).toEqual(ids);
  });

  it('lists by id and filters on id or name in any case', () => {
    const ids = listTimeZones().map((z) => z.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names(listTimeZones('SINGAPORE'))).toEqual([{ id: 'Singapore Standard Time', name: 'Kuala Lumpur, Singapore (UTC+08:00)' }]);
    expect(listTimeZones('  vienna ').map((z) => z.id)).toEqual(['W. Europe Standard Time']);
    expect(listTimeZones('no such place')).toEqual([]);
  });

  it("runs scripts at the offset each zone's name shows (its standard offset, outside summer time)", () => {
    const standard = (zone: string) =>
      Math.min(
        ...[0, 6].map((month) => {
          const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
            .formatToParts(new Date(Date.UTC(2026, month, 15)))
            .find((p) => p.type === 'timeZoneName')!.value;
          const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
          return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
        }),
      );
    const wrong = listTimeZones()
      .filter((z) => standard(z.iana) !== z.offsetMinutes)
      .map((z) => `${z.id}: ${z.name} runs as ${z.iana}`);
    expect(wrong).toEqual([]);
  });

  it('keeps every listed id usable in scripts', () => {
    for (const z of listTimeZones()) {
      expect(ianaZone(z.id)).toBe(z.iana);
      expect(() => isTimeOfDayBetween('2020-10-15T14:40:15+07:00', '09:00:00', '18:00:00', z.id)).not.toThrow();
    }
    const ids = listTimeZones().map((z) => z.id);
    expect(ids).toEqual(expect.arrayContaining(['Singapore Standard Time', 'SE Asia Standard Time', 'North Asia East Standard Time']));
    expect(isTimeOfDayBetween('2020-10-15T14:40:15+07:00', '09:00:00', '18:00:00', 'Singapore Standard Time')).toBe(true);
  });
});
