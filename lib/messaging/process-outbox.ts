import type { Db } from '@/lib/db/client';
import { all, one, readDate, readJson, readNow, run, sqlDate, writeTransaction, type Sqlite } from '@/lib/db/sql';
import { providerFor } from '@/lib/channels/get-provider';
import type { OutboundForProvider, ProviderReceipt } from '@/lib/channels/provider';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { WINDOW_EXPIRED } from '@/lib/messaging/codes';
import { insertJob } from '@/lib/messaging/message-rows';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { isCswOpen, readWindow } from '@/lib/messaging/windows';

const DEFAULT_RATE_PER_SECOND = 80;
const IDLE_MS = 1000;
// A send handed to its provider stays leased this long: if the process dies before the outcome is
// stored, another pass hands it over again (providers take the umid as their idempotency key).
const LEASE_MS = 30_000;
const MAX_ATTEMPTS = 8;
// Rows per pass: one pass is one synchronous transaction, so a small batch keeps the API's requests
// from waiting behind a long one (the background loop comes straight back while there is more).
const BATCH = 100;

export type OutboxOptions = { now?: () => Date; limit?: number; buckets?: TokenBuckets };

const sharedBuckets = new TokenBuckets();

type DueJob = {
  id: number;
  messageId: string;
  kind: string;
  payload: string | null;
  attempts: number;
  status: string | null;
  channel: string | null;
  channelId: string | null;
  subAccountId: string | null;
  msisdn: string | null;
  type: string | null;
  content: string | null;
  provider: string | null;
  rateLimitPerSecond: number | null;
};

type Handoff = { jobId: number; leasedUntil: string; attempts: number; provider: string | null; message: OutboundForProvider };

/**
 * One pass of the send outbox: applies due receipts, and hands due sends to their channel provider
 * (at most the channel's rate per second). Due rows are claimed in one write transaction (receipts
 * applied and deleted, sends leased), providers are called outside it, and their answers stored in a
 * second one, so a crash or a second worker never applies a row twice. Returns ms until the next row.
 */
export async function processOutbox(db: Db, opts: OutboxOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const buckets = opts.buckets ?? sharedBuckets;
  const at = now();
  const handoffs = await writeTransaction(db, (conn) => claimDue(conn, at, opts.limit ?? BATCH, buckets));
  if (handoffs.length) {
    const answers = await Promise.all(
      handoffs.map((h) =>
        providerFor(h.provider)
          .send(h.message)
          .then(
            (receipts) => ({ receipts }),
            (error: unknown) => ({ error }),
          ),
      ),
    );
    await writeTransaction(db, (conn) => handoffs.forEach((h, i) => recordAnswer(conn, h, answers[i]!, now())));
  }
  return readNow(db, (conn) => {
    const next = one<{ dueAt: string | null }>(conn, 'SELECT MIN("dueAt") AS "dueAt" FROM "MessageJob"')?.dueAt;
    if (!next) return IDLE_MS;
    return Math.max(0, Math.min(IDLE_MS, readDate(next).getTime() - now().getTime()));
  });
}

function claimDue(conn: Sqlite, at: Date, limit: number, buckets: TokenBuckets): Handoff[] {
  const jobs = all<DueJob>(
    conn,
    `SELECT j."id", j."messageId", j."kind", j."payload", j."attempts", m."status", m."channel", m."channelId", m."subAccountId", m."msisdn", m."type", m."content",
            c."provider", c."rateLimitPerSecond"
     FROM "MessageJob" j LEFT JOIN "Message" m ON m."id" = j."messageId" LEFT JOIN "Channel" c ON c."id" = m."channelId"
     WHERE j."dueAt" <= ? ORDER BY j."dueAt" LIMIT ?`,
    sqlDate(at),
    limit,
  );
  const handoffs: Handoff[] = [];
  for (const job of jobs) {
    if (job.kind !== 'send') {
      deleteJob(conn, job.id);
      applyStatus(conn, job.messageId, readJson<StatusUpdate>(job.payload)!, at);
      continue;
    }
    if (job.status !== 'queued') {
      deleteJob(conn, job.id); // already decided (or the message is gone)
      continue;
    }
    const bucket = job.channelId ?? `${job.subAccountId}:${job.channel}`;
    const rate = job.rateLimitPerSecond ?? DEFAULT_RATE_PER_SECOND;
    const wait = buckets.take(bucket, rate);
    if (wait > 0) {
      run(conn, 'UPDATE "MessageJob" SET "dueAt" = ? WHERE "id" = ?', sqlDate(new Date(at.getTime() + buckets.reserve(bucket, rate, wait))), job.id);
      continue;
    }
    // Freeform WhatsApp messages need an open customer service window when they leave.
    if (job.channel === 'whatsapp' && job.type !== 'template' && !isCswOpen(readWindow(conn, job.subAccountId!, job.msisdn!), at)) {
      deleteJob(conn, job.id);
      applyStatus(
        conn,
        job.messageId,
        { state: 'undelivered', detail: 'rejected_by_operator', errorCode: WINDOW_EXPIRED.code, errorMessage: WINDOW_EXPIRED.message },
        at,
      );
      continue;
    }
    const leasedUntil = sqlDate(new Date(at.getTime() + LEASE_MS));
    run(conn, 'UPDATE "MessageJob" SET "dueAt" = ?, "attempts" = "attempts" + 1 WHERE "id" = ?', leasedUntil, job.id);
    handoffs.push({
      jobId: job.id,
      leasedUntil,
      attempts: job.attempts + 1,
      provider: job.provider,
      message: { umid: job.messageId, channel: job.channel!, msisdn: job.msisdn!, type: job.type!, content: readJson(job.content) },
    });
  }
  return handoffs;
}

function deleteJob(conn: Sqlite, id: number): void {
  run(conn, 'DELETE FROM "MessageJob" WHERE "id" = ?', id);
}

function recordAnswer(conn: Sqlite, h: Handoff, answer: { receipts: ProviderReceipt[] } | { error: unknown }, at: Date): void {
  // Still ours? (Only a pass that outlived its lease could find the row gone or re-leased.)
  if (!one(conn, 'SELECT 1 FROM "MessageJob" WHERE "id" = ? AND "dueAt" = ?', h.jobId, h.leasedUntil)) return;
  if ('error' in answer) {
    if (h.attempts < MAX_ATTEMPTS) {
      const backoff = Math.min(300_000, 1000 * 2 ** h.attempts);
      run(conn, 'UPDATE "MessageJob" SET "dueAt" = ? WHERE "id" = ?', sqlDate(new Date(at.getTime() + backoff)), h.jobId);
      return;
    }
    deleteJob(conn, h.jobId);
    const reason = answer.error instanceof Error ? answer.error.message : String(answer.error);
    applyStatus(conn, h.message.umid, { state: 'rejected', detail: 'provider_error', errorMessage: `The channel provider refused the message: ${reason}` }, at);
    return;
  }
  deleteJob(conn, h.jobId);
  for (const r of answer.receipts) {
    const update: StatusUpdate = { state: r.state, detail: r.detail, errorCode: r.errorCode, errorMessage: r.errorMessage };
    if (r.afterMs <= 0) applyStatus(conn, h.message.umid, update, at);
    else insertJob(conn, { messageId: h.message.umid, kind: 'status', payload: update, dueAt: new Date(at.getTime() + r.afterMs) });
  }
}
