import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { POST as sendRoute } from '@/app/api/v1/subaccounts/[subAccountId]/messages/route';
import { GET as subaccountsRoute } from '@/app/api/v1/accounts/[accountId]/subaccounts/route';
import { sendMessage } from '@/lib/messaging/send-message';
import { sendSms } from '@/lib/messaging/send-sms';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { updateCustomerAccount } from '@/lib/provisioning/update-customer-account';
import { DEMO_API_KEY, seedDemoTenant } from '@/test/factories';
import { campaignTemplate, storeCampaign } from '@/test/campaign-fixtures';
import { CampaignThrottle } from '@/lib/campaigns/dispatch/campaign-throttle';
import { dispatchCampaigns } from '@/lib/campaigns/dispatch/dispatch-campaigns';

const setup = { partnerId: 'demo_partner', userId: null, label: 'setup' };
const text = { user: { msisdn: '+6591234567' }, type: 'text', content: { text: 'Hi' } };
type Handler = (req: Request, ctx: never) => Promise<Response>;

async function call(handler: Handler, params: Record<string, string>, body?: unknown) {
  const res = await handler(
    new Request('http://test/api/v1/probe', {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) } as never,
  );
  return { status: res.status, body: await res.json() };
}

const send = () => sendMessage(db, { accountId: 'acme_corp', subAccountId: 'acme_corp_chatapps', body: text });
const sms = () => sendSms(db, { accountId: 'acme_corp', subAccountId: 'acme_corp', destination: '+6591234567', text: 'Hi' });

beforeAll(async () => {
  await seedDemoTenant();
});

describe('a suspended account', () => {
  it('has its API keys refused (403, 1200, saying why) and its sends refused, at once, until it is resumed', async () => {
    // Warm every cache the hot paths keep: the key's principal and the subaccount with its channels.
    expect((await call(sendRoute, { subAccountId: 'acme_corp_chatapps' }, text)).status).toBe(200);
    await findSubAccountCached(db, 'acme_corp', 'acme_corp');
    const before = await db.message.count();

    await updateCustomerAccount(db, setup, 'acme_corp', { suspended: true });

    for (const [handler, params, body] of [
      [sendRoute, { subAccountId: 'acme_corp_chatapps' }, text],
      [subaccountsRoute, { accountId: 'acme_corp' }, undefined],
    ] as const) {
      const res = await call(handler as Handler, params, body);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        code: 1200,
        message: "Account 'acme_corp' is suspended: its API keys are refused until a partner admin resumes it",
        errorId: expect.any(String),
        timestamp: expect.any(String),
      });
    }
    // The console's sends (template test send, channel test, Converse, workflows) go through the same pipeline.
    await expect(send()).rejects.toMatchObject({
      status: 403,
      message: "Account 'acme_corp' is suspended: its messages are refused until a partner admin resumes it",
    });
    await expect(sms()).rejects.toMatchObject({ status: 403 });
    expect(await db.message.count()).toBe(before);

    await updateCustomerAccount(db, setup, 'acme_corp', { suspended: false });
    expect((await call(sendRoute, { subAccountId: 'acme_corp_chatapps' }, text)).status).toBe(200);
    expect((await call(subaccountsRoute, { accountId: 'acme_corp' })).status).toBe(200);
    await expect(send()).resolves.toMatchObject({ status: { state: 'queued' } });
    await expect(sms()).resolves.toMatchObject({ status: { state: 'queued' } });
  });

  it('holds its running campaigns (nothing sent, recipients pending) and lets them go on when resumed', async () => {
    const id = await storeCampaign({ templateName: (await campaignTemplate()).name, recipients: [{ msisdn: '+15553450001' }, { msisdn: '+15553450002' }] });
    await updateCustomerAccount(db, setup, 'acme_corp', { suspended: true });
    const throttle = new CampaignThrottle();
    for (let i = 0; i < 3; i++) await dispatchCampaigns(db, { throttle });
    expect(await db.message.count({ where: { campaignId: id } })).toBe(0);
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'running', pending: 2 });

    await updateCustomerAccount(db, setup, 'acme_corp', { suspended: false });
    for (let i = 0; i < 20 && (await db.message.count({ where: { campaignId: id } })) < 2; i++) {
      await dispatchCampaigns(db, { throttle });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await db.message.count({ where: { campaignId: id } })).toBe(2);
  });
});
