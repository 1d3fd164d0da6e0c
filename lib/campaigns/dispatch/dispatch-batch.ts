import { sqlDate } from '@/lib/db/sql';
import type { Dialect, Step, Tx, WriteOptions } from '@/lib/db/tx';
import { AppError, RateLimitError } from '@/lib/errors';
import { insertOutbound } from '@/lib/messaging/enqueue-outbound';
import { readSendBatch, writeSendBatch } from '@/lib/messaging/send-batch';
import type { RecipientStatus } from '@/lib/campaigns/campaign-spec';
import { approvedTemplateRow } from '@/lib/campaigns/dispatch/approved-template-row';
import { markQueued, type QueuedRecipient } from '@/lib/campaigns/dispatch/mark-queued';
import { moveCounters } from '@/lib/campaigns/dispatch/recipient-counters';
import { recipientMessageKey } from '@/lib/campaigns/dispatch/recipient-key';
import { checkTemplateSend, storedMsisdn } from '@/lib/campaigns/dispatch/recipient-send';
import { buildRecipientMessage } from '@/lib/campaigns/preview-recipient';
import { recipientStateFor } from '@/lib/campaigns/dispatch/recipient-state';

type CampaignRow = {
  id: string;
  accountId: string;
  subAccountId: string;
  channelId: string;
  status: string;
  templateName: string;
  templateLanguage: string;
  slotKeys: string;
};
type DueRecipient = { row: number; msisdn: string; country: string | null; values: string | null; attempt: number };

export type BatchOutcome = {
  /** Recipients whose message was stored now. */
  queued: number;
  /** Recipients that failed the send's checks (their values no longer fit the template). */
  failed: number;
  /** Set when the campaign was paused (messaging limit reached, template no longer approved). */
  stopReason: string | null;
  /** Fewer recipients were due than asked for. */
  drained: boolean;
};

// On PostgreSQL a batch runs read committed (DISPATCH_BATCH), and the dispatchers of one campaign (one per
// worker process) run side by side: recipients are claimed with SKIP LOCKED, so each takes others, and a
// cancel's or retry's update of recipients either waits for a batch's or is seen by it. The campaign's
// row is not locked: every receipt of its messages moves that row's counters (at its commit,
// Tx.addAtEnd), and a batch holding it would hold them all up. Serializable would add nothing but
// failures: a long batch would lose to those receipts at commit, again and again.
export const DISPATCH_BATCH: WriteOptions = { isolation: 'read committed' };

/**
 * Hands up to `limit` of a running campaign's due recipients to the send pipeline, in the caller's
 * write transaction (one per batch): each recipient's message and outbox row (insertOutbound, keyed
 * campaign:<id>:<row>) and its move to queued commit together, so a crash loses or keeps the whole
 * batch and a recipient can never be sent twice. The due recipients are chosen inside the transaction:
 * a second dispatcher (another worker process) finds them queued already.
 */
