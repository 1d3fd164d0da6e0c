import type { Db } from '@/lib/db/client';
import { listRecipients, recipientsCsv, type RecipientView } from '@/lib/campaigns/list-recipients';

// The review's "rows that will not be sent": the invalid rows, then the duplicates, then the opted-out,
// each in row order, as one list with one cursor and as one CSV with one header.

const PROBLEMS = ['invalid', 'duplicate', 'opted_out'] as const;

const encode = (i: number, inner: string | null) => Buffer.from(`${i}:${inner ?? ''}`).toString('base64url');
function decode(cursor: string | null | undefined): { i: number; inner: string | null } {
  if (!cursor) return { i: 0, inner: null };
  const m = /^([0-2]):(.*)$/.exec(Buffer.from(cursor, 'base64url').toString());
  // A cursor that is not ours is passed to lib as it is, which answers the 400.
  return m ? { i: Number(m[1]), inner: m[2] || null } : { i: 0, inner: cursor };
}

export async function listProblemRecipients(
  db: Db,
  accountId: string,
  id: string,
  q: { limit: number; cursor?: string | null },
): Promise<{ data: RecipientView[]; nextCursor: string | null }> {
  let { i, inner } = decode(q.cursor);
  const data: RecipientView[] = [];
  while (i < PROBLEMS.length && data.length < q.limit) {
    const page = await listRecipients(db, accountId, id, { status: PROBLEMS[i], limit: q.limit - data.length, cursor: inner });
    data.push(...page.data);
    if (page.nextCursor) inner = page.nextCursor;
    else {
      i++;
      inner = null;
    }
  }
  return { data, nextCursor: i < PROBLEMS.length ? encode(i, inner) : null };
}

/** The three reports one after another, the header kept once. */
export async function problemRecipientsCsv(db: Db, accountId: string, id: string): Promise<ReadableStream<Uint8Array>> {
  const streams = await Promise.all(PROBLEMS.map((status) => recipientsCsv(db, accountId, id, { status })));
  const encoder = new TextEncoder();
  let k = 0;
  let reader = streams[0]!.getReader();
  let decoder = new TextDecoder();
  let skipping = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          if (++k >= streams.length) return controller.close();
          reader = streams[k]!.getReader();
          decoder = new TextDecoder();
          skipping = true;
          continue;
        }
        if (!skipping) return controller.enqueue(value);
        const text = decoder.decode(value, { stream: true });
        const nl = text.indexOf('\n');
        if (nl < 0) continue;
        skipping = false;
        if (nl + 1 < text.length) return controller.enqueue(encoder.encode(text.slice(nl + 1)));
      }
    },
    async cancel(reason) {
      await Promise.all(streams.slice(k).map((s, j) => (j === 0 ? reader.cancel(reason) : s.cancel(reason))));
    },
  });
}
