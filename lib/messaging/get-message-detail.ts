import type { Db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { errorMeaning, type ErrorMeaning } from '@/lib/messaging/error-catalog';
import { toApiMessage, type ApiMessage } from '@/lib/messaging/message-view';

export type TimelineEntry = {
  state: string;
  detail: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  /** What the error code means, when it has one the catalog knows. */
  meaning: ErrorMeaning | null;
  at: string;
};

export type MessageDetail = ApiMessage & {
  timeline: TimelineEntry[];
  /** The current error's meaning (the one the status shows). */
  errorMeaning: ErrorMeaning | null;
  campaign: { id: string; name: string } | null;
  workflowRun: { id: string; workflowId: string; workflowName: string | null; status: string } | null;
};

/**
 * One message of the account as the Logs drawer shows it: the message, every status it went through
 * (oldest first) with what its error codes mean, and the campaign or workflow run that sent it. Another
 * account's message is not found, like one that does not exist.
 */
export async function getMessageDetail(db: Db, accountId: string, umid: string): Promise<MessageDetail> {
  const m = await db.message.findFirst({ where: { id: umid, accountId } });
  if (!m) throw new NotFoundError(`Message '${umid}' not found`);
  const [history, campaign, run] = await Promise.all([
    db.messageStatusChange.findMany({ where: { messageId: umid }, orderBy: { id: 'asc' } }),
    m.campaignId ? db.campaign.findFirst({ where: { id: m.campaignId, accountId }, select: { id: true, name: true } }) : null,
    m.workflowId ? db.workflowInstance.findFirst({ where: { id: m.workflowId, accountId }, select: { id: true, definitionId: true, status: true } }) : null,
  ]);
  const workflow = run ? await db.workflow.findFirst({ where: { id: run.definitionId, accountId }, select: { name: true } }) : null;
  return {
    ...toApiMessage(m),
    timeline: history.map((h) => ({
      state: h.state,
      detail: h.detail,
      errorCode: h.errorCode,
      errorMessage: h.errorMessage,
      meaning: errorMeaning(h.errorCode),
      at: h.at.toISOString(),
    })),
    errorMeaning: errorMeaning(m.errorCode),
    campaign: campaign ?? (m.campaignId ? { id: m.campaignId, name: m.campaignId } : null),
    workflowRun: run ? { id: run.id, workflowId: run.definitionId, workflowName: workflow?.name ?? null, status: run.status } : null,
  };
}
