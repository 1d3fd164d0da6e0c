// Helpers for automation tests (imported only by *.test.ts files and bench scripts).
import { db } from '@/lib/db/client';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { createWorkflow } from '@/lib/automation/workflows';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';

export async function inbound(args: { subAccountId: string; channel: 'whatsapp' | 'sms'; msisdn: string; text: string; timestamp?: Date }) {
  return receiveInbound(db, {
    accountId: 'acme_corp',
    subAccountId: args.subAccountId,
    channel: args.channel,
    msisdn: args.msisdn,
    type: 'text',
    content: { text: args.text },
    timestamp: args.timestamp,
  });
}

export async function outbound(where: { msisdn?: string; workflowId?: string } = {}) {
  return db.message.findMany({
    where: { direction: 'outbound', msisdn: where.msisdn, workflowId: where.workflowId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

export function textOf(message: { content: unknown }): string {
  return String((message.content as { text?: unknown }).text ?? '');
}

export async function instancesOf(definitionId: string) {
  return db.workflowInstance.findMany({ where: { definitionId }, orderBy: { createdAt: 'asc' } });
}

export async function stepsOf(instanceId: string) {
  return db.workflowStepRun.findMany({ where: { instanceId }, orderBy: { seq: 'asc' } });
}

/** A workflow with an http_request trigger on acme_corp made of `steps`. */
export async function httpWorkflow(steps: unknown[], name = 'test') {
  return createWorkflow(
    db,
    'acme_corp',
    { subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name, steps } },
    { actor: SYSTEM_ACTOR },
  );
}
