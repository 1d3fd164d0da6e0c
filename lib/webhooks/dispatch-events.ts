import type { Db } from '@/lib/db/client';

/**
 * Fans stored events out: one delivery per matching endpoint (same account, subaccount filter, event
 * subscribed), then marks the event dispatched, in one transaction per batch. Returns how many events.
 */
export async function dispatchEvents(db: Db, opts: { limit?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const events = await db.event.findMany({ where: { dispatchedAt: null }, orderBy: { createdAt: 'asc' }, take: opts.limit ?? 200 });
  if (events.length === 0) return 0;
  const accounts = [...new Set(events.map((e) => e.accountId))];
  const endpoints = await db.webhookEndpoint.findMany({ where: { accountId: { in: accounts }, deletedAt: null } });
  const deliveries = events.flatMap((e) =>
    endpoints
      .filter((ep) => ep.accountId === e.accountId && (!ep.subAccountId || ep.subAccountId === e.subAccountId) && (ep.events as string[]).includes(e.eventType))
      .map((ep) => ({ endpointId: ep.id, eventId: e.id, accountId: e.accountId, eventType: e.eventType, status: 'pending', nextAttemptAt: now })),
  );
  await db.$transaction(async (tx) => {
    // Only events still undispatched: another worker may have taken some meanwhile.
    const { count } = await tx.event.updateMany({ where: { id: { in: events.map((e) => e.id) }, dispatchedAt: null }, data: { dispatchedAt: now } });
    if (count !== events.length) throw new Error('events were dispatched concurrently; retrying');
    if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
  });
  return events.length;
}
