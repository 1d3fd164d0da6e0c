// Durations as the inbox shows them: "4 min", "2 h 5 min", "24 h", "3 d".

export function duration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  if (m < 1) return 'under a minute';
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  // Hours up to two days: the 24 h window reads "24 h", never "1 d".
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function customerLabel(t: { customer: { msisdn: string; name?: string } }): string {
  return t.customer.name ?? t.customer.msisdn;
}

export const STATUS_LABEL: Record<string, string> = { queued: 'Queued', active: 'Active', pending: 'Pending', resolved: 'Resolved', closed: 'Closed' };
export const STATUS_TONE = { queued: 'warning', active: 'info', pending: 'neutral', resolved: 'success', closed: 'neutral' } as const;
