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
    .poll(
      async () =>
        (await (await request.get(`/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates/${name}?language=en_US`, { headers: auth })).json()).status,
      { timeout: 15_000 },
    )
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
  expect(logs.data.find((m: { umid: string }) => m.umid === umid)).toMatchObject({
    status: { state: 'read' },
    category: 'utility',
    templateName: 'delivery_failed_v1',
  });
});

test('several customers side by side; list rows and typed replies arrive as inbound messages', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/simulator');
  await page.getByLabel('Subaccount').selectOption(SUB);
  const second = '+15557654321';
  await page.getByLabel('Add a customer').fill(second);
  await page.getByRole('button', { name: 'Add phone' }).click();
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${second}"]`);
  // The admin's phones are kept on the server, so those earlier tests added are on screen too.
  await expect(phone).toBeVisible();
  const phones = await page.getByTestId('sim-phone').count();
  expect(phones).toBeGreaterThanOrEqual(2);
  await phone.getByLabel(`Message from ${second}`).fill('I need a new slot');
  await phone.getByRole('button', { name: 'Send' }).click();
  await expect(phone.getByTestId('wa-bubble-customer')).toContainText('I need a new slot');

  // The window is open now: a freeform list goes out and the customer picks a row.
  const list = {
    user: { msisdn: second },
    type: 'interactive',
    content: {
      interactive: {
        type: 'list',
        body: { text: 'Please select a new time slot.' },
        action: {
          button: 'Select Slot',
          sections: [{ title: 'Available Times', rows: [{ id: 'slot_1', title: 'Tomorrow (Nov 7)', description: '10:00 AM - 12:00 PM' }] }],
        },
      },
    },
  };
  expect((await request.post(`/api/v1/subaccounts/${SUB}/messages`, { headers: auth, data: list })).status()).toBe(200);
  await expect(phone.getByTestId('wa-interactive')).toContainText('Please select a new time slot.');
  await phone.getByTestId('wa-button').filter({ hasText: 'Select Slot' }).click();
  await phone.getByTestId('wa-list-row').filter({ hasText: 'Tomorrow (Nov 7)' }).click();
  await expect(phone.getByTestId('wa-bubble-customer').last()).toContainText('Tomorrow (Nov 7)');
  await expect(page.getByTestId('sim-phone')).toHaveCount(phones);

  // A long conversation scrolls inside the phone: the phone keeps its height, shows the newest
  // message, and the page under the pointer does not move as messages arrive.
  const frame = phone.getByTestId('phone-frame');
  const height = (await frame.boundingBox())!.height;
  const scrollY = await page.evaluate(() => window.scrollY);
  for (let i = 1; i <= 12; i++) {
    const r = await request.post(`/api/v1/subaccounts/${SUB}/messages`, {
      headers: auth,
      data: { user: { msisdn: second }, type: 'text', content: { text: `Update ${i} of 12` } },
    });
    expect(r.status()).toBe(200);
  }
  await expect(phone.getByText('Update 12 of 12')).toBeInViewport();
  expect((await frame.boundingBox())!.height).toBe(height);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
  await snapshot(page, 'messaging-simulator-two-phones');
});

test('webhooks and pricing settings pages work', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Add webhook' }).first().click();
  await page.getByLabel('URL').fill('not a url');
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByRole('dialog')).toContainText('absolute URL');
  // A long URL, as real ones are: the tables must still fit their cards with it.
  // Unique per run, so a retry of this test does not find the first try's endpoint.
  const hookUrl = `http://127.0.0.1:9/hook/acme-corp/whatsapp-events?token=${Date.now()}abcdef0123456789`;
  await page.getByLabel('URL').fill(hookUrl);
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('webhook-endpoint').filter({ hasText: hookUrl })).toHaveCount(1);
  await snapshot(page, 'messaging-settings-webhooks');
  // A failed send makes one delivery; its attempts and body open under it, and Resend stays on screen.
  const ping = await request.post(`/api/v1/subaccounts/${SUB}/messages`, {
    headers: auth,
    data: { user: { msisdn: '+15550009999' }, type: 'text', content: { text: 'Ping' } },
  });
  expect(ping.status()).toBe(200);
  // Other specs' endpoints get deliveries too (a tier upgrade may fire meanwhile): pick this one's.
  const delivery = page.getByTestId('webhook-delivery').filter({ hasText: 'outbound_message_status_changed' }).filter({ hasText: hookUrl }).first();
  await expect(delivery).toBeVisible({ timeout: 20_000 });
  await delivery.getByRole('button', { name: /attempt/ }).click();
  await expect(page.getByTestId('webhook-delivery-detail')).toContainText('outbound_message_status_changed');
  // Resend must not be pushed past the card's right edge. The list is live: a delivery that arrives
  // meanwhile moves the rows down, so the row's first cell is brought into view (vertically; it sits at
  // the left) before the whole button is checked.
  await expect(async () => {
    await delivery.locator('td').first().scrollIntoViewIfNeeded();
    await expect(delivery.getByRole('button', { name: 'Resend' })).toBeInViewport({ ratio: 1, timeout: 1_000 });
  }).toPass();
  await delivery.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByText('Queued for resending')).toBeVisible();

  // Deleting is confirmed first; keeping it leaves the endpoint alone.
  const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: hookUrl });
  await expect(endpoint.getByRole('button', { name: 'Delete' })).toBeInViewport({ ratio: 1 });
  await endpoint.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('Delete this webhook?');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(endpoint).toHaveCount(1);
  await endpoint.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete webhook' }).click();
  await expect(page.getByText('Webhook deleted')).toBeVisible();
  await expect(endpoint).toHaveCount(0);

  await page.goto('/settings/pricing');
  const price = page.getByLabel('Price for marketing +44 from 0');
  await expect(price).toHaveValue('0.0529');
  await price.fill('0.06');
  await page.getByTestId('rate-marketing-44-0').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Rate saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Price for marketing +44 from 0')).toHaveValue('0.06');

  // At 1280 px every rate table fits its card, with an edited row's Save beside its delete button.
  await page.getByLabel('Price for utility +44 from 2500000').fill('0.02');
  for (const wrapper of await page.getByTestId('rate-tables').locator('table').locator('..').all()) {
    expect(await wrapper.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await page.getByLabel('Price for utility +44 from 2500000').fill('0.0187');

  // A rate added by hand, then deleted once confirmed.
  await page.getByPlaceholder('44 or *').fill('998');
  await page.getByPlaceholder('0.0250').fill('0.031');
  await page.getByRole('button', { name: 'Add or replace rate' }).click();
  const added = page.getByTestId('rate-marketing-998-0');
  await expect(added).toBeVisible();
  await added.getByRole('button', { name: 'Delete rate' }).click();
  await expect(page.getByRole('dialog')).toContainText('Delete the marketing rate for +998?');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(added).toHaveCount(1);
  await added.getByRole('button', { name: 'Delete rate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete rate' }).click();
  await expect(page.getByText('Rate deleted')).toBeVisible();
  await expect(added).toHaveCount(0);
  await snapshot(page, 'messaging-settings-pricing');
});
