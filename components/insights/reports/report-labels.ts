import type { UsageRow } from '@/lib/analytics/usage-report';

export type GroupKey = 'subAccount' | 'channel' | 'category' | 'country' | 'direction';
export const GROUP_FIELD = { subAccount: 'subAccountId', channel: 'channel', category: 'category', country: 'country', direction: 'direction' } as const;

/** The groupings the Reports offer, as the page names them. */
export const GROUP_LABELS: Record<string, string> = {
  subAccount: 'Subaccount',
  channel: 'Channel',
  category: 'Category',
  country: 'Country',
  direction: 'Direction',
};

const CHANNELS: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', voice: 'Voice' };

/** How a group's value reads: the subaccount's name, "WhatsApp", "Marketing", "None" for an empty one. */
export function groupLabel(group: GroupKey, row: UsageRow, names: Record<string, string>): string {
  const v = row[GROUP_FIELD[group]];
  if (!v) return group === 'country' ? 'Unknown' : 'None';
  if (group === 'subAccount') return names[v] ?? v;
  if (group === 'channel') return CHANNELS[v] ?? v;
  if (group === 'country') return v;
  return v[0]!.toUpperCase() + v.slice(1);
}
