import type { Message } from '@/lib/db/generated/client';

// The Logs API's Message shape (API.md).
export type ApiMessage = {
  umid: string;
  subAccountId: string;
  channel: string;
  direction: string;
  user: { msisdn: string; channelUserId: string };
  type: string;
  content: unknown;
  rendered?: unknown;
  status: { state: string; detail?: string; errorCode?: number; errorMessage?: string; timestamp: string };
  country: string | null;
  category: string | null;
  price: { amount: number; currency: string } | null;
  templateName?: string;
  templateLanguage?: string;
  clientMessageId?: string;
  workflowId?: string;
  campaignId?: string;
  createdAt: string;
};

export type MessageStatusView = ApiMessage['status'];

export function statusView(m: Pick<Message, 'status' | 'statusDetail' | 'errorCode' | 'errorMessage' | 'statusAt'>): MessageStatusView {
  return {
    state: m.status,
    ...(m.statusDetail ? { detail: m.statusDetail } : {}),
    ...(m.errorCode != null ? { errorCode: m.errorCode } : {}),
    ...(m.errorMessage ? { errorMessage: m.errorMessage } : {}),
    timestamp: m.statusAt.toISOString(),
  };
}

export function toApiMessage(m: Message): ApiMessage {
  return {
    umid: m.id,
    subAccountId: m.subAccountId,
    channel: m.channel,
    direction: m.direction,
    user: { msisdn: m.msisdn, channelUserId: m.channelUserId },
    type: m.type,
    content: m.content,
    ...(m.rendered != null ? { rendered: m.rendered } : {}),
    status: statusView(m),
    country: m.country,
    category: m.category,
    price: m.priceMicros != null ? { amount: m.priceMicros / 1_000_000, currency: m.currency ?? 'USD' } : null,
    ...(m.templateName ? { templateName: m.templateName } : {}),
    ...(m.templateLanguage ? { templateLanguage: m.templateLanguage } : {}),
    ...(m.clientMessageId ? { clientMessageId: m.clientMessageId } : {}),
    ...(m.workflowId ? { workflowId: m.workflowId } : {}),
    ...(m.campaignId ? { campaignId: m.campaignId } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}
