import type { Db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { parseWith } from '@/lib/api/read-json';
import { withoutNulls } from '@/lib/api/without-nulls';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { assertAccountActive } from '@/lib/tenancy/find-sub-account';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { CONTENT_ENVELOPES, sendEnvelopeSchema, type SendTemplate } from '@/lib/messaging/send-schema';
import { approvedTemplateFor, checkTemplateParameters, renderForCustomer } from '@/lib/messaging/template-port';
import { enqueueOutbound, findByClientMessageId, type SendAccepted, type SendOrigin } from '@/lib/messaging/enqueue-outbound';

export type { SendAccepted, SendOrigin } from '@/lib/messaging/enqueue-outbound';
export { getMessageStatus } from '@/lib/messaging/get-message';

export type SendMessageRequest = {
  accountId: string;
  subAccountId: string;
  /** The 8x8 Chat Apps send payload: { user: { msisdn }, type, content, clientMessageId? }. */
  body: unknown;
  origin?: SendOrigin;
  /** The WhatsApp channel to send from (a channel page's test send); the subaccount's first one otherwise. */
  channelId?: string;
};

/**
 * Sends one WhatsApp message: validates synchronously (1002, 1005, 3038, 3040, 3041; 404 for another
 * tenant's subaccount), is idempotent on clientMessageId per subaccount, and queues the message for the
 * channel provider. The outcome arrives later as status changes (sent, delivered, read, undelivered).
 */
export async function sendMessage(db: Db, req: SendMessageRequest): Promise<SendAccepted> {
  // `"footer": null` and the like are unset optional fields (see withoutNulls), not errors.
  const envelope = parseWith(sendEnvelopeSchema, withoutNulls(req.body));
  const to = parseMsisdn(envelope.user.msisdn);
  const { content } = parseWith(CONTENT_ENVELOPES[envelope.type], { content: envelope.content });

  const sub = await findSubAccountCached(db, req.accountId, req.subAccountId);
  assertAccountActive(sub);
  const channel = sub.channels.find((c) => c.kind === 'whatsapp' && (req.channelId === undefined || c.id === req.channelId));
  if (!channel) {
    throw new ValidationError(`Subaccount '${sub.id}' has no WhatsApp channel to send from`, [{ path: 'subAccountId', message: 'No WhatsApp channel' }]);
  }

  let template: { name: string; language: string; category: string } | null = null;
  let rendered: unknown = null;
  if (envelope.type === 'template') {
    // A retry of an accepted send gets its first answer even if the template has changed since, so the
    // key is looked up before the template's checks. Other types have no check that could change:
    // insertOutbound's lookup, in the transaction that stores the message, answers a retry alike.
    const previous = await findByClientMessageId(db, sub.id, envelope.clientMessageId);
    if (previous) return previous;
    const send = content.template as SendTemplate;
    const approved = await approvedTemplateFor(db, sub.id, send);
    checkTemplateParameters(approved, send);
    rendered = renderForCustomer(approved, send);
    template = approved;
  }

  return enqueueOutbound(db, {
    accountId: req.accountId,
    subAccountId: sub.id,
    channelId: channel.id,
    channel: 'whatsapp',
    to,
    type: envelope.type,
    content,
    rendered,
    templateName: template?.name ?? null,
    templateLanguage: template?.language ?? null,
    category: template ? template.category.toLowerCase() : 'service',
    clientMessageId: envelope.clientMessageId ?? null,
    origin: req.origin,
  });
}
