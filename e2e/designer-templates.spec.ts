import { expect, test, type Page } from '@playwright/test';
import { ADMIN, ANALYST, signIn } from './fixtures';
import { auth, getTemplate, screenshots, submitTemplate, TEMPLATES, uniqueMsisdn, uniqueName } from './designer-helpers';

// Issue 17, items 9–11: editing templates as WhatsApp allows, the designer judging as the API does,
// and sending an approved template from its page to a phone on the Simulator.

const body = (text: string, examples?: string[]) => [{ type: 'BODY', text, ...(examples ? { examples } : {}) }];
const history = (page: Page) => page.getByTestId('template-history');

test('a REJECTED template is edited and resubmitted: version 2 goes to review and is approved', async ({ page, request }) => {
  const name = uniqueName('parcel_notice');
  const t = await submitTemplate(request, { name, components: body('Your parcel is on its way: track it at https://bit.ly/abc today.') }, 'REJECTED');
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}`);
  await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'REJECTED');
  await expect(page.getByTestId('template-reason')).toContainText('INVALID_FORMAT');
  await screenshots(page, 'template-rejected');

  await page.getByTestId('edit-and-resubmit').click();
  await expect(page).toHaveURL(new RegExp(`/templates/${t.id}/edit$`));
  // WhatsApp keeps the name and language; a rejected template may change its category.
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Language')).toBeDisabled();
  await expect(page.getByLabel('Category')).toBeEnabled();
  await expect(page.getByLabel('Message text')).toHaveValue('Your parcel is on its way: track it at https://bit.ly/abc today.');
  await page.getByLabel('Message text').fill('Your parcel is on its way: track it in the app today.');
  await screenshots(page, 'template-edit');
  await page.getByRole('button', { name: 'Submit version 2 for review' }).click();

  await expect(page).toHaveURL(new RegExp(`/templates/${t.id}$`));
  await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'APPROVED', { timeout: 20_000 });
  await expect(history(page)).toContainText('Version 2 resubmitted (REJECTED → PENDING)');
  await expect(history(page).locator('[data-version="2"]').last()).toContainText('PENDING → APPROVED');
  await expect(history(page).locator('[data-version="1"]').nth(1)).toContainText('PENDING → REJECTED · INVALID_FORMAT');
  expect((await getTemplate(request, name)).components).toEqual(body('Your parcel is on its way: track it in the app today.'));
});

test('an APPROVED template gets a new version: the approved one keeps sending while it is reviewed, and stays if it is rejected', async ({ page, request }) => {
  const name = uniqueName('table_booked');
  const v1 = body('Your table is booked for tonight.');
  const t = await submitTemplate(request, { name, components: v1 });
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}`);
  await page.getByTestId('edit-template').click();
  await expect(page.getByTestId('edit-live-note')).toContainText('Version 1 stays approved and in use while WhatsApp reviews version 2');
  // An approved template's category cannot change.
  await expect(page.getByLabel('Category')).toBeDisabled();
  await expect(page.getByTestId('tpl-category-locked').or(page.getByText('does not let an approved template change its category'))).toBeVisible();
  // A link shortener: the sandbox reviewer rejects this version.
  await page.getByLabel('Message text').fill('Your table is booked for tonight: see https://bit.ly/menu');
  await page.getByRole('button', { name: 'Submit version 2 for review' }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${t.id}$`));

  await expect(history(page)).toContainText('Version 2 submitted for review · version 1 stays live');
  await expect(history(page).locator('[data-version="2"]').last()).toContainText('PENDING → REJECTED · INVALID_FORMAT', { timeout: 20_000 });
  // Version 1 is still the approved template, for the page, the API and sends.
  await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'APPROVED');
  expect(await getTemplate(request, name)).toMatchObject({ status: 'APPROVED', components: v1 });
  const send = await request.post('/api/v1/subaccounts/acme_corp_chatapps/messages', {
    headers: auth,
    data: { user: { msisdn: uniqueMsisdn() }, type: 'template', content: { template: { name, language: 'en_US' } } },
  });
  expect(send.status()).toBe(200);
  await screenshots(page, 'template-edit-rejected');

  // WhatsApp allows an approved template one edit a day: the page says so instead of offering Edit.
  await expect(page.getByTestId('edit-template')).toHaveCount(0);
  await expect(page.getByTestId('edit-blocked')).toContainText('WhatsApp allows an approved template one edit in 24 hours');
  await page.goto(`/templates/${t.id}/edit`);
  await expect(page.getByTestId('edit-blocked')).toContainText('one edit in 24 hours');
});

test('an approved edit becomes the template: version 2 is live and the history shows both versions', async ({ page, request }) => {
  const name = uniqueName('order_packed');
  const t = await submitTemplate(request, { name, components: body('Your order has been packed.') });
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}/edit`);
  await page.getByLabel('Message text').fill('Your order has been packed and ships tomorrow.');
  await page.getByRole('button', { name: 'Submit version 2 for review' }).click();
  await expect(page).toHaveURL(new RegExp(`/templates/${t.id}$`));
  await expect(history(page).locator('[data-version="2"]').last()).toContainText('PENDING → APPROVED', { timeout: 20_000 });
  await expect(page.getByTestId('template-version')).toHaveText('Version 2');
  await expect(page.getByTestId('template-preview').getByTestId('wa-body')).toHaveText('Your order has been packed and ships tomorrow.');
  expect((await getTemplate(request, name)).components).toEqual(body('Your order has been packed and ships tomorrow.'));
});

