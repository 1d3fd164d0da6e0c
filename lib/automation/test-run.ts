import type { Db } from '@/lib/db/client';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { getWorkflow } from '@/lib/automation/workflows';
import { createInstance, runSafely } from '@/lib/automation/runner/start-instance';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import type { ApiMessage } from '@/lib/messaging/message-view';
import { readRunTranscript } from '@/lib/automation/instances/run-transcript';

export type TestRunInput = { workflowId: string; mode: 'inbound' | 'http'; msisdn?: string; text?: string; body?: Record<string, unknown> };

/**
 * Starts the workflow's latest saved version (the draft on the canvas, published or not) once, for a
 * Simulator customer: the trigger data is the inbound event of that customer's message, or the HTTP body. Replies then come in through the Simulator like any inbound message and
 * resume the waiting instance.
 */
export async function startTestRun(db: Db, accountId: string, input: TestRunInput): Promise<{ instanceId: string }> {
  const wf = await getWorkflow(db, accountId, input.workflowId);
  let data: Record<string, unknown>;
  if (input.mode === 'http' || wf.trigger === 'http_request') {
    data = input.body ?? {};
  } else {
    if (!input.msisdn) throw new ValidationError('Choose the Simulator customer who writes in', [{ path: 'msisdn', message: 'Required' }]);
    // The customer's message arrives as any inbound would (logged, the 24 h window opened, shown in
    // the Simulator); its event is the trigger data.
    const since = new Date();
    const channel = wf.trigger === 'inbound_sms' ? 'sms' : 'whatsapp';
    const { event } = await receiveInbound(db, {
      accountId,
      subAccountId: wf.subAccountId,
      channel,
      msisdn: input.msisdn,
      type: 'text',
      content: { text: input.text ?? '' },
    });
    // An enabled workflow whose published version is the latest was just started by that message.
    if (wf.status === 'enabled' && wf.publishedVersion === wf.latestVersion) {
      const started = await db.workflowInstance.findFirst({
        where: { accountId, definitionId: wf.id, createdAt: { gte: since } },
        orderBy: { createdAt: 'desc' },
      });
      if (started) return { instanceId: started.id };
    }
    data = event;
  }
  // The runner starts instances on a workflow's published version; a test run uses the latest instead.
  const instanceId = await createInstance(
    db,
    { id: wf.id, accountId, subAccountId: wf.subAccountId, trigger: wf.trigger, publishedVersion: wf.latestVersion },
    data,
  );
  if (!instanceId) throw new NotFoundError('The workflow has no saved version to run');
  void runSafely(db, instanceId);
  return { instanceId };
}

export type InstancePath = {
  id: string;
  workflowId: string;
  version: number;
  status: string;
  currentStepId: string | null;
  error: string | null;
  data: unknown;
  steps: Array<{
    seq: number;
    stepId: string;
    stepType: string;
    status: string;
    inputs: unknown;
    outputs: unknown;
    error: string | null;
    startedAt: string;
    endedAt: string | null;
  }>;
  /** The run's own conversation (readRunTranscript), shaped as the Logs API shapes messages. */
  messages: ApiMessage[];
};

/** An instance's path through the graph: each step run with its evaluated inputs and outputs. */
export async function readInstancePath(db: Db, accountId: string, instanceId: string): Promise<InstancePath> {
  const inst = await db.workflowInstance.findFirst({ where: { id: instanceId, accountId } });
  if (!inst) throw new NotFoundError(`Workflow instance '${instanceId}' not found`);
  const runs = await db.workflowStepRun.findMany({ where: { instanceId }, orderBy: { seq: 'asc' }, take: 1000 });
  const messages = await readRunTranscript(db, accountId, inst, runs);
  return {
    id: inst.id,
    workflowId: inst.definitionId,
    version: inst.version,
    status: inst.status,
    currentStepId: inst.currentStepId,
    error: inst.error,
    data: inst.data,
    steps: runs.map((r) => ({
      seq: r.seq,
      stepId: r.stepId,
      stepType: r.stepType,
      status: r.status,
      inputs: r.inputs,
      outputs: r.outputs,
      error: r.error,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
    })),
    messages,
  };
}
