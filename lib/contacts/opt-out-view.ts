/** An opt-out as the API answers it and the Opt-outs tab shows it (with the contact's name, if any). */
export type OptOutView = { msisdn: string; source: string; optedOutAt: string; name?: string | null };

export function toOptOutView(r: { msisdn: string; source: string; optedOutAt: Date }, name?: string | null): OptOutView {
  return { msisdn: r.msisdn, source: r.source, optedOutAt: r.optedOutAt.toISOString(), ...(name !== undefined ? { name } : {}) };
}
