import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';
import { OPTED_OUT } from '@/lib/messaging/codes';

/** A sent recipient's state for its message's state: it follows the message, queued → sent → delivered → read. */
export function recipientStateFor(messageState: string, errorCode: number | null): RecipientStatus {
  switch (messageState) {
    case 'queued':
    case 'sent':
    case 'delivered':
    case 'read':
      return messageState;
    default:
      // Opted out after the import (STOP since): skipped with that code, as import skips those it knew of.
      return errorCode === OPTED_OUT.code ? 'skipped' : 'failed';
  }
}

// Receipts can arrive out of order; a recipient only moves forward and failed/skipped are final.
const RANK: Partial<Record<RecipientStatus, number>> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 9, skipped: 9 };

/** Whether a recipient in `from` (one with a message) may move to `to`. */
export function movesForward(from: RecipientStatus, to: RecipientStatus): boolean {
  const a = RANK[from];
  const b = RANK[to];
  return a !== undefined && b !== undefined && a < 9 && b > a;
}
