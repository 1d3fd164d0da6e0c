import type { Db } from '@/lib/db/client';
import { locking } from '@/lib/db/tx-locks';
import { readDate, readJson, sqlDate } from '@/lib/db/sql';
import { LOCKING, type Dialect, read, type Step, type Tx, write } from '@/lib/db/tx';
import { providerFor } from '@/lib/channels/get-provider';
import { toChannelForProvider } from '@/lib/channels/channel-for-provider';
import { type OutboundForProvider, type ProviderAnswer, PermanentProviderError, RetryableProviderError } from '@/lib/channels/provider';
import { logger } from '@/lib/log/logger';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { WINDOW_EXPIRED } from '@/lib/messaging/codes';
import { insertJob } from '@/lib/messaging/message-rows';
import { drawShared } from '@/lib/messaging/shared-rate';
import type { TokenBuckets } from '@/lib/messaging/token-bucket';
import { isCswOpen, readWindow } from '@/lib/messaging/windows';

const DEFAULT_RATE_PER_SECOND = 80;
const IDLE_MS = 1000;
// A send handed to its provider stays leased this long: if the process dies before the outcome is
// stored, another pass hands it over again (providers take the umid as their idempotency key). Longer
// than a provider call may take, so a slow answer is still ours when it arrives.
const LEASE_MS = 30_000;
export const PROVIDER_TIMEOUT_MS = 10_000;
// A pass waits this long for its providers' answers: those that came (the sandbox's, at once) are
// stored by the pass; a slower carrier's answer is stored on its own when it arrives, and the next
// pass hands other channels' sends over meanwhile.
const ANSWER_WAIT_MS = 50;
const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 300_000;
// Rows per pass: one pass is one synchronous transaction, so a small batch keeps the API's requests
// from waiting behind a long one (the background loop comes straight back while there is more).
const BATCH = 100;

// buckets: a test's own, in memory, with its clock; otherwise each channel's shared RateBucket.
export type OutboxOptions = { now?: () => Date; limit?: number; buckets?: TokenBuckets; providerTimeoutMs?: number };

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
  accountId: string | null;
  channelKind: string | null;
  address: string | null;
  credentials: string | null;
  region: string | null;
};

type Handoff = {
  jobId: number;
  leasedUntil: string;
  attempts: number;
  provider: string | null;
  message: OutboundForProvider;
  channel: Parameters<typeof toChannelForProvider>[0] | null;
};
type Answer = ProviderAnswer | { error: unknown };

// Calls still waiting for their provider, across passes: settleOutbox waits for them.
const inFlight = new Set<Promise<void>>();

