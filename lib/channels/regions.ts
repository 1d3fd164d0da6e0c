// The 8x8 platform regions an account can be provisioned in (reference docs, "Platform Deployment
// Regions"). The region is chosen when the account is created; carrier channels send to its base URL.

export const REGIONS = [
  { id: 'apac', label: 'Asia Pacific', domain: '8x8.com' },
  { id: 'eu', label: 'Europe', domain: '8x8.uk' },
  { id: 'na', label: 'North America', domain: 'us.8x8.com' },
  { id: 'id', label: 'Indonesia', domain: '8x8.id' },
] as const;

export type Region = (typeof REGIONS)[number]['id'];
export const REGION_IDS = REGIONS.map((r) => r.id) as [Region, ...Region[]];

export function isRegion(value: unknown): value is Region {
  return typeof value === 'string' && REGIONS.some((r) => r.id === value);
}

export function regionLabel(region: string): string {
  return REGIONS.find((r) => r.id === region)?.label ?? region;
}

/**
 * The base URL of an 8x8 product in a region: `chatapps` for WhatsApp, `sms` for SMS. `override`
 * (PARLEY_8X8_BASE_URL) replaces it for every region and product, so tests can point at a local server.
 */
export function regionBaseUrl(region: string, product: 'chatapps' | 'sms', override?: string): string {
  if (override) return override.replace(/\/+$/, '');
  const r = REGIONS.find((x) => x.id === region) ?? REGIONS[0];
  return `https://${product}.${r.domain}`;
}
