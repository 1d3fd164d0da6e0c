import crypto from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { wakeBackgroundTask } from '@/lib/jobs/start-background-work';
import { claimBusinessConversation } from '@/lib/messaging/messaging-limit';
import { isCswOpen } from '@/lib/messaging/windows';
import { findMessageByClientId, findWindow } from '@/lib/messaging/hot-reads';
import { writeOutbound } from '@/lib/messaging/outbound-writer';
import type { ParsedMsisdn } from '@/lib/messaging/msisdn';

export const OUTBOX_TASK = 'messaging-outbox';

export type SendOrigin = { workflowId?: string | null; campaignId?: string | null };

export type SendAccepted = { umid: string; clientMessageId: string | null; status: { state: 'queued'; timestamp: string } };

export type OutboundRow = {
  accountId: string;
  subAccountId: string;
  channelId: string | null;
  channel: 'whatsapp' | 'sms' | 'voice';
  to: ParsedMsisdn;
  type: string;
  content: Prisma.InputJsonValue;
  rendered?: Prisma.InputJsonValue | null;
  templateName?: string | null;
  templateLanguage?: string | null;
  category: string;
  clientMessageId?: string | null;
  origin?: SendOrigin;
};

function accepted(row: { id: string; clientMessageId: string | null; createdAt: Date }): SendAccepted {
  return { umid: row.id, clientMessageId: row.clientMessageId, status: { state: 'queued', timestamp: row.createdAt.toISOString() } };
}

/** The first send with this clientMessageId in the subaccount, if any (idempotency). */
export async function findByClientMessageId(db: Db, subAccountId: string, clientMessageId: string | null | undefined): Promise<SendAccepted | null> {
  if (!clientMessageId) return null;
  const row = await findMessageByClientId(db, subAccountId, clientMessageId);
  return row ? accepted(row) : null;
}

/**
 * Writes the message (queued), its first status and its outbox row in one transaction (group-committed
 * with concurrent sends, lib/messaging/outbound-writer.ts), so a crash either loses the whole request
 * (the caller got no umid) or keeps all of it; the outbox worker then hands it to the channel provider
 * exactly once. A duplicate clientMessageId gets the first umid.
 */
export async function enqueueOutbound(db: Db, row: OutboundRow): Promise<SendAccepted> {
  const now = new Date();
  // A template outside the customer service window starts a business-initiated conversation, which
  // counts against the account's messaging-limit tier (a user already counted today is free).
  if (row.channel === 'whatsapp' && row.type === 'template') {
    const w = await findWindow(db, row.subAccountId, row.to.e164);
    if (!isCswOpen(w, now)) await claimBusinessConversation(db, { accountId: row.accountId, msisdn: row.to.e164, at: now });
  }
  const stored = await writeOutbound(db, {
    id: crypto.randomUUID(),
    accountId: row.accountId,
    subAccountId: row.subAccountId,
    channelId: row.channelId,
    channel: row.channel,
    direction: 'outbound',
    msisdn: row.to.e164,
    channelUserId: row.to.channelUserId,
    country: row.to.country,
    type: row.type,
    content: row.content,
    rendered: row.rendered ?? Prisma.JsonNull,
    templateName: row.templateName ?? null,
    templateLanguage: row.templateLanguage ?? null,
    category: row.category,
    status: 'queued',
    statusAt: now,
    clientMessageId: row.clientMessageId ?? null,
    workflowId: row.origin?.workflowId ?? null,
    campaignId: row.origin?.campaignId ?? null,
    createdAt: now,
  });
  wakeBackgroundTask(OUTBOX_TASK);
  return accepted(stored);
}
