import type { Db } from '@/lib/db/client';
import type { MessageJob } from '@/lib/db/generated/client';
import { providerFor } from '@/lib/channels/get-provider';
import { applyStatus, type StatusUpdate } from '@/lib/messaging/apply-status';
import { WINDOW_EXPIRED } from '@/lib/messaging/codes';
import { TokenBuckets } from '@/lib/messaging/token-bucket';
import { isCswOpen, readWindow } from '@/lib/messaging/windows';

const DEFAULT_RATE_PER_SECOND = 80;
const IDLE_MS = 1000;

export type OutboxOptions = { now?: () => Date; limit?: number; buckets?: TokenBuckets };

const sharedBuckets = new TokenBuckets();

/**
 * One pass of the send outbox: hands due "send" rows to the channel provider (at most the channel's
 * rate per second) and applies due receipts. Each row is claimed by deleting it inside the transaction
 * that does its work, so a crash or a second worker never runs it twice. Returns ms until the next row.
 */
export async function processOutbox(db: Db, opts: OutboxOptions = {}): Promise<number> {
  const now = opts.now ?? (() => new Date());
  const buckets = opts.buckets ?? sharedBuckets;
  const jobs = await db.messageJob.findMany({ where: { dueAt: { lte: now() } }, orderBy: { dueAt: 'asc' }, take: opts.limit ?? 200 });
  for (const job of jobs) {
    if (job.kind === 'send') await handOff(db, job, now(), buckets);
    else await applyReceipt(db, job, now());
  }
  const next = await db.messageJob.findFirst({ orderBy: { dueAt: 'asc' }, select: { dueAt: true } });
  if (!next) return IDLE_MS;
  return Math.max(0, Math.min(IDLE_MS, next.dueAt.getTime() - now().getTime()));
}

async function handOff(db: Db, job: MessageJob, at: Date, buckets: TokenBuckets): Promise<void> {
  const m = await db.message.findUnique({ where: { id: job.messageId } });
  const channel = m?.channelId ? await db.channel.findUnique({ where: { id: m.channelId }, select: { provider: true, rateLimitPerSecond: true } }) : null;
  if (m && m.status === 'queued') {
    const wait = buckets.take(m.channelId ?? `${m.subAccountId}:${m.channel}`, channel?.rateLimitPerSecond ?? DEFAULT_RATE_PER_SECOND);
    if (wait > 0) {
      await db.messageJob.updateMany({ where: { id: job.id }, data: { dueAt: new Date(at.getTime() + wait) } });
      return;
    }
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.messageJob.deleteMany({ where: { id: job.id } });
    if (count === 0 || !m || m.status !== 'queued') return;
    // Freeform WhatsApp messages need an open customer service window when they leave.
    if (m.channel === 'whatsapp' && m.type !== 'template' && !isCswOpen(await readWindow(tx, m.subAccountId, m.msisdn), at)) {
      await applyStatus(tx, m.id, { state: 'undelivered', detail: 'rejected_by_operator', errorCode: WINDOW_EXPIRED.code, errorMessage: WINDOW_EXPIRED.message }, at);
      return;
    }
    const receipts = await providerFor(channel?.provider).send({ umid: m.id, channel: m.channel, msisdn: m.msisdn, type: m.type, content: m.content });
    for (const r of receipts) {
      const update: StatusUpdate = { state: r.state, detail: r.detail, errorCode: r.errorCode, errorMessage: r.errorMessage };
      if (r.afterMs <= 0) await applyStatus(tx, m.id, update, at);
      else await tx.messageJob.create({ data: { messageId: m.id, kind: 'status', payload: update, dueAt: new Date(at.getTime() + r.afterMs) } });
    }
  });
}

async function applyReceipt(db: Db, job: MessageJob, at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.messageJob.deleteMany({ where: { id: job.id } });
    if (count === 0) return;
    await applyStatus(tx, job.messageId, job.payload as StatusUpdate, at);
  });
}
