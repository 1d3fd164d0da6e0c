import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { GET as list, POST as create } from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/route';
import { DELETE as remove, GET as getOne } from '@/app/api/v1/accounts/[accountId]/channels/[channelId]/templates/[name]/route';
import { reviewPendingTemplates } from '@/lib/templates/review-pending-templates';
import { createOtherTenant, DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { POST as sendMessage } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import creation from '@/lib/templates/fixtures/reference-creation-payloads.json';

type Handler = (req: Request, ctx: never) => Promise<Response>;
const BASE = '/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates';
const P = { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp' };

async function call(handler: Handler, url: string, params: Record<string, string>, init: RequestInit & { key?: string } = {}) {
  const res = await handler(
    new Request(`http://test${url}`, { ...init, headers: { Authorization: `Bearer ${init.key ?? DEMO_API_KEY}`, 'content-type': 'application/json' } }),
    { params: Promise.resolve(params) } as never,
  );
  return { status: res.status, body: await res.json() };
}
const post = (body: unknown, params = P, url = BASE) =>
  call(create, url, params, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('templates REST API', () => {
  let other: Awaited<ReturnType<typeof createOtherTenant>>;
  beforeAll(async () => {
    await seedDemoTenant();
    other = await createOtherTenant();
  });

  it('accepts every reference creation payload as written: 201 PENDING', async () => {
    for (const payload of creation) {
      const res = await post(payload);
      expect(res.status, payload.name).toBe(201);
      expect(res.body).toMatchObject({ name: payload.name, language: 'en_US', category: payload.category, status: 'PENDING', channelId: 'acme_corp_whatsapp' });
      expect(res.body.id).toEqual(expect.any(String));
    }
  });

  it('409 on a duplicate name+language on the channel', async () => {
    const res = await post(creation[0]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 1005, message: "A template named 'appointment_reminder_v1' in language 'en_US' already exists on this channel" });
  });

  it('400 code 1005 with errors[] naming each rule a template breaks', async () => {
    const res = await post({
      name: 'Bad Name',
      language: 'en_US',
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: 'Hi {{1}} and {{3}}' },
        { type: 'FOOTER', text: 'Hello {{1}}' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(1005);
    expect(res.body.message).toContain("'name'");
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'name', message: expect.stringContaining('lower-case') },
        { path: 'components.0.text', message: 'Number the variables in order from {{1}}: {{2}} is missing' },
        { path: 'components.0.examples', message: 'Give a sample value for every variable: 3 needed, 0 given' },
        { path: 'components.1.text', message: 'The footer cannot contain variables' },
      ]),
    );
    expect((await post('{not json')).body).toMatchObject({ code: 1005, message: 'Invalid parameter(s): malformed JSON body' });
    expect((await post('')).status).toBe(400);
  });

  it("404 for another account or another tenant's channel; 401 without a key", async () => {
    expect(
      (
        await post(
          creation[0],
          { accountId: other.accountId, channelId: other.channelId },
          `/api/v1/accounts/${other.accountId}/channels/${other.channelId}/templates`,
        )
      ).status,
    ).toBe(404);
    const res = await post(creation[0], { accountId: 'acme_corp', channelId: other.channelId });
    expect(res).toMatchObject({ status: 404, body: { code: 1005, message: `Channel '${other.channelId}' not found` } });
    expect((await call(list, BASE, P, { key: 'prl_wrong_key_000000000' })).status).toBe(401);
    expect(
      (
        await call(
          list,
          `/api/v1/accounts/${other.accountId}/channels/${other.channelId}/templates`,
          { accountId: other.accountId, channelId: other.channelId },
          { key: other.apiKey },
        )
      ).body,
    ).toEqual({ data: [] });
  });

  it('lists with filters and reads one by name and language, after review', async () => {
    await reviewPendingTemplates(db, new Date(Date.now() + 60_000));
    const all = await call(list, BASE, P);
    expect(all.body.data).toHaveLength(8);
    expect(all.body.data.every((t: { status: string }) => t.status === 'APPROVED')).toBe(true);
    const marketing = await call(list, `${BASE}?category=marketing&status=APPROVED`, P);
    expect(marketing.body.data.map((t: { name: string }) => t.name).sort()).toEqual(['retail_abandoned_cart_v1', 'summer_sale_carousel_v1']);
    expect((await call(list, `${BASE}?name=reminder`, P)).body.data).toHaveLength(2);
    expect((await call(list, `${BASE}?language=es`, P)).body.data).toHaveLength(0);
    expect(await call(list, `${BASE}?status=LIVE`, P)).toMatchObject({ status: 400, body: { code: 1005, errors: [{ path: 'status' }] } });

    const one = await call(getOne, `${BASE}/order_shipped_v2?language=en_US`, { ...P, name: 'order_shipped_v2' });
    expect(one).toMatchObject({ status: 200, body: { name: 'order_shipped_v2', status: 'APPROVED', components: [{ type: 'BODY' }, { type: 'BUTTONS' }] } });
    expect((await call(getOne, `${BASE}/nope?language=en_US`, { ...P, name: 'nope' })).status).toBe(404);
  });

  it('asks for a language when a name has several; DELETE removes one or all versions', async () => {
    expect((await post({ ...creation[0], language: 'es' })).status).toBe(201);
    const ambiguous = await call(getOne, `${BASE}/appointment_reminder_v1`, { ...P, name: 'appointment_reminder_v1' });
    expect(ambiguous).toMatchObject({ status: 400, body: { code: 1005, errors: [{ path: 'language' }] } });

    const del = await call(remove, `${BASE}/appointment_reminder_v1?language=es`, { ...P, name: 'appointment_reminder_v1' }, { method: 'DELETE' });
    expect(del).toEqual({ status: 200, body: { deleted: [{ name: 'appointment_reminder_v1', language: 'es' }] } });
    expect((await call(getOne, `${BASE}/appointment_reminder_v1`, { ...P, name: 'appointment_reminder_v1' })).body.language).toBe('en_US');
    const again = await call(remove, `${BASE}/appointment_reminder_v1?language=es`, { ...P, name: 'appointment_reminder_v1' }, { method: 'DELETE' });
    expect(again.status).toBe(404);
    // Another tenant cannot delete ours.
    const foreign = await call(
      remove,
      `${BASE}/order_shipped_v2`,
      { accountId: 'acme_corp', channelId: 'acme_corp_whatsapp', name: 'order_shipped_v2' },
      { method: 'DELETE', key: other.apiKey },
    );
    expect(foreign.status).toBe(404);
    expect(await db.template.count({ where: { name: 'order_shipped_v2' } })).toBe(1);
  });

  it("reads a locale written en-US or en_us as WhatsApp's en_US, when creating, reading and sending", async () => {
    const dup = await post({ ...creation[1], language: 'en-US' });
    expect(dup).toMatchObject({ status: 409, body: { message: "A template named 'order_shipped_v2' in language 'en_US' already exists on this channel" } });
    const created = await post({ ...creation[1], name: 'order_shipped_pt', language: 'PT-br' });
    expect(created).toMatchObject({ status: 201, body: { language: 'pt_BR' } });
    expect((await call(getOne, `${BASE}/order_shipped_v2?language=en-us`, { ...P, name: 'order_shipped_v2' })).body.language).toBe('en_US');
    expect((await call(list, `${BASE}?language=pt-BR`, P)).body.data.map((t: { name: string }) => t.name)).toEqual(['order_shipped_pt']);
    expect((await post({ ...creation[1], name: 'x_v1', language: 'en-XX' })).body).toMatchObject({ code: 1005, errors: [{ path: 'language' }] });

    const sent = await call(
      sendMessage as Handler,
      '/api/v1/subaccounts/acme_corp_chatapps/messages',
      { subAccountId: 'acme_corp_chatapps' },
      {
        method: 'POST',
        body: JSON.stringify({
          user: { msisdn: '+15551234567' },
          type: 'template',
          content: {
            template: {
              name: 'order_shipped_v2',
              language: 'en-US',
              components: [
                {
                  type: 'body',
                  parameters: [
                    { type: 'text', text: 'Maria' },
                    { type: 'text', text: '987' },
                  ],
                },
                { type: 'button', index: '0', subType: 'url', parameters: [{ type: 'text', text: '987' }] },
              ],
            },
          },
        }),
      },
    );
    expect(sent).toMatchObject({ status: 200, body: { status: { state: 'queued' } } });
    expect(await db.message.findUniqueOrThrow({ where: { id: sent.body.umid } })).toMatchObject({
      templateName: 'order_shipped_v2',
      templateLanguage: 'en_US',
    });
  });
});
