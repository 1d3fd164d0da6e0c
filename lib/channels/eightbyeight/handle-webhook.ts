import type { Db } from '@/lib/db/client';
import { errorResponse, toErrorResponse } from '@/lib/api/error-response';
import { jsonResponse } from '@/lib/api/json-response';
import { readJsonBody } from '@/lib/api/read-json-body';
import { decryptJson } from '@/lib/crypto/secret-box';
import { AppError, type Issue, issuesFromZod } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { applyCarrierStatus, eventTime } from '@/lib/channels/eightbyeight/apply-carrier-status';
import { applyTemplateStatus } from '@/lib/channels/eightbyeight/apply-template-status';
import { webhookSecretMatches } from '@/lib/channels/eightbyeight/authenticate-webhook';
import { readEightByEightCredentials } from '@/lib/channels/eightbyeight/credentials';
import {
  type InboundEvent,
  inboundEventSchema,
  LOGGED_EVENT_TYPES,
  statusEventSchema,
  templateStatusEventSchema,
} from '@/lib/channels/eightbyeight/webhook-schemas';
import type { z } from 'zod';

type Channel = { id: string; kind: string; provider: string; credentials: string | null; subAccountId: string; subAccount: { accountId: string } };

const UNAUTHORIZED = 1200;
// An unreadable body is logged as text, up to this much (a body can be megabytes).
const LOGGED_BODY_CHARS = 20_000;
const INVALID = 1005;

function parse<T extends z.ZodType>(schema: T, body: unknown): { ok: true; data: z.infer<T> } | { ok: false; issues: Issue[] } {
  const r = schema.safeParse(body);
  return r.success ? { ok: true, data: r.data } : { ok: false, issues: issuesFromZod(r.error) };
}

/** A refused body: answered 400 in the 8x8 shape and logged with the body, so nothing is dropped unseen. */
function refuse(channelId: string, body: unknown, message: string, issues: Issue[] = []): Response {
  logger.warn({ component: '8x8-webhook', channelId, body, issues }, `8x8 webhook refused: ${message}`);
  return errorResponse(400, INVALID, message, issues);
}

function secretOf(channel: Channel): string | null {
  if (!channel.credentials) return null;
  try {
    return readEightByEightCredentials(decryptJson(channel.credentials))?.webhookSecret ?? null;
  } catch (err) {
    logger.error({ component: '8x8-webhook', err, channelId: channel.id }, "the channel's 8x8 credentials cannot be read");
    return null;
  }
}

async function receive(db: Db, channel: Channel, event: InboundEvent): Promise<Response> {
  const p = event.payload;
  const kind = event.namespace === 'sms' ? 'sms' : 'whatsapp';
  if (kind !== channel.kind)
    return refuse(channel.id, event, `This is a ${channel.kind} channel: it does not take ${event.namespace === 'sms' ? 'SMS' : 'Chat Apps'} messages`);
  const content = { ...(p.content ?? {}), ...(typeof p.text === 'string' && !p.content ? { text: p.text } : {}) };
  const result = await receiveInbound(db, {
    accountId: channel.subAccount.accountId,
    subAccountId: channel.subAccountId,
    channelId: channel.id,
    carrierId: p.umid,
    channel: kind,
    msisdn: p.user?.msisdn ?? p.source ?? '',
    type: (p.type ?? 'text').toLowerCase(),
    content,
    timestamp: eventTime(p.timestamp ?? p.receivedAt),
    referral: p.referral ?? null,
  });
  return jsonResponse({ umid: result.umid, duplicate: !!result.duplicate });
}

/**
 * POST /api/providers/8x8/{channelId}/webhooks: 8x8's calls for one channel. Authenticated by the
 * channel's webhook secret; inbound messages and delivery receipts go through the same pipeline as
 * the sandbox's (windows, workflows, Converse, the customer's webhooks, rollups); redelivered events
 * are answered 200 and change nothing; a body it cannot read is answered 400 and logged.
 */
