import type { Step, Tx } from '@/lib/db/tx';
import { optedOutAmong } from '@/lib/contacts/opt-out-rows';
import { findByClientIds } from '@/lib/messaging/message-rows';
import { businessConversationBatch, type BusinessConversationBatch } from '@/lib/messaging/messaging-limit';
import { readWindows, type WindowState } from '@/lib/messaging/windows';

/**
 * What insertOutbound reads for each message, read once for a batch of sends from one subaccount to
 * known numbers (a campaign's batch): the messages already stored under the batch's clientMessageIds,
 * which numbers opted out, their conversation windows, and the messaging-limit count (read at the
 * batch's first claim, messaging-limit.ts). On PostgreSQL each read is a round trip: a batch of 500
 * recipients made six reads per recipient. insertOutbound keeps it current as it stores messages.
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
  };
}
