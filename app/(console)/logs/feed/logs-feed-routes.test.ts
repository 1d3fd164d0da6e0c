import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { applyStatus } from '@/lib/messaging/apply-status';
import { insertOutbound } from '@/lib/messaging/enqueue-outbound';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { createOtherTenant, createUserWithPermissions, seedDemoTenant } from '@/test/factories';
import { insightsHistory } from '@/test/insights-history';
import { GET as list } from './route';
import { GET as statuses } from './statuses/route';
import { GET as count } from './count/route';
import { GET as detail } from './[umid]/route';

// The Logs page's reads, as the browser makes them: the signed-in user's account only, with logs.view.

let signedIn: string | null = 'admin@example.com';
vi.mock('server-only', () => ({}));
vi.mock('@/app/_lib/console-context', async () => {
  const { db } = await import('@/lib/db/client');
  const { loadPrincipal } = await import('@/lib/auth/principal');
  return {
    getConsoleContext: async () => {
      if (!signedIn) return null;
      const user = await db.user.findUniqueOrThrow({ where: { email: signedIn } });
      const principal = (await loadPrincipal(db, user.id))!;
      return { principal, account: principal.accounts.find((a) => a.id === 'acme_corp') ?? null };
    },
  };
});

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get(route: Route, path: string, params: Record<string, string> = {}) {
  const res = await route(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json() };
}

let theirs: string;

describe('Logs feed routes', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    await insightsHistory({ seed: 9, start: '2026-12-01T00:00:00Z', days: 2, messages: 80 });
    const other = await createOtherTenant();
    const { accepted } = await write(db, (t) =>
      insertOutbound(
        t,
        {
          accountId: other.accountId,
          subAccountId: other.subAccountId,
          channelId: other.channelId,
          channel: 'whatsapp',
          to: parseMsisdn('+6591234567'),
          type: 'text',
          content: { text: 'theirs' },
          category: 'service',
        },
        new Date(),
      ),
    );
    theirs = accepted.umid;
  });

  it('lists, counts and details the account’s messages; the poll for newer ones takes the same filters', async () => {
    const page = await get(list, '/logs/feed?limit=5&direction=outbound');
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(5);
    expect(page.body.data.every((m: { direction: string }) => m.direction === 'outbound')).toBe(true);
    const next = await get(list, `/logs/feed?limit=5&direction=outbound&cursor=${page.body.nextCursor}`);
    expect(next.body.data[0].createdAt <= page.body.data[4].createdAt).toBe(true);
    const newest = page.body.data[0];
    const since = await get(list, `/logs/feed?direction=outbound&from=${encodeURIComponent(newest.createdAt)}`);
    expect(since.body.data.map((m: { umid: string }) => m.umid)).toContain(newest.umid);

    const all = await db.message.count({ where: { accountId: 'acme_corp', direction: 'outbound' } });
    expect((await get(count, '/logs/feed/count?direction=outbound')).body).toEqual({ count: all, atLeast: false });

    const one = await get(detail, `/logs/feed/${newest.umid}`, { umid: newest.umid });
    expect(one.body).toMatchObject({ umid: newest.umid, timeline: expect.any(Array) });
  });

  it('answers the status of rows on screen, which moves as receipts come', async () => {
    const page = await get(list, '/logs/feed?status=queued&limit=2');
    const [a, b] = page.body.data.map((m: { umid: string }) => m.umid);
    await write(db, (t) => applyStatus(t, a, { state: 'delivered' }));
    const s = await get(statuses, `/logs/feed/statuses?umid=${a}&umid=${b}&umid=${theirs}`);
    expect(s.status).toBe(200);
    expect(Object.fromEntries(s.body.data.map((u: { umid: string; status: { state: string } }) => [u.umid, u.status.state]))).toEqual({
      [a]: 'delivered',
      [b]: 'queued',
    });
  });

  it('never shows another account’s message, refuses bad filters, and needs logs.view and a session', async () => {
    expect((await get(detail, `/logs/feed/${theirs}`, { umid: theirs })).status).toBe(404);
    expect((await get(list, `/logs/feed?umid=${theirs}`)).body.data).toEqual([]);
    expect((await get(list, '/logs/feed?status=lost')).status).toBe(400);
    expect((await get(list, '/logs/feed?subAccountId=nope')).status).toBe(404);
    const sales = await createUserWithPermissions(['dashboard.view', 'reports.view']);
    signedIn = sales.email;
    expect((await get(list, '/logs/feed')).status).toBe(403);
    signedIn = null;
    expect((await get(list, '/logs/feed')).status).toBe(401);
    signedIn = 'admin@example.com';
  });
});
