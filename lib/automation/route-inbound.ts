import type { Db } from '@/lib/db/client';
import { claimWaiting } from '@/lib/automation/runner/resume-instance';
import { runSafely, startWorkflows } from '@/lib/automation/runner/start-instance';
import { replyKey } from '@/lib/automation/steps/wait-for-reply';
import { dtmfAddress } from '@/lib/automation/steps/wait-for-dtmf';
import { digits } from '@/lib/automation/steps/send-support';

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

const TRIGGER_FOR = { whatsapp: 'inbound_chat_apps', sms: 'inbound_sms' } as const;

type Waiting = { id: string; waitSeq: number };

/** Resumes the oldest of the candidates whose compare-and-swap we win (another runner may win one first). */
async function resumeOldest(db: Db, candidates: () => Promise<Waiting[]>, value: Parameters<typeof claimWaiting>[2]): Promise<string | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const list = await candidates();
    if (!list.length) return null;
    for (const c of list) if (await claimWaiting(db, c, value)) return c.id;
  }
  return null;
}

/**
 * An inbound message first resumes the oldest instance waiting (WaitForReply) on that sender in that
 * subaccount and channel; only when none waits does it start the subaccount's enabled inbound workflows.
 * A conversation handed to Converse starts nothing: its messages belong to the agents.
 */
export async function routeInboundToAutomation(db: Db, inbound: InboundForAutomation): Promise<RouteResult> {
  const key = replyKey(inbound.subAccountId, inbound.channel, inbound.msisdn);
  const resumed = await resumeOldest(
    db,
    () =>
      db.workflowInstance.findMany({
        where: { waitKind: 'reply', waitKey: key, status: 'waiting' },
        orderBy: { createdAt: 'asc' },
        take: 5,
        select: { id: true, waitSeq: true },
      }),
    { kind: 'reply', event: inbound.event },
  );
  if (resumed) {
    await runSafely(db, resumed);
    return { resumed: 1, started: 0, toConverse: false };
  }
  const handoff = await db.converseHandoff.findFirst({
    where: { subAccountId: inbound.subAccountId, channel: inbound.channel, msisdn: digits(inbound.msisdn), releasedAt: null },
    select: { id: true },
  });
  if (handoff) return { resumed: 0, started: 0, toConverse: true };
  const started = await startWorkflows(db, { accountId: inbound.accountId, subAccountId: inbound.subAccountId, trigger: TRIGGER_FOR[inbound.channel] }, inbound.event);
  return { resumed: 0, started: started.length, toConverse: false };
}

/** A key press resumes the WaitForDTMF it answers: by the call's request id, else by the number called. */
export async function routeDtmfToAutomation(db: Db, dtmf: DtmfForAutomation): Promise<RouteResult> {
  const dtmfData = {
    clientRequestId: dtmf.clientRequestId ?? null,
    destination: dtmf.destination,
    actionDetails: { dtmf: dtmf.dtmf },
    timestamp: new Date().toISOString(),
  };
  const address = dtmfAddress(dtmf.subAccountId, dtmf.destination);
  const resumed = await resumeOldest(
    db,
    async () => {
      if (dtmf.clientRequestId) {
        const byKey = await db.workflowInstance.findMany({
          where: { waitKind: 'dtmf', waitKey: dtmf.clientRequestId, status: 'waiting', accountId: dtmf.accountId },
          orderBy: { createdAt: 'asc' },
          take: 5,
          select: { id: true, waitSeq: true },
        });
        if (byKey.length) return byKey;
      }
      return db.workflowInstance.findMany({
        where: { waitKind: 'dtmf', waitAddress: address, status: 'waiting' },
        orderBy: { createdAt: 'asc' },
        take: 5,
        select: { id: true, waitSeq: true },
      });
    },
    { kind: 'dtmf', dtmf: dtmfData },
  );
  if (!resumed) return { resumed: 0, started: 0, toConverse: false };
  await runSafely(db, resumed);
  return { resumed: 1, started: 0, toConverse: false };
}
