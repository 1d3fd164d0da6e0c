/** One entry of a template's history as the template page lists it. */
export type HistoryEntry = {
  id: string;
  version: number;
  from: string | null;
  to: string;
  reason: string | null;
  /** WhatsApp changed the category with this entry. */
  category: { from: string; to: string } | null;
  source: string;
  at: string;
};

/**
 * What an entry says. Submissions name their version: the first one, a resubmission of a rejected or
 * paused template, or an edit of an approved one, which is reviewed while the approved version stays
 * live (so that entry is not a status change of the template). Decisions and quality moves keep the
 * status arrow.
 */
export function historyLabel(h: Pick<HistoryEntry, 'version' | 'from' | 'to'>): string {
  if (h.to === 'PENDING') {
    if (!h.from) return h.version > 1 ? `Version ${h.version} submitted (PENDING)` : 'Submitted (PENDING)';
    if (h.from === 'APPROVED') return `Version ${h.version} submitted for review · version ${h.version - 1} stays live`;
    return `Version ${h.version} resubmitted (${h.from} → PENDING)`;
  }
  return h.from ? (h.from === h.to ? h.to : `${h.from} → ${h.to}`) : h.to;
}
