import type { Db } from '@/lib/db/client';
import { sqlDate } from '@/lib/db/sql';
import { LOCKING, type Step, type Tx, write } from '@/lib/db/tx';
import { applyStatus } from '@/lib/messaging/apply-status';
import type { StatusEvent } from '@/lib/channels/eightbyeight/webhook-schemas';

export type CarrierStatusOutcome = 'applied' | 'ignored' | 'unknown' | 'foreign';

/** The event's own time when it is a sensible one (not ahead of ours), else now. */
export function eventTime(timestamp: string | undefined, now = new Date()): Date {
  const t = timestamp ? Date.parse(timestamp) : Number.NaN;
  return Number.isNaN(t) || t > now.getTime() ? now : new Date(t);
}

/**
 * The message a status names, on this channel: by 8x8's umid (stored when 8x8 accepted the send), or
 * by clientMessageId, which is our umid, for a status that outran the send's answer (then 8x8's umid
 * is stored now). 'foreign' when that id is another channel's message.
 */
function* findMessage(t: Tx, channelId: string, event: StatusEvent, at: Date): Step<{ id: string } | 'unknown' | 'foreign'> {
  const known = yield* t.one<{ messageId: string }>(
    'SELECT "messageId" FROM "CarrierMessage" WHERE "channelId" = ? AND "carrierId" = ?',
    channelId,
    event.payload.umid,
  );
  if (known) return { id: known.messageId };
  const ours = event.payload.clientMessageId;
  if (!ours) return 'unknown';
  const m = yield* t.one<{ id: string; channelId: string | null; direction: string }>(
    'SELECT "id", "channelId", "direction" FROM "Message" WHERE "id" = ?',
    ours,
  );
  if (!m) return 'unknown';
  if (m.channelId !== channelId || m.direction !== 'outbound') return 'foreign';
  yield* t.run(
    'INSERT INTO "CarrierMessage" ("channelId", "carrierId", "messageId", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("channelId", "carrierId") DO NOTHING',
    channelId,
    event.payload.umid,
    m.id,
    sqlDate(at),
  );
  return { id: m.id };
}

/**
 * Applies 8x8's outbound_message_status_changed to the message it names, through the same applyStatus
 * as the sandbox's receipts (monotonic: a late or redelivered status is ignored), so the customer's
 * webhooks, workflows, campaigns and rollups see it as they see the sandbox's.
 */
export async function applyCarrierStatus(db: Db, channelId: string, event: StatusEvent): Promise<{ outcome: CarrierStatusOutcome; messageId?: string }> {
  const at = eventTime(event.payload.status.timestamp);
  return write(
    db,
    function* (t): Step<{ outcome: CarrierStatusOutcome; messageId?: string }> {
      const found = yield* findMessage(t, channelId, event, at);
      if (typeof found === 'string') return { outcome: found };
      const { state, detail, errorCode, errorMessage } = event.payload.status;
      // "queued" is where every accepted send already is.
      if (state === 'queued') return { outcome: 'ignored', messageId: found.id };
      const applied = yield* applyStatus(t, found.id, { state, detail: detail ?? null, errorCode: errorCode ?? null, errorMessage: errorMessage ?? null }, at);
      return { outcome: applied ? 'applied' : 'ignored', messageId: found.id };
    },
    LOCKING,
  );
}
