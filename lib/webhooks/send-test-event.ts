import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { ValidationError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';
import { attempt } from '@/lib/webhooks/deliver';
import { getEndpoint } from '@/lib/webhooks/endpoints';
import { listDeliveries, type DeliveryView } from '@/lib/webhooks/list-deliveries';
import { sampleEventBody, type WebhookEvent } from '@/lib/webhooks/sample-event-body';

/**
 * Sends one signed test event of `eventType` (one the endpoint subscribes to; its first by default) to
 * the endpoint now, through the delivery pipeline: the event and its delivery are stored and audited,
 * the attempt goes through the network guard, is signed and recorded like any other, and the answer
 * is returned for the page to show. Only this endpoint gets it (the event is stored as already
 * dispatched), and it is not retried.
 */
export async function sendTestEvent(db: Db, args: { accountId: string; endpointId: string; eventType?: string; actor: Actor }): Promise<DeliveryView> {
  const endpoint = await getEndpoint(db, args.accountId, args.endpointId);
  const eventType = (args.eventType ?? endpoint.events[0]) as WebhookEvent;
  if (!endpoint.events.includes(eventType))
    throw new ValidationError("Invalid parameter(s): 'eventType'", [
      { path: 'eventType', message: `This webhook does not receive ${eventType}: choose one of ${endpoint.events.join(', ')}` },
    ]);
  const sub = await db.subAccount.findFirst({
    where: { accountId: args.accountId, ...(endpoint.subAccountId ? { id: endpoint.subAccountId } : {}) },
    orderBy: { id: 'asc' },
    select: { id: true, channels: { where: { kind: 'whatsapp' }, select: { id: true, address: true }, take: 1 } },
  });
  const channel = sub?.channels[0] ?? null;
  const body = sampleEventBody(eventType, { subAccountId: sub?.id ?? args.accountId, channelId: channel?.id ?? null, address: channel?.address ?? null });
  const now = new Date();
  const deliveryId = await transactWithRetry(db, async (tx) => {
    const event = await tx.event.create({
      data: { accountId: args.accountId, subAccountId: sub?.id ?? null, eventType, body: body as Prisma.InputJsonValue, dispatchedAt: now },
    });
    // No nextAttemptAt: the background deliverer leaves it alone; the attempt below is the only one.
    const delivery = await tx.webhookDelivery.create({
      data: { endpointId: endpoint.id, eventId: event.id, accountId: args.accountId, eventType, status: 'pending', nextAttemptAt: null },
    });
    await recordAuditEvent(tx, args.actor, {
      accountId: args.accountId,
      action: 'webhook.test',
      entityType: 'webhook',
      entityId: endpoint.id,
      summary: `Sent a test ${eventType} event to ${endpoint.url}`,
    });
    return delivery.id;
  });
  await attempt(db, deliveryId, () => new Date(), { test: true });
  const [view] = await listDeliveries(db, args.accountId, { deliveryId });
  return view!;
}
