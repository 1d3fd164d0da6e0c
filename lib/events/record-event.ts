import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

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