/** Waits until every provider call already made has been answered and its answer stored (tests, shutdown). */
export async function settleOutbox(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

/**
 * One pass of the send outbox: applies due receipts, and hands due sends to their channel provider
 * (at most the channel's rate per second). Due rows are claimed in one write transaction (receipts
 * applied and deleted, sends leased), providers are called outside it, and their answers stored in a
 * second one, so a crash or a second worker never applies a row twice. Returns ms until the next row.
 */
export async function processOutbox(db: Db, opts: OutboxOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const gate = opts.buckets ? memoryGate(opts.buckets) : sharedGate;
  const at = now();
  const handoffs = await write(db, (t) => claimDue(t, at, opts.limit ?? BATCH, gate), LOCKING);
  if (handoffs.length) {
    const timeoutMs = opts.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
    const answers: (Answer | undefined)[] = new Array(handoffs.length);
    const calls = handoffs.map((h, i) =>
      handOver(h, timeoutMs).then((answer) => {
        answers[i] = answer;
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(calls), new Promise((resolve) => (timer = setTimeout(resolve, ANSWER_WAIT_MS)))]);
    clearTimeout(timer);
    // A slower carrier's answers are stored as each arrives, while later passes go on.
    const record = answerRecorder(db, now);
    handoffs.forEach((h, i) => {
      if (answers[i]) return;
      const late = calls[i]!.then(() => record(h, answers[i]!));
      inFlight.add(late);
      void late.finally(() => inFlight.delete(late));
    });
    // Those that came within the pass (every sandbox answer: it needs no I/O) are stored before it
    // returns, so a pass's sends are decided when it ends, however slow the database is right now.
    const ready = handoffs.flatMap((h, i) => (answers[i] ? [{ h, answer: answers[i] }] : []));
    if (ready.length) await storeAnswers(db, ready, now);
  }
  return read(db, function* (t) {
    const next = (yield* t.one<{ dueAt: string | null }>('SELECT MIN("dueAt") AS "dueAt" FROM "MessageJob"'))?.dueAt;
    if (!next) return IDLE_MS;
    return Math.max(0, Math.min(IDLE_MS, readDate(next).getTime() - now().getTime()));
  });
}

async function handOver(h: Handoff, timeoutMs: number): Promise<Answer> {
  try {
    const channel = h.channel ? toChannelForProvider(h.channel) : null;
    return await providerFor(h.provider).send(h.message, channel, AbortSignal.timeout(timeoutMs));
  } catch (error) {
    return { error };
  }
}

/** Stores provider answers in one write transaction. */
async function storeAnswers(db: Db, batch: { h: Handoff; answer: Answer }[], now: () => Date): Promise<void> {
  try {
    await write(
      db,
      function* (t) {
        const at = now();
        for (const { h, answer } of batch) yield* recordAnswer(t, h, answer, at);
      },
      LOCKING,
    );
  } catch (err) {
    // The leases run out and the sends are handed over again: nothing is lost.
    logger.error({ err, jobs: batch.map((b) => b.h.jobId) }, 'storing provider answers failed; the sends will be retried');
  }
}

/**
 * Stores late answers as they arrive: those that arrive together share one write transaction; one
 * arriving while that commits waits for the next.
 */
function answerRecorder(db: Db, now: () => Date): (h: Handoff, answer: Answer) => Promise<void> {
  let queue: { h: Handoff; answer: Answer }[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    await Promise.resolve(); // let answers settling in this tick join
    const batch = queue;
    queue = [];
    await storeAnswers(db, batch, now);
  };
  return (h, answer) => {
    queue.push({ h, answer });
    const previous = flushing ?? Promise.resolve();
    const next = previous.then(() => (queue.length ? flush() : undefined));
    flushing = next;
    return next;
  };
}

const DUE_JOBS = `SELECT j."id", j."messageId", j."kind", j."payload", j."attempts", m."status", m."channel", m."channelId", m."subAccountId", m."msisdn", m."type", m."content",
            m."accountId", c."provider", c."rateLimitPerSecond", c."kind" AS "channelKind", c."address", c."credentials", a."region"
     FROM "MessageJob" j LEFT JOIN "Message" m ON m."id" = j."messageId" LEFT JOIN "Channel" c ON c."id" = m."channelId"
       LEFT JOIN "Account" a ON a."id" = m."accountId"
     WHERE j."dueAt" <= ? ORDER BY j."dueAt" LIMIT ?`;

// SQLite's write transaction is the only one: nothing else can claim meanwhile. PostgreSQL's workers
// each lock the rows they claim and pass over those another worker holds.
const CLAIM_DUE: Record<Dialect, string> = { sqlite: DUE_JOBS, postgres: `${DUE_JOBS} FOR UPDATE OF j SKIP LOCKED` };

// How a pass draws a channel's tokens for its sends: from the shared RateBucket row (every process
// together keeps to the channel's rate), or from buckets a test passes with a clock of its own.
type Gate = (t: Tx, key: string, ratePerSecond: number, want: number, at: Date) => Step<{ granted: number; slotsMs: number[] }>;

function* sharedGate(t: Tx, key: string, ratePerSecond: number, want: number, at: Date): Step<{ granted: number; slotsMs: number[] }> {
  return yield* drawShared(t, { key: `channel:${key}`, ratePerSecond, capacity: ratePerSecond, want, now: at.getTime(), reserve: true });
}

function memoryGate(buckets: TokenBuckets): Gate {
  // biome-ignore lint/correctness/useYield: a Gate is a step; this one needs no statement
  return function* (_t, key, rate, want) {
    return buckets.drawWithSlots(key, rate, want);
  };
}

function* claimDue(t: Tx, at: Date, limit: number, gate: Gate): Step<Handoff[]> {
  const jobs = yield* t.all<DueJob>(CLAIM_DUE[t.dialect], sqlDate(at), limit);
  const sends = new Map<string, { job: DueJob; handoff: Handoff }[]>();
  for (const job of jobs) {
    if (job.kind !== 'send') {
      // Another worker applying this message's previous receipt (its delivered and read may fall due
      // together) holds it to the end of its batch: leave this one to the next pass rather than wait.
      if (!(yield* messageFree(t, job.messageId))) continue;
      yield* deleteJob(t, job.id);
      yield* applyStatus(t, job.messageId, readJson<StatusUpdate>(job.payload)!, at);
      continue;
    }
    if (job.status !== 'queued') {
      yield* deleteJob(t, job.id); // already decided (or the message is gone)
      continue;
    }
    // Freeform WhatsApp messages need an open customer service window when they leave.
    if (job.channel === 'whatsapp' && job.type !== 'template' && !isCswOpen(yield* readWindow(t, job.subAccountId!, job.msisdn!), at)) {
      yield* deleteJob(t, job.id);
      yield* applyStatus(
        t,
        job.messageId,
        { state: 'undelivered', detail: 'rejected_by_operator', errorCode: WINDOW_EXPIRED.code, errorMessage: WINDOW_EXPIRED.message },
        at,
      );
      continue;
    }
    const leasedUntil = sqlDate(new Date(at.getTime() + LEASE_MS));
    yield* t.run('UPDATE "MessageJob" SET "dueAt" = ?, "attempts" = "attempts" + 1 WHERE "id" = ?', leasedUntil, job.id);
    const key = job.channelId ?? `${job.subAccountId}:${job.channel}`;
    const leased = { job, handoff: handoffOf(job, leasedUntil) };
    const group = sends.get(key);
    if (group) group.push(leased);
    else sends.set(key, [leased]);
  }
  // The channels' tokens are drawn last, since a shared bucket stays locked from its draw to the commit,
  // and in key order, so two passes drawing from the same buckets cannot deadlock. A send without a
  // token gives its lease back and waits for a send slot of its own.
  const handoffs: Handoff[] = [];
  for (const key of [...sends.keys()].sort()) {
    const group = sends.get(key)!;
    const rate = group[0]!.job.rateLimitPerSecond ?? DEFAULT_RATE_PER_SECOND;
    const { granted, slotsMs } = yield* gate(t, key, rate, group.length, at);
    for (const { handoff } of group.slice(0, granted)) handoffs.push(handoff);
    if (granted < group.length)
      yield* waitForSlots(
        t,
        group.slice(granted).map(({ job }, i) => ({ id: job.id, dueAt: sqlDate(new Date(at.getTime() + slotsMs[i]!)) })),
      );
  }
  return handoffs;
}

// On PostgreSQL in one statement: the bucket is held meanwhile, and a backlog meeting its rate may
// send a whole batch back.
const WAIT_FOR_SLOTS = `UPDATE "MessageJob" j SET "dueAt" = v."dueAt"::timestamp(3), "attempts" = j."attempts" - 1
  FROM unnest(?::int[], ?::text[]) AS v("id", "dueAt") WHERE j."id" = v."id"`;

/** Gives leased sends back, each due at its send slot. */
function* waitForSlots(t: Tx, jobs: { id: number; dueAt: string }[]): Step<void> {
  if (t.dialect === 'postgres')
    yield* t.run(
      WAIT_FOR_SLOTS,
      jobs.map((j) => j.id),
      jobs.map((j) => j.dueAt),
    );
  else for (const j of jobs) yield* t.run('UPDATE "MessageJob" SET "dueAt" = ?, "attempts" = "attempts" - 1 WHERE "id" = ?', j.dueAt, j.id);
}

function handoffOf(job: DueJob, leasedUntil: string): Handoff {
  return {
    jobId: job.id,
    leasedUntil,
    attempts: job.attempts + 1,
    provider: job.provider,
    message: { umid: job.messageId, channel: job.channel!, msisdn: job.msisdn!, type: job.type!, content: readJson(job.content) },
    // Decrypted outside this transaction, by the call.
    channel:
      job.channelId && job.channelKind
        ? {
            id: job.channelId,
            accountId: job.accountId!,
            kind: job.channelKind,
            address: job.address ?? '',
            provider: job.provider ?? 'sandbox',
            region: job.region ?? 'apac',
            credentials: job.credentials,
          }
        : null,
  };
}

/** Whether no other transaction holds the message's row lock (applyStatus takes it); always on SQLite. A message gone is free. */
function* messageFree(t: Tx, messageId: string): Step<boolean> {
  if (t.dialect !== 'postgres') return true;
  if (yield* t.one('SELECT 1 AS "x" FROM "Message" WHERE "id" = ? FOR NO KEY UPDATE SKIP LOCKED', messageId)) return true;
  return !(yield* t.one('SELECT 1 AS "x" FROM "Message" WHERE "id" = ?', messageId));
}

function* deleteJob(t: Tx, id: number): Step<void> {
  yield* t.run('DELETE FROM "MessageJob" WHERE "id" = ?', id);
}

/** How long a send that could not be handed over waits: the carrier's Retry-After, else doubling with jitter. */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(MAX_BACKOFF_MS, retryAfterMs);
  const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
  // Half fixed, half random: sends refused together (a carrier's outage) do not come back together.
  return Math.round(base / 2 + random() * (base / 2));
}

const STILL_OURS = locking('SELECT 1 AS "x" FROM "MessageJob" WHERE "id" = ? AND "dueAt" = ?');

function* recordAnswer(t: Tx, h: Handoff, answer: Answer, at: Date): Step<void> {
  // Still ours? (Only a pass that outlived its lease could find the row gone or re-leased.)
  if (!(yield* t.one(STILL_OURS[t.dialect], h.jobId, h.leasedUntil))) return;
  if ('error' in answer) {
    const { error } = answer;
    if (error instanceof PermanentProviderError) {
      yield* deleteJob(t, h.jobId);
      yield* applyStatus(t, h.message.umid, { state: error.state, detail: error.detail, errorCode: error.errorCode ?? null, errorMessage: error.message }, at);
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (h.attempts < MAX_ATTEMPTS) {
      const wait = retryDelayMs(h.attempts, error instanceof RetryableProviderError ? error.retryAfterMs : undefined);
      yield* t.run('UPDATE "MessageJob" SET "dueAt" = ? WHERE "id" = ?', sqlDate(new Date(at.getTime() + wait)), h.jobId);
      return;
    }
    yield* deleteJob(t, h.jobId);
    yield* applyStatus(
      t,
      h.message.umid,
      { state: 'rejected', detail: 'provider_error', errorMessage: `The channel provider did not take the message after ${h.attempts} attempts: ${reason}` },
      at,
    );
    return;
  }
  yield* deleteJob(t, h.jobId);
  if (answer.carrierId && h.channel) {
    yield* t.run(
      'INSERT INTO "CarrierMessage" ("channelId", "carrierId", "messageId", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("channelId", "carrierId") DO NOTHING',
      h.channel.id,
      answer.carrierId,
      h.message.umid,
      sqlDate(at),
    );
  }
  for (const r of answer.receipts) {
    const update: StatusUpdate = { state: r.state, detail: r.detail, errorCode: r.errorCode, errorMessage: r.errorMessage };
    if (r.afterMs <= 0) yield* applyStatus(t, h.message.umid, update, at);
    else yield* insertJob(t, { messageId: h.message.umid, kind: 'status', payload: update, dueAt: new Date(at.getTime() + r.afterMs) });
  }
}
