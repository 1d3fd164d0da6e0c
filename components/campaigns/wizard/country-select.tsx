'use client';
import * as React from 'react';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import { Select } from '@/components/ui/input';

let cached: { code: string; label: string }[] | null = null;

/** Every country libphonenumber knows, by English name, with its calling code. */
export function countryOptions(): { code: string; label: string }[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  cached = getCountries()
    .map((code) => ({ code, label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return cached;
}

export function CountrySelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const options = React.useMemo(countryOptions, []);
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">None — every number has its country code</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}
