import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

// Group commit for the send path. Concurrent sends are written together: one transaction inserts a
// batch of messages, their first status and their outbox rows (4 statements per batch instead of
// 3 statements and a transaction per send). A request's promise settles only after its batch
// committed, so "200 + umid" still means "stored with its outbox row". Measured in bench/messaging.

export type NewMessage = Prisma.MessageCreateManyInput & { id: string; subAccountId: string; createdAt: Date };
type Pending = { row: NewMessage; resolve: (r: StoredRef) => void; reject: (e: unknown) => void };
export type StoredRef = { id: string; clientMessageId: string | null; createdAt: Date };

const MAX_BATCH = 250;
const queues = new WeakMap<Db, { pending: Pending[]; flushing: boolean }>();

export function writeOutbound(db: Db, row: NewMessage): Promise<StoredRef> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { pending: [], flushing: false }));
  const queue = q;
  return new Promise<StoredRef>((resolve, reject) => {
    queue.pending.push({ row, resolve, reject });
    if (!queue.flushing) {
      queue.flushing = true;
      setImmediate(() => void drain(db, queue));
    }
  });
}

async function drain(db: Db, q: { pending: Pending[]; flushing: boolean }) {
  while (q.pending.length) {
    const batch = q.pending.splice(0, MAX_BATCH);
    try {
      const results = await writeBatch(db, batch.map((p) => p.row));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      // One bad row must not fail its neighbours: write them one by one.
      else
        for (const p of batch) {
          try {
            p.resolve((await writeBatch(db, [p.row]))[0]!);
          } catch (e) {
            p.reject(e);
          }
        }
    }
  }
  q.flushing = false;
}

const key = (sub: string, cmid: string) => `${sub}\u0000${cmid}`;

/** Inserts the rows that are new; a clientMessageId already stored (or earlier in the batch) yields the first message. */
async function writeBatch(db: Db, rows: NewMessage[]): Promise<StoredRef[]> {
  return db.$transaction(async (tx) => {
    const withIds = rows.filter((r) => r.clientMessageId);
    const existing = new Map<string, StoredRef>();
    if (withIds.length) {
      const found = await tx.message.findMany({
        where: { OR: withIds.map((r) => ({ subAccountId: r.subAccountId, clientMessageId: r.clientMessageId! })) },
        select: { id: true, subAccountId: true, clientMessageId: true, createdAt: true },
      });
      for (const f of found) existing.set(key(f.subAccountId, f.clientMessageId!), f);
    }
    const fresh: NewMessage[] = [];
    const out = rows.map((r) => {
      if (r.clientMessageId) {
        const k = key(r.subAccountId, r.clientMessageId);
        const first = existing.get(k);
        if (first) return first;
        existing.set(k, { id: r.id, clientMessageId: r.clientMessageId, createdAt: r.createdAt });
      }
      fresh.push(r);
      return { id: r.id, clientMessageId: r.clientMessageId ?? null, createdAt: r.createdAt };
    });
    if (fresh.length) {
      await tx.message.createMany({ data: fresh });
      await tx.messageStatusChange.createMany({ data: fresh.map((r) => ({ messageId: r.id, state: 'queued', at: r.createdAt })) });
      await tx.messageJob.createMany({ data: fresh.map((r) => ({ messageId: r.id, kind: 'send', dueAt: r.createdAt })) });
    }
    return out;
  });
}
