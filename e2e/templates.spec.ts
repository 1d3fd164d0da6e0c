import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ANALYST, E2E_API_KEY, signIn, snapshot } from './fixtures';

const auth = { authorization: `Bearer ${E2E_API_KEY}` };
const preview = (page: Page) => page.getByTestId('template-preview');

async function startNew(page: Page, name: string, category: string) {
  await page.goto('/templates/new');
  // A blank form: the template submitted before leaves no draft behind to be restored here.
  await expect(page.getByLabel('Message text')).toHaveValue('');
  await expect(page.getByTestId('tpl-add-footer')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Category').selectOption(category);
  await page.getByLabel('WhatsApp channel').selectOption('acme_corp_whatsapp');
}

/** Submits and follows the template to its page until the sandbox reviewer approves it. */
async function submitAndExpectApproved(page: Page, name: string) {
  await page.getByTestId('submit-template').click();
  await expect(page).toHaveURL(/\/templates\/(?!new)[^/?]+$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'APPROVED', { timeout: 20_000 });
  await expect(page.getByTestId('template-history')).toContainText('PENDING → APPROVED');
}

test('build the order-shipped template (body variables + dynamic URL button), preview it, submit, see it approved', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await startNew(page, 'order_shipped_designed', 'UTILITY');

  await page.getByLabel('Message text').fill('Hi {{1}}, good news! Your order #{{2}} has shipped.');
  await page.locator('#tpl-body-example-1').fill('Maria');
  await page.locator('#tpl-body-example-2').fill('987-XYZ');
  await expect(preview(page).getByTestId('wa-body')).toHaveText('Hi Maria, good news! Your order #987-XYZ has shipped.');

  await page.getByTestId('tpl-add-buttons').click();
  await page.getByTestId('tpl-button-add-url').click();
  await page.locator('#tpl-button-0-text').fill('Track Your Order');
  await page.locator('#tpl-button-0-url').fill('https://your.tracker.com/track/{{1}}');
  await page.locator('#tpl-button-0-example').fill('987-XYZ');
  const button = preview(page).getByTestId('wa-button');
  await expect(button).toHaveText('Track Your Order');
  await expect(button).toHaveAttribute('title', 'https://your.tracker.com/track/987-XYZ');

  // Raw {{n}} toggle, then back to sample values.
  await page.getByRole('radio', { name: 'Raw {{n}}' }).click();
  await expect(preview(page).getByTestId('wa-body')).toHaveText('Hi {{1}}, good news! Your order #{{2}} has shipped.');
  await page.getByRole('radio', { name: 'Sample values' }).click();
  await snapshot(page, 'templates-designer-order-shipped');

  // The Code tab holds the creation payload and a ready send payload.
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByTestId('code-create')).toContainText('"name": "order_shipped_designed"');
  await expect(page.getByTestId('code-send')).toContainText('"subType": "url"');
  await page.getByRole('radio', { name: 'curl' }).click();
  await expect(page.getByTestId('code-send')).toContainText('/api/v1/subaccounts/acme_corp_chatapps/messages');
  await snapshot(page, 'templates-designer-code');
  await page.getByRole('tab', { name: 'Preview' }).click();

  await submitAndExpectApproved(page, 'order_shipped_designed');
  await snapshot(page, 'templates-detail-approved');
});

