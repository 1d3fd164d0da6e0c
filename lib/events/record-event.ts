import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { newId, run, sqlDate, type Sqlite } from '@/lib/db/sql';

export type EventInput = {
  accountId: string;
  subAccountId?: string | null;
  eventType: string;
  /** The body exactly as a webhook receiver gets it (the reference docs' shape). */
  body: Prisma.InputJsonValue;
};

type Tx = Pick<Db, 'event'>;

/** Stores an event for delivery. Pass the transaction client so the event commits with its cause. */
export async function recordEvent(tx: Tx, input: EventInput): Promise<{ id: string }> {
  return tx.event.create({
    data: { accountId: input.accountId, subAccountId: input.subAccountId ?? null, eventType: input.eventType, body: input.body },
    select: { id: true },
  });
}

/** recordEvent for the hot paths: the same row, inside the caller's write transaction (lib/db/sql.ts). */
export function appendEvent(conn: Sqlite, input: EventInput, at: Date = new Date()): string {
  const id = newId();
  run(
    conn,
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