export async function handleEightByEightWebhook(db: Db, channelId: string, req: Request): Promise<Response> {
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, kind: true, provider: true, credentials: true, subAccountId: true, subAccount: { select: { accountId: true } } },
  });
  // A sandbox channel has no 8x8 side: to 8x8 it does not exist.
  if (channel?.provider !== '8x8') return errorResponse(404, INVALID, `No 8x8 channel '${channelId}'`);
  const secret = secretOf(channel);
  if (!secret || !webhookSecretMatches(req.headers.get('authorization'), secret)) {
    logger.warn({ component: '8x8-webhook', channelId }, '8x8 webhook with a missing or wrong secret');
    return errorResponse(401, UNAUTHORIZED, "Unauthorized: the Authorization header does not carry this channel's webhook secret");
  }

  let body: unknown;
  const copy = req.clone();
  try {
    body = (await readJsonBody(req)) ?? null;
  } catch (err) {
    if (err instanceof AppError) {
      const raw = (await copy.text().catch(() => '')).slice(0, LOGGED_BODY_CHARS);
      logger.warn({ component: '8x8-webhook', channelId, body: raw, reason: err.message }, '8x8 webhook refused: unreadable body');
      return errorResponse(err.status, err.code, err.message);
    }
    throw err;
  }
  try {
    return await dispatchEvent(db, channel, body);
  } catch (err) {
    // Read but refused further on (a sender that is no phone number, say): still answered and logged.
    if (err instanceof AppError && err.status < 500) {
      logger.warn({ component: '8x8-webhook', channelId, body, reason: err.message }, `8x8 webhook refused: ${err.message}`);
      return toErrorResponse(err);
    }
    throw err;
  }
}

async function dispatchEvent(db: Db, channel: Channel, body: unknown): Promise<Response> {
  const channelId = channel.id;
  const eventType = body && typeof body === 'object' ? (body as { eventType?: unknown }).eventType : undefined;

  if (eventType === 'inbound_message_received') {
    const r = parse(inboundEventSchema, body);
    if (!r.ok) return refuse(channelId, body, 'Invalid parameter(s): not an inbound_message_received event Parley can read', r.issues);
    return receive(db, channel, r.data);
  }
  if (eventType === 'outbound_message_status_changed') {
    const r = parse(statusEventSchema, body);
    if (!r.ok) return refuse(channelId, body, 'Invalid parameter(s): not an outbound_message_status_changed event Parley can read', r.issues);
    const { outcome, messageId } = await applyCarrierStatus(db, channel.id, r.data);
    if (outcome === 'unknown' || outcome === 'foreign') {
      // Another channel's message is answered as an unknown one: the caller learns nothing about it.
      logger.warn({ component: '8x8-webhook', channelId, body, outcome }, '8x8 webhook: a status for a message this channel did not send');
      return errorResponse(404, INVALID, `No message sent on channel '${channelId}' has umid '${r.data.payload.umid}'`);
    }
    return jsonResponse({ umid: messageId, applied: outcome === 'applied' });
  }
  if (eventType === 'template_status_update') {
    const r = parse(templateStatusEventSchema, body);
    if (!r.ok) return refuse(channelId, body, 'Invalid parameter(s): not a template_status_update event Parley can read', r.issues);
    if (channel.kind !== 'whatsapp') return refuse(channelId, body, 'Templates belong to WhatsApp channels');
    const { outcome, templateId } = await applyTemplateStatus(db, channel.id, r.data);
    if (outcome === 'unknown') {
      const d = r.data.eventDetails;
      logger.warn({ component: '8x8-webhook', channelId, body }, '8x8 webhook: a status for a template this channel does not have');
      return errorResponse(404, INVALID, `No template '${d.templateName}' (${d.templateLanguage}) on channel '${channelId}'`);
    }
    return jsonResponse({ templateId, applied: outcome === 'applied' });
  }
  if (typeof eventType === 'string' && LOGGED_EVENT_TYPES.has(eventType)) {
    logger.info({ component: '8x8-webhook', channelId, body }, `8x8 webhook: ${eventType} taken and logged`);
    return jsonResponse({ logged: true });
  }
  return refuse(channelId, body, typeof eventType === 'string' ? `Unknown eventType '${eventType}'` : 'Invalid parameter(s): eventType is required', [
    { path: 'eventType', message: 'Expected inbound_message_received, outbound_message_status_changed or template_status_update' },
  ]);
}
