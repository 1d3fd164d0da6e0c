import type { Db } from '@/lib/db/client';
import type { Step, Tx } from '@/lib/db/tx';

/** A customer's message as stored, handed to every consumer in the transaction that stored it. */
export type StoredInbound = {
  accountId: string;
  subAccountId: string;
  channel: 'whatsapp' | 'sms';
  channelId: string | null;
  umid: string;
  msisdn: string;
  /** The inbound webhook event: { namespace, eventType: 'inbound_message_received', payload: {...} }. */
  event: Record<string, unknown>;
};

/** A key press on a sandbox voice call, as stored. */
export type StoredDtmf = { accountId: string; subAccountId: string; destination: string; dtmf: string; clientRequestId?: string | null };

/**
 * What else happens when a message arrives (automation now; Converse and contacts next). Messaging
 * knows only this interface: consumers register at start (scripts/compose.ts), so lib/messaging
 * imports none of them.
 */
export type InboundConsumer = {
  name: string;
  /**
   * Decides, and writes, what the message sets off, in the message's own write transaction (in a
   * savepoint: a consumer that throws loses its part alone, never the message). Returns what to run
   * once that transaction committed, or null. On PostgreSQL the transaction may run more than once, so
   * it changes nothing but the database.
   */
  decide(t: Tx, inbound: StoredInbound): Step<((db: Db) => Promise<unknown>) | null>;
  /** A key press, after it was stored. */
  dtmf?(db: Db, dtmf: StoredDtmf): Promise<unknown>;
};

// On globalThis: Next's bundles and the custom server each load this module; one registry serves all.
const g = globalThis as unknown as { parleyInboundConsumers?: Map<string, InboundConsumer> };

/** Registers (or replaces, by name) a consumer. Idempotent, so every entry point can compose freely. */
export function registerInboundConsumer(consumer: InboundConsumer): void {
  (g.parleyInboundConsumers ??= new Map()).set(consumer.name, consumer);
}

/** The registered consumers, in the order they registered. */
export function inboundConsumers(): InboundConsumer[] {
  return [...(g.parleyInboundConsumers?.values() ?? [])];
}
