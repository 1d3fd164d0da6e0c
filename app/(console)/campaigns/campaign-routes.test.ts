import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import { storeAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { createUserWithPermissions, seedDemoTenant } from '@/test/factories';

// The console's campaign routes as the browser calls them: the session's user and chosen account
// (console-context, mocked as the audit test does), the permission, the tenant, and what they answer.

vi.mock('server-only', () => ({}));
let userId = '';
vi.mock('@/app/_lib/console-context', async () => {
  const { db } = await import('@/lib/db/client');
  const { loadPrincipal } = await import('@/lib/auth/principal');
  return {
    getConsoleContext: async () => {
      const principal = await loadPrincipal(db, userId);
      return principal ? { principal, account: principal.accounts.find((a) => a.id === 'acme_corp') ?? principal.accounts[0] ?? null } : null;
    },
  };
});

const { GET: recipients } = await import('./[id]/recipients/route');
const { GET: live } = await import('./[id]/live/route');
const { POST: upload } = await import('./uploads/route');

const call = (handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, url: string, params = {}, init?: RequestInit) =>
  handler(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });

async function* text(s: string) {
  yield new TextEncoder().encode(s);
}

let admin = '';
let campaignId = '';

describe('campaign console routes', () => {
  beforeAll(async () => {
    await seedDemoTenant();
    admin = (await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } })).id;
    await db.template.create({
      data: {
        accountId: 'acme_corp',
        subAccountId: 'acme_corp_chatapps',
        channelId: 'acme_corp_whatsapp',
        name: 'route_probe',
        language: 'en_US',
        category: 'MARKETING',
        components: [{ type: 'BODY', text: 'Hi {{1}}!', examples: ['Ann'] }],
        status: 'APPROVED',
      },
    });
    await db.optOut.create({ data: { accountId: 'acme_corp', msisdn: '+15551230005', source: 'manual', optedOutAt: new Date() } });
    // Rows 2-7: valid, invalid number, valid, duplicate of row 2, opted out, empty name (invalid).
    const csv = 'phone,name\n+15551230001,Ann\n12,Bo\n+15551230003,Cy\n+15551230001,Di\n+15551230005,Ed\n+15551230006,\n';
    const { fileId } = await storeAudienceFile(db, SYSTEM_ACTOR, { accountId: 'acme_corp', body: text(csv), fileName: 'probe.csv' });
    const v = await createCampaign(db, SYSTEM_ACTOR, {
      accountId: 'acme_corp',
      spec: {
        name: 'Route probe',
        subAccountId: 'acme_corp_chatapps',
        template: { name: 'route_probe', language: 'en_US' },
        recipients: { msisdnColumn: 'phone' },
        parameters: { 'body.1': { column: 'name' } },
      },
      audience: { fileId },
    });
    campaignId = v.id;
    userId = admin;
  });

  it('lists the rows that will not be sent, invalid then duplicates then opted out, across pages', async () => {
    const seen: [number, string][] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await call(recipients, `/campaigns/${campaignId}/recipients?status=problems&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { id: campaignId });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: { row: number; status: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((r) => [r.row, r.status] as [number, string]));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([
      [3, 'invalid'],
      [7, 'invalid'],
      [5, 'duplicate'],
      [6, 'opted_out'],
    ]);
  });

  it('downloads the problem report as one CSV with one header, and the results with every row', async () => {
    const res = await call(recipients, `/campaigns/${campaignId}/recipients?status=problems&format=csv`, { id: campaignId });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="Route-probe-problems\.csv"/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^row,msisdn,status/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '3,12,invalid',
      '7,+15551230006,invalid',
      '5,+15551230001,duplicate',
      '6,+15551230005,opted_out',
    ]);
    expect(lines.filter((l) => l.startsWith('row,'))).toHaveLength(1);

    const all = await call(recipients, `/campaigns/${campaignId}/recipients?format=csv`, { id: campaignId });
    expect((await all.text()).trim().split('\n')).toHaveLength(1 + 6);
  });

  it('answers 404 for another account’s campaign and 403 without the permission', async () => {
    // A user of the same partner who works in another of its accounts.
    await db.account.create({ data: { id: 'acme_two', partnerId: 'demo_partner', name: 'Acme Two' } });
    userId = (await createUserWithPermissions(['campaigns.view', 'campaigns.send'], ['acme_two'])).id;
    expect((await call(live, `/campaigns/${campaignId}/live`, { id: campaignId })).status).toBe(404);
    expect((await call(recipients, `/campaigns/${campaignId}/recipients`, { id: campaignId })).status).toBe(404);

    userId = (await createUserWithPermissions(['logs.view'])).id;
    const refused = await call(live, `/campaigns/${campaignId}/live`, { id: campaignId });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining('campaigns.view') });

    userId = admin;
    const ok = await call(live, `/campaigns/${campaignId}/live`, { id: campaignId });
    expect(await ok.json()).toMatchObject({
      campaign: { id: campaignId, status: 'draft', counts: { rows: 6, valid: 2, invalid: 2, duplicates: 1, optedOut: 1 } },
    });
  });

  it('stores an upload from our own pages only, and only for a user who may send campaigns', async () => {
    const body = 'phone\n+15551230001\n';
    const post = (headers: Record<string, string>) =>
      call(upload, '/campaigns/uploads', {}, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-file-name': 'list%20%C3%A9.csv', ...headers }, body });
    userId = admin;
    const stored = await post({ 'sec-fetch-site': 'same-origin' });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ fileId: expect.any(String), size: body.length });

    // Another site's form riding on the session cookie.
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'https://evil.example', host: 'localhost' })).status).toBe(403);

    userId = (await createUserWithPermissions(['campaigns.view'])).id;
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(403);
  });
});
