import type { Db } from '@/lib/db/client';

export type DeliveryView = {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventType: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  body: unknown;
  history: Array<{ at: string; statusCode: number | null; error: string | null; durationMs: number }>;
};

/** The account's most recent deliveries with their attempts, for Settings → Webhooks. */
export async function listDeliveries(
  db: Db,
  accountId: string,
  opts: { endpointId?: string; deliveryId?: string; limit?: number } = {},
): Promise<DeliveryView[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { accountId, ...(opts.endpointId ? { endpointId: opts.endpointId } : {}), ...(opts.deliveryId ? { id: opts.deliveryId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: opts.limit ?? 50,
  });
  const ids = rows.map((r) => r.id);
  const [attempts, endpoints, events] = await Promise.all([
    db.webhookAttempt.findMany({ where: { deliveryId: { in: ids } }, orderBy: { id: 'asc' } }),
    db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.endpointId))] } }, select: { id: true, url: true } }),
    db.event.findMany({ where: { id: { in: rows.map((r) => r.eventId) } }, select: { id: true, body: true } }),
  ]);
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpointId,
    endpointUrl: endpoints.find((e) => e.id === r.endpointId)?.url ?? '',
    eventType: r.eventType,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    body: events.find((e) => e.id === r.eventId)?.body ?? null,
    history: attempts
      .filter((a) => a.deliveryId === r.id)
      .map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}