test('build the abandoned-cart carousel (MARKETING, two image cards with quick replies) in dark mode', async ({ page }) => {
  await signIn(page, ADMIN);
  await startNew(page, 'retail_abandoned_cart_v1', 'MARKETING');
  await page.getByLabel('Message text').fill('Hi {{1}}, you left some items in your cart! Are you ready to complete your purchase?');
  await page.locator('#tpl-body-example-1').fill('Alex');
  await page.getByTestId('tpl-add-carousel').click();
  const items = ['Item 1: Running Shoes', 'Item 2: Sports Jacket'];
  for (const [k, text] of items.entries()) {
    await page.locator(`#tpl-card-${k}-header-media`).fill(`https://example.com/product_${k}.png`);
    await page.locator(`#tpl-card-${k}-body`).fill(text);
    await page.locator(`#tpl-card-${k}-button-0-text`).fill('Complete My Order');
  }
  const cards = preview(page).getByTestId('wa-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toContainText('Item 2: Sports Jacket');
  await expect(cards.nth(0).getByTestId('wa-button')).toHaveText('Complete My Order');
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect(page.getByTestId('phone-frame')).toHaveAttribute('data-theme', 'dark');
  await snapshot(page, 'templates-designer-carousel-dark');
  await submitAndExpectApproved(page, 'retail_abandoned_cart_v1');
});

test('build the OTP template (AUTHENTICATION, footer, copy-code button) and the delivery template (document header, three quick replies)', async ({ page }) => {
  await signIn(page, ADMIN);
  await startNew(page, 'finance_otp_v3', 'AUTHENTICATION');
  await page.getByLabel('Message text').fill('Your one-time passcode for your transaction is {{1}}.');
  await page.locator('#tpl-body-example-1').fill('123456');
  await page.getByTestId('tpl-add-footer').click();
  await page.getByLabel('Footer text').fill('This code expires in 5 minutes. Do not share it with anyone.');
  await page.getByTestId('tpl-add-buttons').click();
  await page.getByTestId('tpl-button-add-copy_code').click();
  await page.locator('#tpl-button-0-example').fill('123456');
  await expect(preview(page).getByTestId('wa-body')).toHaveText('Your one-time passcode for your transaction is 123456.');
  await expect(preview(page).getByTestId('wa-footer')).toHaveText('This code expires in 5 minutes. Do not share it with anyone.');
  await expect(preview(page).getByTestId('wa-button')).toHaveText('Copy code');
  await snapshot(page, 'templates-designer-otp');
  await submitAndExpectApproved(page, 'finance_otp_v3');

  await startNew(page, 'delivery_failed_v1', 'UTILITY');
  // The messaging spec sends this reference template on acme_corp_whatsapp; build ours on the other number.
  await page.getByLabel('WhatsApp channel').selectOption('acme_corp_main_whatsapp');
  await page.getByTestId('tpl-add-header').click();
  await page.getByLabel('Format').selectOption('DOCUMENT');
  await page.locator('#tpl-header-media').fill('https://example.com/delivery_note.pdf');
  await page
    .getByLabel('Message text')
    .fill("Hi {{1}}, we're sorry we missed you for your delivery (Order #{{2}}). We've attached the delivery note. What would you like to do?");
  await page.locator('#tpl-body-example-1').fill('Carlos');
  await page.locator('#tpl-body-example-2').fill('774-ABC');
  await page.getByTestId('tpl-add-buttons').click();
  for (const [k, text] of ['Reschedule', 'Change Address', 'Contact Support'].entries()) {
    await page.getByTestId('tpl-button-add-quick_reply').click();
    await page.locator(`#tpl-button-${k}-text`).fill(text);
  }
  await expect(preview(page).getByTestId('wa-header-placeholder')).toContainText('delivery_note.pdf');
  await expect(preview(page).getByTestId('wa-button')).toHaveText(['Reschedule', 'Change Address', 'Contact Support']);
  // A fourth button folds the list behind "See all options", as on the phone.
  await page.getByTestId('tpl-button-add-quick_reply').click();
  await page.locator('#tpl-button-3-text').fill('Call me');
  await expect(preview(page).getByTestId('wa-button')).toHaveText(['Reschedule', 'Change Address', 'See all options']);
  await snapshot(page, 'templates-designer-delivery-see-all');
  await page.getByRole('button', { name: 'Remove button' }).nth(3).click();
  await submitAndExpectApproved(page, 'delivery_failed_v1');
});

test('an invalid template shows its errors beside the fields and is not submitted', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/templates/new');
  await page.getByLabel('Name', { exact: true }).fill('Promo Blast!');
  await expect(page.getByText('Use only lower-case letters, digits and underscores in the name')).toBeVisible();
  await page.getByLabel('Message text').fill('{{1}} and {{3}}');
  await expect(page.getByText('Number the variables in order from {{1}}: {{2}} is missing')).toBeVisible();
  await page.getByTestId('tpl-add-footer').click();
  await page.getByLabel('Footer text').fill('x'.repeat(70));
  await page.getByTestId('submit-template').click();
  await expect(page.getByTestId('error-count')).toContainText('problems to fix');
  await expect(page.getByText('The footer can be at most 60 characters (it has 70)')).toBeVisible();
  await expect(page.getByText('Give a sample value for {{1}}')).toBeVisible();
  await snapshot(page, 'templates-designer-invalid');
  await expect(page).toHaveURL(/\/templates\/new$/);
  const list = await request.get('/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates?name=promo', { headers: auth });
  expect((await list.json()).data).toEqual([]);

  // The draft was autosaved on this device: a reload brings it back.
  await page.reload();
  await expect(page.getByText('Restored your unsaved draft')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Promo Blast!');
  await expect(page.getByLabel('Message text')).toHaveValue('{{1}} and {{3}}');

  // An edit made just before leaving (inside the autosave's pause) is kept too.
  await page.getByLabel('Name', { exact: true }).fill('promo_blast_v2');
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('promo_blast_v2');
});

test('without templates.view the templates pages answer 403 and the menu has no Templates item', async ({ page }) => {
  await signIn(page, ANALYST);
  await expect(page.getByRole('link', { name: 'Templates' })).toHaveCount(0);
  for (const path of ['/templates', '/templates/new']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
});

test('list filters live in the URL; duplicate, new language version and delete with confirmation', async ({ page, request }) => {
  const payload = {
    language: 'en_US',
    name: 'appointment_reminder_v1',
    category: 'UTILITY',
    components: [
      { type: 'BODY', text: 'Hi {{1}}, this is a reminder for your appointment on {{2}} at {{3}}.', examples: ['Maria', 'Nov 10, 2025', '10:30 AM'] },
    ],
  };
  const created = await request.post('/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates', { headers: auth, data: payload });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await signIn(page, ADMIN);
  await page.goto('/templates');
  await page.getByLabel('Category').selectOption('UTILITY');
  await expect(page).toHaveURL(/category=UTILITY/);
  await page.getByTestId('filter-name').fill('appointment');
  await expect(page).toHaveURL(/name=appointment/);
  await expect(page.getByTestId('template-row-appointment_reminder_v1-en_US')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('filter-name')).toHaveValue('appointment');
  await snapshot(page, 'templates-list-filtered');

  // New language version: the name is kept, the language changes.
  await page.goto(`/templates/${id}`);
  await page.getByTestId('new-language-version').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('appointment_reminder_v1');
  await page.getByLabel('Language').selectOption('es');
  await page.getByLabel('Message text').fill('Hola {{1}}, le recordamos su cita el {{2}} a las {{3}}.');
  await submitAndExpectApproved(page, 'appointment_reminder_v1');

  // Duplicate under a new name.
  await page.goto(`/templates/${id}`);
  await page.getByTestId('duplicate-template').click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('appointment_reminder_v1_copy');
  await submitAndExpectApproved(page, 'appointment_reminder_v1_copy');

  // Delete asks first.
  await page.getByTestId('delete-template').click();
  await expect(page.getByRole('dialog')).toContainText('This cannot be undone');
  await snapshot(page, 'templates-delete-confirm');
  await page.getByTestId('confirm-delete').click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByTestId('template-row-appointment_reminder_v1_copy-en_US')).toHaveCount(0);
  await expect(page.getByTestId('template-row-appointment_reminder_v1-es')).toBeVisible();
});

test('marketing wording: a UTILITY template is approved as MARKETING (re-categorised), an AUTHENTICATION one is rejected with INCORRECT_CATEGORY', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await startNew(page, 'spring_sale_notice', 'UTILITY');
  await page.getByLabel('Message text').fill('Hi {{1}}, our spring *sale* is on: 20% off everything this week!');
  await page.locator('#tpl-body-example-1').fill('Maria');
  await expect(preview(page).getByTestId('wa-body').locator('strong')).toHaveText('sale');
  await submitAndExpectApproved(page, 'spring_sale_notice');
  // The page reads the template row: the header shows the category WhatsApp moved it to.
  await expect(page.getByText(/· Marketing ·/)).toBeVisible();
  await expect(page.getByTestId('template-history-category')).toContainText('UTILITY → MARKETING');
  await snapshot(page, 'templates-detail-recategorised');
  await page.goto('/templates?name=spring_sale');
  await expect(page.getByTestId('template-row-spring_sale_notice-en_US')).toContainText('Marketing');

  await startNew(page, 'login_code_promo', 'AUTHENTICATION');
  await page.getByLabel('Message text').fill('Your passcode is {{1}}. Enjoy 20% off your next order!');
  await page.locator('#tpl-body-example-1').fill('123456');
  await page.getByTestId('submit-template').click();
  await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'REJECTED', { timeout: 20_000 });
  await expect(page.getByTestId('template-reason')).toContainText('INCORRECT_CATEGORY');
  await expect(page.getByText('Resubmit it as MARKETING')).toBeVisible();
  await expect(page.getByTestId('template-history-category')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await snapshot(page, 'templates-detail-rejected-mobile');
});
