import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, snapshot } from './fixtures';
import fs from 'node:fs';

const fixture = (name: string) => JSON.parse(fs.readFileSync(`lib/templates/fixtures/${name}`, 'utf8')) as unknown[];
const creation = fixture('reference-creation-payloads.json');
const sends = fixture('reference-send-payloads.json');

const SUB = 'acme_corp_chatapps';
const auth = { authorization: `Bearer ${E2E_API_KEY}` };
const CUSTOMER = '+15554445555';

async function approvedTemplate(request: APIRequestContext, name: string) {
  const payload = (creation as Array<{ name: string }>).find((t) => t.name === name)!;
  const created = await request.post('/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates', { headers: auth, data: payload });
  expect([201, 409]).toContain(created.status());
  await expect
    .poll(async () => (await (await request.get(`/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates/${name}?language=en_US`, { headers: auth })).json()).status, { timeout: 15_000 })
    .toBe('APPROVED');
}

test('a template sent through the API shows in the Simulator; a tapped quick reply arrives in the Logs', async ({ page, request }) => {
  await approvedTemplate(request, 'delivery_failed_v1');
  const body = (sends as Array<{ content: { template: { name: string } } }>).find((s) => s.content.template.name === 'delivery_failed_v1')!;
  const sent = await request.post(`/api/v1/subaccounts/${SUB}/messages`, { headers: auth, data: body });
  expect(sent.status()).toBe(200);
  const { umid } = await sent.json();

  await signIn(page, ADMIN);
  await page.goto('/simulator');
  await page.getByLabel('Subaccount').selectOption(SUB);
  await page.getByLabel('Add a customer').fill(CUSTOMER);
  await page.getByRole('button', { name: 'Add phone' }).click();
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${CUSTOMER}"]`);
  await expect(phone.getByTestId('wa-template')).toContainText("we're sorry we missed you");
  await expect(phone.getByTestId('wa-template')).toContainText('Carlos');
  await expect(phone.getByTestId('wa-template')).toContainText('774-ABC');
  // The sandbox delivers and reads it within about a second.
  await expect(phone.getByTestId('wa-status').locator('[data-state="read"]')).toBeVisible();
  await snapshot(page, 'messaging-simulator-template');

  await phone.getByTestId('wa-button').filter({ hasText: 'Reschedule' }).click();
  await expect(phone.getByTestId('wa-bubble-customer')).toContainText('Reschedule');
  await snapshot(page, 'messaging-simulator-reply');

  await page.goto(`/logs?subAccountId=${SUB}&direction=inbound`);
  const row = page.getByTestId('log-row').filter({ hasText: 'Reschedule' });
  await expect(row).toBeVisible();
  await expect(row).toContainText(CUSTOMER);
  await snapshot(page, 'messaging-logs-inbound');

  await page.goto(`/logs?subAccountId=${SUB}`);
  await expect(page.getByTestId('log-row').filter({ hasText: 'Template delivery_failed_v1' })).toContainText('read');

  // The Logs API sees the same conversation.
  const logs = await (await request.get(`/api/v1/subaccounts/${SUB}/messages?msisdn=${encodeURIComponent(CUSTOMER)}`, { headers: auth })).json();
  expect(logs.data[0]).toMatchObject({ direction: 'inbound', content: { text: 'Reschedule' } });
  expect(logs.data.find((m: { umid: string }) => m.umid === umid)).toMatchObject({ status: { state: 'read' }, category: 'utility', templateName: 'delivery_failed_v1' });
});

test('several customers side by side; list rows and typed replies arrive as inbound messages', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/simulator');
  await page.getByLabel('Subaccount').selectOption(SUB);
  const second = '+15557654321';
  await page.getByLabel('Add a customer').fill(second);
  await page.getByRole('button', { name: 'Add phone' }).click();
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${second}"]`);
  await phone.getByLabel(`Message from ${second}`).fill('I need a new slot');
  await phone.getByRole('button', { name: 'Send' }).click();
  await expect(phone.getByTestId('wa-bubble-customer')).toContainText('I need a new slot');

  // The window is open now: a freeform list goes out and the customer picks a row.
  const list = {
    user: { msisdn: second },
    type: 'interactive',
    content: { interactive: { type: 'list', body: { text: 'Please select a new time slot.' }, action: { button: 'Select Slot', sections: [{ title: 'Available Times', rows: [{ id: 'slot_1', title: 'Tomorrow (Nov 7)', description: '10:00 AM - 12:00 PM' }] }] } } },
  };
  expect((await request.post(`/api/v1/subaccounts/${SUB}/messages`, { headers: auth, data: list })).status()).toBe(200);
  await expect(phone.getByTestId('wa-interactive')).toContainText('Please select a new time slot.');
  await phone.getByTestId('wa-button').filter({ hasText: 'Select Slot' }).click();
  await phone.getByTestId('wa-list-row').filter({ hasText: 'Tomorrow (Nov 7)' }).click();
  await expect(phone.getByTestId('wa-bubble-customer').last()).toContainText('Tomorrow (Nov 7)');
  await expect(page.getByTestId('sim-phone')).toHaveCount(2);
  await snapshot(page, 'messaging-simulator-two-phones');
});

test('webhooks and pricing settings pages work', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Add webhook' }).first().click();
  await page.getByLabel('URL').fill('not a url');
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByRole('dialog')).toContainText('absolute URL');
  await page.getByLabel('URL').fill('http://127.0.0.1:9/hook');
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('webhook-endpoint')).toContainText('http://127.0.0.1:9/hook');
  await snapshot(page, 'messaging-settings-webhooks');

  await page.goto('/settings/pricing');
  const price = page.getByLabel('Price for marketing +44 from 0');
  await expect(price).toHaveValue('0.0529');
  await price.fill('0.06');
  await page.getByTestId('rate-marketing-44-0').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Rate saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Price for marketing +44 from 0')).toHaveValue('0.06');
  await snapshot(page, 'messaging-settings-pricing');
});