export function* dispatchBatch(t: Tx, campaignId: string, limit: number, now: Date): Step<BatchOutcome> {
  const outcome: BatchOutcome = { queued: 0, failed: 0, stopReason: null, drained: true };
  const c = yield* t.one<CampaignRow>(
    'SELECT "id", "accountId", "subAccountId", "channelId", "status", "templateName", "templateLanguage", "slotKeys" FROM "Campaign" WHERE "id" = ?',
    campaignId,
  );
  if (c?.status !== 'running') return outcome;

  const recipients = yield* dueRecipients(t, campaignId, limit, now);
  outcome.drained = recipients.length < limit;
  if (!recipients.length) return outcome;

  const template = yield* approvedTemplateRow(t, { subAccountId: c.subAccountId, name: c.templateName, language: c.templateLanguage });
  if (!template) {
    outcome.stopReason = `Template '${c.templateName}' (${c.templateLanguage}) is no longer approved: the rest of the campaign is left pending until it is approved again`;
    yield* pauseWithReason(t, campaignId, outcome.stopReason, now);
    return outcome;
  }
  const campaign = { slotKeys: c.slotKeys, template };
  const at = sqlDate(now);
  const keyOf = (r: DueRecipient) => recipientMessageKey(campaignId, r.row, r.attempt);
  // What each recipient's send reads, read for the whole batch: a statement per batch, not per recipient.
  const batch = yield* readSendBatch(t, {
    accountId: c.accountId,
    subAccountId: c.subAccountId,
    msisdns: recipients.map((r) => r.msisdn),
    clientMessageIds: recipients.map(keyOf),
  });

  // Stored now: moved to queued together once the batch's rows are written.
  const queued: QueuedRecipient[] = [];
  for (const r of recipients) {
    let send: ReturnType<typeof checkTemplateSend>;
    try {
      // The payload the preview shows for this row (preview-recipient.ts), checked as the API's send checks it.
      send = checkTemplateSend(template, buildRecipientMessage(campaign, r).content);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // The template changed since import (a new version with other variables): this row cannot be sent as it is.
      yield* t.run(
        `UPDATE "CampaignRecipient" SET "status" = 'failed', "errorCode" = ?, "errorMessage" = ?, "updatedAt" = ? WHERE "campaignId" = ? AND "row" = ?`,
        err.code,
        err.message,
        at,
        campaignId,
        r.row,
      );
      yield* moveCounters(t, campaignId, 'pending', 'failed', 1, now);
      outcome.failed++;
      continue;
    }
    let stored: { accepted: { umid: string }; queued: boolean };
    try {
      stored = yield* insertOutbound(
        t,
        {
          accountId: c.accountId,
          subAccountId: c.subAccountId,
          channelId: c.channelId,
          channel: 'whatsapp',
          to: storedMsisdn(r.msisdn, r.country),
          type: 'template',
          content: send.content,
          rendered: send.rendered,
          templateName: template.name,
          templateLanguage: template.language,
          category: send.category,
          clientMessageId: keyOf(r),
          origin: { campaignId },
        },
        now,
        batch,
      );
    } catch (err) {
      if (!(err instanceof RateLimitError)) throw err;
      // The messaging-limit tier is used up: the rest stays pending, and resume (or retry) picks it up later.
      outcome.stopReason = err.message;
      yield* pauseWithReason(t, campaignId, err.message, now);
      break;
    }
    if (stored.queued) {
      queued.push({ row: r.row, umid: stored.accepted.umid });
    } else {
      // This key's message exists already (only if a recipient was put back to pending by hand): follow it, send nothing.
      yield* followExistingMessage(t, campaignId, r.row, stored.accepted.umid, now);
    }
  }
  yield* writeSendBatch(t, batch);
  yield* markQueued(t, campaignId, queued, at);
  outcome.queued = queued.length;
  yield* moveCounters(t, campaignId, 'pending', 'queued', outcome.queued, now);
  return outcome;
}

/**
 * Due pending recipients: those with no time of their own first, in row order (the CSV's order), then
 * those whose local time has come, earliest first. Each is one range of CampaignRecipient_due_idx.
 */
// On PostgreSQL several workers may dispatch one campaign at once: each takes the due rows no other
// transaction holds (SKIP LOCKED), so a recipient is handed over by one of them only. SQLite has one
// writer at a time and no row locks.
const CLAIM: Record<Dialect, string> = { sqlite: '', postgres: ' FOR UPDATE SKIP LOCKED' };

function* dueRecipients(t: Tx, campaignId: string, limit: number, now: Date): Step<DueRecipient[]> {
  const cols = '"row", "msisdn", "country", "values", "attempt"';
  const claim = CLAIM[t.dialect];
  const list = yield* t.all<DueRecipient>(
    `SELECT ${cols} FROM "CampaignRecipient" WHERE "campaignId" = ? AND "status" = 'pending' AND "dueAt" IS NULL ORDER BY "row" LIMIT ?${claim}`,
    campaignId,
    limit,
  );
  if (list.length < limit) {
    list.push(
      ...(yield* t.all<DueRecipient>(
        `SELECT ${cols} FROM "CampaignRecipient" WHERE "campaignId" = ? AND "status" = 'pending' AND "dueAt" <= ? ORDER BY "dueAt", "row" LIMIT ?${claim}`,
        campaignId,
        sqlDate(now),
        limit - list.length,
      )),
    );
  }
  return list;
}

function* followExistingMessage(t: Tx, campaignId: string, row: number, umid: string, now: Date): Step<void> {
  const m = yield* t.one<{ status: string; errorCode: number | null; errorMessage: string | null }>(
    'SELECT "status", "errorCode", "errorMessage" FROM "Message" WHERE "id" = ?',
    umid,
  );
  const to: RecipientStatus = m ? recipientStateFor(m.status, m.errorCode) : 'queued';
  yield* t.run(
    `UPDATE "CampaignRecipient" SET "status" = ?, "umid" = ?, "errorCode" = ?, "errorMessage" = ?, "updatedAt" = ? WHERE "campaignId" = ? AND "row" = ?`,
    to,
    umid,
    m?.errorCode ?? null,
    m?.errorMessage ?? null,
    sqlDate(now),
    campaignId,
    row,
  );
  yield* moveCounters(t, campaignId, 'pending', to, 1, now);
}

export function* pauseWithReason(t: Tx, campaignId: string, reason: string, now: Date): Step<void> {
  yield* t.run(
    `UPDATE "Campaign" SET "status" = 'paused', "stopReason" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'running'`,
    reason,
    sqlDate(now),
    campaignId,
  );
}
