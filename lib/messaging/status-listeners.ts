import type { Step, Tx } from '@/lib/db/tx';

/** An outbound message's move to a new state, as applyStatus stored it. */
export type StatusChange = {
  messageId: string;
  accountId: string;
  subAccountId: string;
  clientMessageId: string | null;
  campaignId: string | null;
  from: string;
  to: 'sent' | 'delivered' | 'read' | 'undelivered' | 'rejected';
  errorCode: number | null;
  errorMessage: string | null;
  at: Date;
};

/**
 * Who else keeps state that follows a message's status (campaign results; rollups next). Called inside
 * the write transaction that applies the change, so their rows and the message never disagree. Like the
 * inbound consumers, they register at start (scripts/compose.ts) and lib/messaging imports none of them.
 * A listener is a transaction body (lib/db/tx.ts): on PostgreSQL it may run again after a conflict, so
 * it changes nothing but the database.
 */
export type StatusListener = { name: string; onStatus(t: Tx, change: StatusChange): Step<void> };

// On globalThis: Next's bundles and the custom server each load this module; one registry serves all.
const g = globalThis as unknown as { parleyStatusListeners?: Map<string, StatusListener> };

/** Registers (or replaces, by name) a listener. Idempotent. */
export function registerStatusListener(listener: StatusListener): void {
  (g.parleyStatusListeners ??= new Map()).set(listener.name, listener);
}

export function* notifyStatusListeners(t: Tx, change: StatusChange): Step<void> {
  for (const l of g.parleyStatusListeners?.values() ?? []) yield* l.onStatus(t, change);
}
