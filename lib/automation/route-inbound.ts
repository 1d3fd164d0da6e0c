import type { Db } from '@/lib/db/client';
import { type Step, type Tx, write } from '@/lib/db/tx';
import { hasOpenTicket } from '@/lib/converse/ticket-rows';
import type { LoadedInstance } from '@/lib/automation/runner/instance-rows';
import { claimWaitingAndLoad } from '@/lib/automation/runner/resume-instance';
import { findStartableWorkflows, insertStartedInstance, runSafely, runStarted } from '@/lib/automation/runner/start-instance';
import type { ResumeValue } from '@/lib/automation/runner/types';
import type { InboundConsumer, StoredDtmf, StoredInbound } from '@/lib/messaging/inbound-consumers';
import { replyKey } from '@/lib/automation/steps/wait-for-reply';
import { dtmfAddress } from '@/lib/automation/steps/wait-for-dtmf';

// Automation as an inbound consumer (lib/messaging/inbound-consumers.ts): after messaging has stored
// an inbound message or key press, the runner decides what to resume or start.

export type InboundForAutomation = StoredInbound;
export type DtmfForAutomation = StoredDtmf;

export type RouteResult = { resumed: number; started: number; toConverse: boolean };

const TRIGGER_FOR = { whatsapp: 'inbound_chat_apps', sms: 'inbound_sms' } as const;

type Waiting = { id: string; waitSeq: number };

/**
 * Claims the oldest of the candidates whose compare-and-swap we win, in the caller's write transaction.
 * Inside it no other writer runs, so the first candidate wins unless its wait ended in the meantime.
 */
function* claimOldest(t: Tx, candidates: Waiting[], value: ResumeValue): Step<LoadedInstance | null> {
  for (const c of candidates) {
    const claimed = yield* claimWaitingAndLoad(t, c, value);
    if (claimed) return claimed;
  }
  return null;
}

// Every lookup is scoped to the account the message or key press arrived for as well as by its key: a
// wait key names a subaccount, and an instance of another account must never be handed this account's
// messages, whatever its key says (steps check the subaccount too, at save and at run time).
const WAITING_ON_KEY = `SELECT "id", "waitSeq" FROM "WorkflowInstance" WHERE "waitKind" = ? AND "waitKey" = ? AND "status" = 'waiting' AND "accountId" = ? ORDER BY "createdAt" LIMIT 5`;
const DTMF_ON_KEY = `SELECT "id", "waitSeq" FROM "WorkflowInstance" WHERE "waitKind" = 'dtmf' AND "waitKey" = ? AND "status" = 'waiting' AND "accountId" = ? ORDER BY "createdAt" LIMIT 5`;
const WAITING_ON_ADDRESS = `SELECT "id", "waitSeq" FROM "WorkflowInstance" WHERE "waitKind" = ? AND "waitAddress" = ? AND "status" = 'waiting' AND "accountId" = ? ORDER BY "createdAt" LIMIT 5`;

function* handedToConverse(t: Tx, inbound: InboundForAutomation): Step<boolean> {
  return yield* hasOpenTicket(t, { accountId: inbound.accountId, subAccountId: inbound.subAccountId, channel: inbound.channel, msisdn: inbound.msisdn });
}

export type InboundRouting = { kind: 'resume'; instance: LoadedInstance } | { kind: 'converse' } | { kind: 'start'; instances: LoadedInstance[] };

/**
 * A conversation handed to Converse (a ticket not closed yet) resumes and starts nothing: its messages
 * belong to the agents. Otherwise an inbound message first resumes the oldest instance waiting
 * (WaitForReply) on that sender in that subaccount and channel; only when none waits does it start the
 * subaccount's enabled inbound workflows. This decides, and
 * writes the claim or the new instances, in the caller's write transaction (receiveInbound's, so the
 * message and what it set off commit together); followInboundRouting then runs them.
 */
export function* decideInboundRouting(t: Tx, inbound: InboundForAutomation): Step<InboundRouting> {
  if (yield* handedToConverse(t, inbound)) return { kind: 'converse' };
  const key = replyKey(inbound.subAccountId, inbound.channel, inbound.msisdn);
  const waiting = yield* t.all<Waiting>(WAITING_ON_KEY, 'reply', key, inbound.accountId);
  const claimed = yield* claimOldest(t, waiting, { kind: 'reply', event: inbound.event });
  if (claimed) return { kind: 'resume', instance: claimed };
  const workflows = yield* findStartableWorkflows(t, {
    accountId: inbound.accountId,
    subAccountId: inbound.subAccountId,
    trigger: TRIGGER_FOR[inbound.channel],
  });
  const instances: LoadedInstance[] = [];
  for (const wf of workflows) instances.push(yield* insertStartedInstance(t, wf, wf.publishedVersion!, inbound.event));
  return { kind: 'start', instances };
}

/** Runs the instance a routing decision claimed, or the ones it started. */
export async function followInboundRouting(db: Db, routing: InboundRouting): Promise<RouteResult> {
  if (routing.kind === 'converse') return { resumed: 0, started: 0, toConverse: true };
  if (routing.kind === 'resume') {
    await runSafely(db, routing.instance.row.id, routing.instance);
    return { resumed: 1, started: 0, toConverse: false };
  }
  await runStarted(db, routing.instances);
  return { resumed: 0, started: routing.instances.length, toConverse: false };
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
  const value: ResumeValue = { kind: 'dtmf', dtmf: dtmfData };
  const resumed = await write(db, function* (t) {
    if (dtmf.clientRequestId) {
      const byKey = yield* t.all<Waiting>(DTMF_ON_KEY, dtmf.clientRequestId, dtmf.accountId);
      if (byKey.length) return yield* claimOldest(t, byKey, value);
    }
    return yield* claimOldest(t, yield* t.all<Waiting>(WAITING_ON_ADDRESS, 'dtmf', address, dtmf.accountId), value);
  });
  if (!resumed) return { resumed: 0, started: 0, toConverse: false };
  await runSafely(db, resumed.row.id, resumed);
  return { resumed: 1, started: 0, toConverse: false };
}

/** Automation's part of every inbound message and key press, registered at start (scripts/compose.ts). */
export const automationInboundConsumer: InboundConsumer = {
  name: 'automation',
  *decide(t, inbound) {
    const routing = yield* decideInboundRouting(t, inbound);
    return (db) => followInboundRouting(db, routing);
  },
  dtmf: (db, dtmf) => routeDtmfToAutomation(db, dtmf),
};