test('the designer judges as the API does: a body starting with a variable, a taken name at the Name field', async ({ page, request }) => {
  const taken = uniqueName('taken_name');
  await submitTemplate(request, { name: taken, components: body('Hello there, your order is ready.') });
  await signIn(page, ADMIN);
  await page.goto('/templates/new');
  await page.getByLabel('WhatsApp channel').selectOption('acme_corp_whatsapp');

  await page.getByLabel('Name', { exact: true }).fill(taken);
  const nameError = page.locator('#tpl-name-error');
  await expect(nameError).toHaveText(`A template named '${taken}' in language 'en_US' already exists on this channel`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Message text').fill('{{1}} is your order number, thanks for shopping with us.');
  await page.locator('#tpl-body-example-1').fill('123');
  await expect(page.locator('#tpl-body-error')).toHaveText('The message body cannot start with a variable: add some words before it');
  await page.getByTestId('submit-template').click();
  await expect(page.getByTestId('error-count')).toContainText('2 problems');
  await screenshots(page, 'designer-errors');
  // The API refuses the same draft for the same reason.
  const api = await request.post(TEMPLATES, {
    headers: auth,
    data: {
      name: uniqueName('api_probe'),
      language: 'en_US',
      category: 'UTILITY',
      components: body('{{1}} is your order number, thanks for shopping with us.', ['123']),
    },
  });
  expect(api.status()).toBe(400);
  expect((await api.json()).errors).toEqual([
    { path: 'components.0.text', message: 'The message body cannot start with a variable: add some words before it' },
  ]);

  // Fixed, the name taken in another language is free: it submits.
  await page.getByLabel('Message text').fill('Thanks for shopping with us, your order number is {{1}}.');
  await page.getByLabel('Language').selectOption('es');
  await expect(nameError).toHaveCount(0);
  await page.getByTestId('submit-template').click();
  await expect(page).toHaveURL(/\/templates\/(?!new)[^/?]+$/);
});

test('a taken name that slips past the live check is shown at the Name field on submit, not only in a toast', async ({ page, request }) => {
  const name = uniqueName('raced_name');
  await signIn(page, ADMIN);
  await page.goto('/templates/new');
  await page.getByLabel('WhatsApp channel').selectOption('acme_corp_whatsapp');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Message text').fill('Hello there, your order is ready.');
  // Someone else submits the same name meanwhile.
  expect((await request.post(TEMPLATES, { headers: auth, data: { name, language: 'en_US', category: 'UTILITY', components: body('Hi.') } })).status()).toBe(
    201,
  );
  await page.getByTestId('submit-template').click();
  await expect(page.locator('#tpl-name-error')).toHaveText(`A template named '${name}' in language 'en_US' already exists on this channel`);
  await expect(page).toHaveURL(/\/templates\/new$/);
});

test('New language starts in the account’s most used language, not the first of the list', async ({ page, request }) => {
  // This account writes most of its templates in Brazilian Portuguese.
  for (const n of ['pt_one', 'pt_two', 'pt_three'])
    expect(
      (
        await request.post(TEMPLATES, { headers: auth, data: { name: uniqueName(n), language: 'pt_BR', category: 'UTILITY', components: body('Olá.') } })
      ).status(),
    ).toBe(201);
  const t = await submitTemplate(request, { name: uniqueName('welcome_note'), components: body('Welcome aboard.') });
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}`);
  await page.getByTestId('new-language-version').click();
  await expect(page.getByLabel('Language')).toHaveValue('pt_BR');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(t.name);
});

test('Send on an approved template: subaccount, number and parameters with the preview, and it arrives on the Simulator', async ({ page, request }) => {
  const name = uniqueName('shipped_send');
  const t = await submitTemplate(request, {
    name,
    components: [
      ...body('Hi {{1}}, good news! Your order #{{2}} has shipped.', ['Maria', '987-XYZ']),
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track Your Order', url: 'https://your.tracker.com/track/{{1}}', examples: ['987-XYZ'] }] },
    ],
  });
  const msisdn = uniqueMsisdn();
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}`);
  await page.getByTestId('send-template').click();
  await expect(page).toHaveURL(new RegExp(`/templates/${t.id}/send$`));
  await expect(page.getByLabel('Subaccount')).toHaveValue('acme_corp_chatapps');
  await page.getByLabel('Customer number').fill(msisdn);
  await page.getByLabel('Body {{1}}').fill('Carlos');
  await page.getByLabel('Body {{2}}').fill('774-ABC');
  await page.getByLabel('Button 1 URL suffix').fill('774-ABC');
  const preview = page.getByTestId('send-preview');
  await expect(preview.getByTestId('wa-body')).toHaveText('Hi Carlos, good news! Your order #774-ABC has shipped.');
  await expect(preview.getByTestId('wa-button')).toHaveAttribute('title', 'https://your.tracker.com/track/774-ABC');
  await screenshots(page, 'template-send');
  await page.getByTestId('send-template-submit').click();
  await expect(page.getByTestId('send-result')).toContainText(`Queued for ${msisdn}`);

  await page.getByTestId('open-simulator').click();
  await expect(page).toHaveURL(/\/simulator\?/);
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${msisdn}"]`);
  await expect(phone.getByTestId('wa-template')).toContainText('Hi Carlos, good news! Your order #774-ABC has shipped.');
  await expect(phone.getByTestId('wa-bubble-business').getByTestId('wa-status').locator('[data-state="read"]')).toBeVisible({ timeout: 15_000 });
  // The send went through the pipeline: the Logs API has it, with its parameters.
  const logs = await (await request.get(`/api/v1/subaccounts/acme_corp_chatapps/messages?msisdn=${encodeURIComponent(msisdn)}`, { headers: auth })).json();
  expect(logs.data[0]).toMatchObject({ direction: 'outbound', type: 'template', templateName: name, category: 'utility' });
});

test('Send refuses a number that is not E.164 beside the field; without Send Messages the page is 403', async ({ page, browser, request }) => {
  const t = await submitTemplate(request, { name: uniqueName('no_params'), components: body('Your visit is confirmed.') });
  await signIn(page, ADMIN);
  await page.goto(`/templates/${t.id}/send`);
  await expect(page.getByText('This template has no variables: it is sent as written.')).toBeVisible();
  await page.getByLabel('Customer number').fill('12');
  await page.getByTestId('send-template-submit').click();
  await expect(page.locator('#send-msisdn-error')).toHaveText('Must be an E.164 number with country code');

  const analyst = await browser.newPage();
  await signIn(analyst, ANALYST);
  expect((await analyst.goto(`/templates/${t.id}/send`))?.status()).toBe(403);
  await analyst.close();
});
