import type { Db } from '@/lib/db/client';

// The seam between messaging and automation. lib/messaging calls these after it has stored an inbound
// message or key press; lib/automation (the runner) decides what to resume or start.

export type InboundForAutomation = {
  accountId: string;
  subAccountId: string;
  channel: 'whatsapp' | 'sms';
  channelId: string | null;
  umid: string;
  msisdn: string;
  /** The inbound webhook event: { namespace, eventType: 'inbound_message_received', payload: {...} }. */
  event: Record<string, unknown>;
};

export type DtmfForAutomation = {
  accountId: string;
  subAccountId: string;
  destination: string;
  dtmf: string;
  clientRequestId?: string | null;
};

export type RouteResult = { resumed: number; started: number; toConverse: boolean };

/** Placeholder until the runner lands: nothing waits and nothing starts. */
export async function routeInboundToAutomation(_db: Db, _inbound: InboundForAutomation): Promise<RouteResult> {
  return { resumed: 0, started: 0, toConverse: false };
}

/** Placeholder until the runner lands. */
export async function routeDtmfToAutomation(_db: Db, _dtmf: DtmfForAutomation): Promise<RouteResult> {
  return { resumed: 0, started: 0, toConverse: false };
}
