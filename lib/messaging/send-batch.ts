import type { Step, Tx } from '@/lib/db/tx';
import { optedOutAmong } from '@/lib/contacts/opt-out-rows';
import { findByClientIds, insertLaterRows, laterRows, type LaterRows } from '@/lib/messaging/message-rows';
import { businessConversationBatch, type BusinessConversationBatch, insertClaimed } from '@/lib/messaging/messaging-limit';
import { readWindows, type WindowState } from '@/lib/messaging/windows';

/**
 * What insertOutbound reads for each message, read once for a batch of sends from one subaccount to
 * known numbers (a campaign's batch): the messages already stored under the batch's clientMessageIds,
 * which numbers opted out, their conversation windows, and the messaging-limit count (read at the
 * batch's first claim, messaging-limit.ts). On PostgreSQL each read is a round trip: a batch of 500
 * recipients made six reads per recipient. insertOutbound keeps it current as it stores messages, and
 * keeps their rows for writeSendBatch.
 * The reads see what was committed when the batch began; the per-message reads saw the same a few
 * milliseconds later, within one transaction that holds its recipients.
 */
export type SendBatch = {
  readonly accountId: string;
  readonly subAccountId: string;
  readonly numbers: ReadonlySet<string>;
  readonly stored: Map<string, { id: string; createdAt: string }>;
  readonly optedOut: ReadonlySet<string>;
  readonly windows: ReadonlyMap<string, WindowState>;
  readonly conversations: BusinessConversationBatch;
  /** The rows its sends store, written by writeSendBatch. */
  readonly later: LaterRows;
};

export function* readSendBatch(
  t: Tx,
  a: { accountId: string; subAccountId: string; msisdns: readonly string[]; clientMessageIds: readonly string[] },
): Step<SendBatch> {
  const numbers = new Set(a.msisdns);
  const unique = [...numbers];
  return {
    accountId: a.accountId,
    subAccountId: a.subAccountId,
    numbers,
    stored: a.clientMessageIds.length ? yield* findByClientIds(t, a.subAccountId, a.clientMessageIds) : new Map(),
    optedOut: yield* optedOutAmong(t, a.accountId, unique),
    windows: yield* readWindows(t, a.subAccountId, unique),
    conversations: businessConversationBatch(a.accountId, numbers),
    later: laterRows(),
  };
}

/**
 * Writes the rows the batch's sends stored so far (messages, their first statuses and outbox jobs, the
 * conversations counted): a few statements a table instead of four per send. The batch's transaction
 * calls it before it commits, whether it stored every send or stopped at the tier.
 */
export function* writeSendBatch(t: Tx, batch: SendBatch): Step<void> {
  yield* insertLaterRows(t, batch.later);
  yield* insertClaimed(t, batch.conversations);
}
