import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/api/read-json';
import { assertPublicUrl, BlockedUrlError, type BlockedUrlReason } from '@/lib/net/assert-public-url';
import { WEBHOOK_EVENTS } from '@/lib/webhooks/events';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { transactWithRetry } from '@/lib/db/retry-when-busy';

export { WEBHOOK_EVENTS };

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

export const createEndpointInput = z.object(
  {
    url: z
      .string({ error: (iss) => (iss.input == null ? 'url is required' : 'url must be a string') })
      .trim()
      .min(1, 'url is required')
      .max(2000, 'url must be at most 2000 characters'),
    // Event names in any case ("INBOUND_MESSAGE_RECEIVED"); stored as the reference writes them.
    events: z
      .array(z.preprocess(lower, z.enum(WEBHOOK_EVENTS, { error: `Each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })), {
        error: (iss) =>
          iss.input == null ? 'events is required: a list such as ["inbound_message_received"]' : 'events must be a list such as ["inbound_message_received"]',
      })
      .min(1, 'Choose at least one event'),
    subAccountId: z.string({ error: 'subAccountId must be a string' }).trim().min(1).optional().nullable(),
  },
  { error: 'The body must be a JSON object: { "url", "events", "subAccountId"? }' },
);

/** An edit from Settings → Webhooks: the receiver's URL and the events it takes (the subaccount and secret stay). */
export const updateEndpointInput = createEndpointInput.pick({ url: true, events: true });

const URL_MESSAGES: Record<Exclude<BlockedUrlReason, 'unresolvable'>, string> = {
  invalid: 'Enter an absolute URL such as https://example.com/webhooks',
  scheme: 'Only http and https URLs can receive webhooks',
  credentials: 'Put credentials in your receiver, not in the URL',
  blocked: 'Private, loopback and metadata addresses cannot receive webhooks',
};

/** Refuses, as a form error on 'url', a receiver Parley would not deliver to (deliveries check again). */
async function assertDeliverableUrl(raw: string): Promise<void> {
  try {
    await assertPublicUrl(raw);
  } catch (err) {
    if (!(err instanceof BlockedUrlError)) throw err;
    const message = err.reason === 'unresolvable' ? err.message : URL_MESSAGES[err.reason];
    throw new ValidationError("Invalid parameter(s): 'url'", [{ path: 'url', message }]);
  }
}

export type EndpointView = { id: string; url: string; events: string[]; subAccountId: string | null; createdAt: string };

function view(e: { id: string; url: string; events: unknown; subAccountId: string | null; createdAt: Date }): EndpointView {
  return { id: e.id, url: e.url, events: e.events as string[], subAccountId: e.subAccountId, createdAt: e.createdAt.toISOString() };
}

/**
 * Registers an endpoint; the secret is returned once (it signs every delivery). `actor` (a user or an
 * API key) is recorded in the audit log in the same transaction.
 */
export async function createEndpoint(db: Db, accountId: string, raw: unknown, actor: Actor): Promise<EndpointView & { secret: string }> {
  const input = parseWith(createEndpointInput, raw);
  await assertDeliverableUrl(input.url);
  if (input.subAccountId) {
    const sub = await db.subAccount.findFirst({ where: { id: input.subAccountId, accountId }, select: { id: true } });
    if (!sub)
      throw new ValidationError("Invalid parameter(s): 'subAccountId'", [{ path: 'subAccountId', message: `Subaccount '${input.subAccountId}' not found` }]);
  }
  const secret = `whsec_${crypto.randomBytes(24).toString('base64url')}`;
  const row = await transactWithRetry(db, async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { accountId, url: input.url, events: [...new Set(input.events)], subAccountId: input.subAccountId ?? null, secret },
    });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row.id,
      summary: `Added webhook ${row.url} for ${(row.events as string[]).join(', ')}`,
    });
    return row;
  });
  return { ...view(row), secret };
}

/**
 * Changes where an endpoint's events go and which events it takes; the signing secret stays, so the
 * receiver needs no change. Deliveries still pending go to the new URL at their next attempt. `actor`
 * is audited in the same transaction, with what changed.
 */
export async function updateEndpoint(db: Db, accountId: string, id: string, raw: unknown, actor: Actor): Promise<EndpointView> {
  const input = parseWith(updateEndpointInput, raw);
  const row = await db.webhookEndpoint.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw new NotFoundError(`Webhook '${id}' not found`);
  if (input.url !== row.url) await assertDeliverableUrl(input.url);
  const events = [...new Set(input.events)];
  return transactWithRetry(db, async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id, deletedAt: null }, data: { url: input.url, events } });
    if (!count) throw new NotFoundError(`Webhook '${id}' not found`);
    const before = { url: row.url, events: row.events as string[] };
    const changed = [
      before.url !== input.url ? `URL ${before.url} → ${input.url}` : null,
      before.events.join() !== events.join() ? `events ${events.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join('; ');
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'webhook.update',
      entityType: 'webhook',
      entityId: id,
      summary: `Changed webhook ${input.url}${changed ? `: ${changed}` : ' (no change)'}`,
      changes: { url: input.url, events },
    });
    return view({ ...row, url: input.url, events });
  });
}

export async function listEndpoints(db: Db, accountId: string): Promise<EndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { accountId, deletedAt: null }, orderBy: { createdAt: 'desc' } });
  return rows.map(view);
}

export async function getEndpoint(db: Db, accountId: string, id: string): Promise<EndpointView> {
  const row = await db.webhookEndpoint.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw new NotFoundError(`Webhook '${id}' not found`);
  return view(row);
}

/** Soft delete: past deliveries stay visible; pending ones stop. `actor` is audited in the same transaction. */
export async function deleteEndpoint(db: Db, accountId: string, id: string, actor: Actor): Promise<EndpointView> {
  const notFound = () => new NotFoundError(`Webhook '${id}' not found`);
  const row = await db.webhookEndpoint.findFirst({ where: { id, accountId, deletedAt: null } });
  if (!row) throw notFound();
  return transactWithRetry(db, async (tx) => {
    // Deleted only if no one deleted it since the read: two DELETEs at once (a client retrying on a
    // timeout) both answered 204, where one after the other the second is a 404.
    const deleted = await tx.webhookEndpoint.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (deleted.count === 0) throw notFound();
    await tx.webhookDelivery.updateMany({
      where: { endpointId: id, status: 'pending' },
      data: { status: 'failed', lastError: 'Endpoint deleted', nextAttemptAt: null, completedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, { accountId, action: 'webhook.delete', entityType: 'webhook', entityId: id, summary: `Deleted webhook ${row.url}` });
    return view(row);
  });
}
