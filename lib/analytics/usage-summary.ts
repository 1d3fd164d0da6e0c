import type { Db } from '@/lib/db/client';
import { usageReport } from '@/lib/analytics/usage-report';
import type { UsageQueryInput } from '@/lib/analytics/usage-query';

export type UsageSummary = {
  from: string;
  to: string;
  timeZone: string;
  sent: number;
  queued: number;
  delivered: number;
  read: number;
  undelivered: number;
  rejected: number;
  /** (delivered + read) / every outbound message with an outcome; null when none has one yet. */
  deliveryRate: number | null;
  received: number;
  conversationsByCategory: { marketing: number; utility: number; authentication: number; service: number };
  cost: { amount: number; currency: string };
};

/**
 * The Dashboard's numbers (API.md "Reports": summary). Each counts messages in their current state, so each
 * equals what the Logs list for that state over the same range: "delivered" excludes those since read.
 */
export async function usageSummary(db: Db, accountId: string, q: Omit<UsageQueryInput, 'interval' | 'groupBy'>, now = new Date()): Promise<UsageSummary> {
  const report = await usageReport(db, accountId, { ...q, interval: 'total', groupBy: ['category'] }, now);
  const t = report.totals;
  const outcomes = t.delivered + t.read + t.undelivered + t.rejected;
  const conversations = { marketing: 0, utility: 0, authentication: 0, service: 0 };
  for (const row of report.data) {
    const category = (row.category ?? 'service') as keyof typeof conversations;
    if (category in conversations) conversations[category] += row.conversations;
  }
  return {
    from: report.from,
    to: report.to,
    timeZone: report.timeZone,
    sent: t.sent,
    queued: t.queued,
    delivered: t.delivered,
    read: t.read,
    undelivered: t.undelivered,
    rejected: t.rejected,
    deliveryRate: outcomes ? (t.delivered + t.read) / outcomes : null,
    received: t.received,
    conversationsByCategory: conversations,
    cost: t.cost,
  };
}
