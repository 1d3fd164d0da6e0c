import type { Db } from '@/lib/db/client';
import { canonicalStepType } from '@/lib/automation/definition/step-types';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';

type StepRunRow = { stepType: string; outputs: unknown };

const umidOf = (event: unknown): string | null => {
  const umid = (event as { payload?: { umid?: unknown } } | null)?.payload?.umid;
  return typeof umid === 'string' && umid ? umid : null;
};

/**
 * The customer's messages a run consumed: the one that started it (its trigger event, the run's
 * data) and each reply a WaitForReply step took (the step's `reply`, an inbound event). These are
 * the run's only inbound messages: a later message of the same customer belongs to whatever it
 * resumed or started, not to this run.
 */
export function consumedInbound(data: unknown, stepRuns: StepRunRow[]): string[] {
  const out = new Set<string>();
  const trigger = umidOf(data);
  if (trigger) out.add(trigger);
  for (const r of stepRuns) {
    if (canonicalStepType(r.stepType) !== 'WaitForReply') continue;
    const reply = umidOf((r.outputs as { reply?: unknown } | null)?.reply);
    if (reply) out.add(reply);
  }
  return [...out];
}

/**
 * One run's conversation, oldest first, as the Logs API shapes messages (so it can be drawn as the
 * customer's phone shows it): what its steps sent (each send carries the run's id as its
 * `workflowId`) and the inbound messages it consumed. Nothing of other runs of the same customer.
 */
export async function readRunTranscript(
  db: Db,
  accountId: string,
  instance: { id: string; data: unknown },
  stepRuns: StepRunRow[],
  limit = 200,
): Promise<ApiMessage[]> {
  // A step may send from any subaccount of the account: one indexed walk per subaccount (by workflowId).
  const subAccounts = await db.subAccount.findMany({ where: { accountId }, select: { id: true } });
  const inbound = consumedInbound(instance.data, stepRuns);
  const [sent, received] = await Promise.all([
    db.message.findMany({
      where: { subAccountId: { in: subAccounts.map((s) => s.id) }, workflowId: instance.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
    }),
    inbound.length ? db.message.findMany({ where: { accountId, id: { in: inbound }, direction: 'inbound' } }) : Promise.resolve([]),
  ]);
  return [...received, ...sent].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toApiMessage);
}
