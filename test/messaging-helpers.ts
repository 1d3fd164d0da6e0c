// Helpers for messaging tests (imported only by *.test.ts files).
import { db } from '@/lib/db/client';
import { DEMO_API_KEY } from '@/test/factories';
import { processOutbox } from '@/lib/messaging/process-outbox';
import { TokenBuckets } from '@/lib/messaging/token-bucket';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(handler: unknown, method: string, url: string, params: Record<string, string>, body?: unknown, apiKey = DEMO_API_KEY) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

/** Runs the outbox on a simulated clock from now up to `until`, applying every job due by then. */
export async function drainOutbox(until: Date = new Date(Date.now() + 60_000)): Promise<void> {
  let clock = Date.now();
  const buckets = new TokenBuckets(() => clock);
  for (let i = 0; i < 1000; i++) {
    const next = await db.messageJob.findFirst({ orderBy: { dueAt: 'asc' } });
    if (!next || next.dueAt.getTime() > until.getTime()) return;
    clock = Math.max(clock, next.dueAt.getTime());
    await processOutbox(db, { now: () => new Date(clock), buckets });
  }
  throw new Error('outbox did not drain');
}

/** An APPROVED template row, as the templates domain would have stored it after review. */
export async function approvedTemplate(args: {
  name: string;
  category: string;
  components: unknown;
  subAccountId?: string;
  channelId?: string;
  language?: string;
}) {
  return db.template.create({
    data: {
      accountId: 'acme_corp',
      subAccountId: args.subAccountId ?? 'acme_corp_chatapps',
      channelId: args.channelId ?? 'acme_corp_whatsapp',
      name: args.name,
      language: args.language ?? 'en_US',
      category: args.category,
      components: args.components as object,
      status: 'APPROVED',
    },
  });
}

export const msgUrl = (sub: string) => `/api/v1/subaccounts/${sub}/messages`;
