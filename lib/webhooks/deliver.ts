import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { guardedFetch } from '@/lib/net/guarded-fetch';

export const SIGNATURE_HEADER = 'X-Parley-Signature';
const TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000;

export function sign(secret: string, rawBody: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * The waits before each retry, as webhook specialists schedule them (Svix): the first attempt at once,
 * then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — over 27 hours in all. A receiver that blinks for a
 * second gets its event within seconds; one that is down for a day still gets it.
 */
export const RETRY_SCHEDULE_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000] as const;

/** The wait after the `attempts`-th failed attempt, or null when the schedule is spent (give up). */
export function backoffMs(attempts: number): number | null {
  return RETRY_SCHEDULE_MS[attempts - 1] ?? null;
}

export type DeliverOptions = { now?: () => Date; limit?: number };
/**
 * A test event (Settings → Webhooks) is marked X-Parley-Test and is not retried: it answers whether the
 * receiver takes it now, and a retry hours later would reach a receiver that has long been fixed.
 */
export type AttemptOptions = { test?: boolean };

/** Makes every due delivery attempt (in parallel), records it, and schedules the next one on failure. */
export async function deliverDue(db: Db, opts: DeliverOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const due = await db.webhookDelivery.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: now() } },
    orderBy: { nextAttemptAt: 'asc' },
    take: opts.limit ?? 20,
  });
  const claimed = [];
  for (const d of due) {
    // A lease: if this process dies mid-attempt, another one retries after LEASE_MS.
    const { count } = await db.webhookDelivery.updateMany({
      where: { id: d.id, status: 'pending', nextAttemptAt: d.nextAttemptAt },
      data: { nextAttemptAt: new Date(now().getTime() + LEASE_MS) },
    });
    if (count) claimed.push(d);
  }
  await Promise.all(claimed.map((d) => attempt(db, d.id, now)));
  return claimed.length;
}

/** One attempt at a delivery, recorded (WebhookAttempt and the delivery's status) like every other. */
export async function attempt(db: Db, deliveryId: string, now: () => Date, opts: AttemptOptions = {}): Promise<void> {
  const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  const [endpoint, event] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: d.endpointId } }),
    db.event.findUnique({ where: { id: d.eventId } }),
  ]);
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!endpoint || endpoint.deletedAt || !event) {
    error = 'Endpoint or event no longer exists';
  } else {
    const raw = JSON.stringify(event.body);
    try {
      // The endpoint was checked when registered; its name may resolve elsewhere now, so every
      // attempt is checked again at the address it connects to. A redirect is not followed.
      const res = await guardedFetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Parley-Webhooks/1',
          [SIGNATURE_HEADER]: sign(endpoint.secret, raw),
          'X-Parley-Event': event.eventType,
          'X-Parley-Delivery': d.id,
          ...(opts.test ? { 'X-Parley-Test': 'true' } : {}),
        },
        body: raw,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? (err.name === 'TimeoutError' ? `Timed out after ${TIMEOUT_MS / 1000} s` : err.message) : String(err);
    }
  }
  const at = now();
  const attempts = d.attempts + 1;
  const ok = error === null;
  const wait = backoffMs(attempts);
  const giveUp = !ok && (opts.test || !endpoint || endpoint.deletedAt !== null || !event || wait === null);
  await db.$transaction([
    db.webhookAttempt.create({ data: { deliveryId: d.id, at, statusCode, error, durationMs: Date.now() - started } }),
    db.webhookDelivery.update({
      where: { id: d.id },
      data: {
        attempts,
        lastStatusCode: statusCode,
        lastError: error,
        status: ok ? 'succeeded' : giveUp ? 'failed' : 'pending',
        nextAttemptAt: ok || giveUp || wait === null ? null : new Date(at.getTime() + wait),
        completedAt: ok || giveUp ? at : null,
      },
    }),
  ]);
}

/** Sends a delivery again now (the "Resend" button), whatever its state; `actor` is audited with it. */
export async function resendDelivery(db: Db, accountId: string, deliveryId: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findFirst({ where: { id: deliveryId, accountId } });
    if (!d) throw new NotFoundError('Delivery not found');
    await tx.webhookDelivery.update({ where: { id: d.id }, data: { status: 'pending', nextAttemptAt: new Date(), completedAt: null } });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'webhook.resend',
      entityType: 'webhook_delivery',
      entityId: d.id,
      summary: 'Resent a webhook delivery',
    });
  });
}
