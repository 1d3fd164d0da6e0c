import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { newId, sqlDate } from '@/lib/db/sql';
import type { Dialect, Step, Tx as SqlTx } from '@/lib/db/tx';

// An event is stored for lib/webhooks to deliver, in the same transaction as the change that caused
// it, and only when one of the account's endpoints subscribes to it: nothing else reads events, and a
// busy channel emits several per message (inbound, sent, delivered, read).

export type EventInput = {
  accountId: string;
  subAccountId?: string | null;
  eventType: string;
  /** The body exactly as a webhook receiver gets it (the reference docs' shape). */
  body: Prisma.InputJsonValue;
};

type Tx = Pick<Db, 'event' | 'webhookEndpoint'>;

/** Does an endpoint of the account take this event (all subaccounts, or this one)? */
export function subscribes(endpoint: { events: unknown; subAccountId: string | null }, input: Pick<EventInput, 'eventType' | 'subAccountId'>): boolean {
  return (
    Array.isArray(endpoint.events) && endpoint.events.includes(input.eventType) && (!endpoint.subAccountId || endpoint.subAccountId === input.subAccountId)
  );
}

/** Stores an event for delivery. Pass the transaction client so the event commits with its cause. */
export async function recordEvent(tx: Tx, input: EventInput): Promise<{ id: string } | null> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { accountId: input.accountId, deletedAt: null }, select: { events: true, subAccountId: true } });
  if (!endpoints.some((e) => subscribes(e, input))) return null;
  return tx.event.create({
    data: { accountId: input.accountId, subAccountId: input.subAccountId ?? null, eventType: input.eventType, body: input.body },
    select: { id: true },
  });
}

// Is the event one of the endpoint's subscribed ones? `events` is JSON text on SQLite, jsonb on PostgreSQL.
const SUBSCRIBED: Record<Dialect, string> = {
  sqlite: `SELECT 1 AS "x" FROM "WebhookEndpoint" WHERE "accountId" = ? AND "deletedAt" IS NULL AND ("subAccountId" IS NULL OR "subAccountId" = ?)
       AND EXISTS (SELECT 1 FROM json_each("events") WHERE "value" = ?) LIMIT 1`,
  postgres: `SELECT 1 AS "x" FROM "WebhookEndpoint" WHERE "accountId" = ? AND "deletedAt" IS NULL AND ("subAccountId" IS NULL OR "subAccountId" = ?)
       AND "events" @> jsonb_build_array(CAST(? AS TEXT)) LIMIT 1`,
};

/** recordEvent for the hot paths: the same rule and row, inside the caller's write transaction (lib/db/tx.ts). */
export function* appendEvent(t: SqlTx, input: EventInput, at: Date = new Date()): Step<string | null> {
  const subscribed = yield* t.one(SUBSCRIBED[t.dialect], input.accountId, input.subAccountId ?? null, input.eventType);
  if (!subscribed) return null;
  const id = newId();
  yield* t.run(
    'INSERT INTO "Event" ("id", "accountId", "subAccountId", "eventType", "body", "createdAt", "dispatchedAt") VALUES (?, ?, ?, ?, ?, ?, NULL)',
    id,
    input.accountId,
    input.subAccountId ?? null,
    input.eventType,
    JSON.stringify(input.body),
    sqlDate(at),
  );
  return id;
}
