import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, expectNoSidewaysScroll } from './fixtures';

// A marketer's whole campaign, in a real browser: a CSV with good and bad rows, the template, the
// mapping, the review (counts, problem report, previews, a test send), sending, and the messages
// arriving on the Simulator's phones.

const SUB = 'acme_corp_chatapps';
const auth = { authorization: `Bearer ${E2E_API_KEY}` };
const AUDIENCE = 'e2e/fixtures/campaign-audience.csv';
const TEST_NUMBER = '+15550109999';

async function approvedTemplate(request: APIRequestContext, name: string) {
  const creation = JSON.parse(fs.readFileSync('lib/templates/fixtures/reference-creation-payloads.json', 'utf8')) as { name: string }[];
  const created = await request.post('/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates', {
    headers: auth,
    data: creation.find((t) => t.name === name),
  });
  expect([201, 409]).toContain(created.status());
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates/${name}?language=en_US`, { headers: auth })).json()).status,
      { timeout: 15_000 },
    )
    .toBe('APPROVED');
}

/** What a person sees, at the widths and themes the console must look right in. */
async function screens(page: Page, name: string) {
  const original = page.viewportSize()!;
  const shots: [number, 'light' | 'dark'][] = [
    [1280, 'light'],
    [1280, 'dark'],
    [1440, 'light'],
    [1440, 'dark'],
    [390, 'light'],
  ];
  for (const [width, theme] of shots) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    // Nothing may push the page sideways on a phone.
    if (width === 390) await expectNoSidewaysScroll(page, `${name} at 390 px`);
    await page.screenshot({ path: `test-results/screens/campaigns-${name}-${width}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(original);
}

async function simulatorPhone(page: Page, msisdn: string) {
  await page.goto('/simulator');
  await page.getByLabel('Subaccount').selectOption(SUB);
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${msisdn}"]`);
  if (!(await phone.count())) {
    await page.getByLabel('Add a customer').fill(msisdn);
    await page.getByRole('button', { name: 'Add phone' }).click();
  }
  return phone;
}

test('a CSV campaign from upload to delivered, with its problem report, previews, a test send and the results', async ({ page, context, request }) => {
  test.setTimeout(180_000);
  await approvedTemplate(request, 'order_shipped_v2');
  await signIn(page, ADMIN);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await screens(page, 'list-empty');
  await page.getByTestId('new-campaign').click();

  // 1. Audience: the file is read in the browser and uploaded at the same time.
  await page.setInputFiles('#audience-file', AUDIENCE);
  await expect(page.getByTestId('audience-rows')).toHaveText('8 recipients');
  await expect(page.getByTestId('upload-progress')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('audience-delimiter')).toHaveText('Semicolon');
  await expect(page.getByTestId('audience-encoding')).toHaveText('UTF-8');
  const columns = page.getByTestId('audience-columns');
  await expect(columns).toContainText('first_name');
  await expect(columns).toContainText('José');
  await page.getByLabel('Campaign name').fill('E2E order updates');
  await screens(page, 'wizard-audience');
  await page.getByTestId('wizard-next').click();

  // 2. Template, with its live preview.
  await page.getByLabel('Send from').selectOption(SUB);
  await page.getByTestId('template-option-order_shipped_v2').click();
  await expect(page.getByTestId('campaign-preview')).toContainText('good news! Your order');
  await screens(page, 'wizard-template');
  await page.getByTestId('wizard-next').click();

  // 3. Mapping: the phone column is found; unmapped variables block the review, each with its reason.
  await expect(page.getByLabel('Phone number column')).toHaveValue('phone');
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('step-blocker')).toContainText('not mapped');
  await expect(page.getByTestId('slot-body.1').getByTestId('slot-problem')).toContainText('Choose the column');
  await page.getByLabel('Default country').selectOption('US');
  await page.getByLabel('Body {{1}}: column').selectOption('first_name');
  await page.getByLabel('Body {{1}}: fallback for empty cells').fill('there');
  await page.getByLabel('Body {{2}}: column').selectOption('order_id');
  await page.getByLabel('Button 1 URL suffix: column').selectOption('order_id');
  await expect(page.getByTestId('slot-problem')).toHaveCount(0);
  await expect(page.getByTestId('campaign-preview')).toContainText('Hi Ana, good news! Your order #A-1001 has shipped.');
  await page.getByRole('button', { name: 'Next sample row' }).click();
  await expect(page.getByTestId('campaign-preview')).toContainText('Hi José');
  await screens(page, 'wizard-mapping');
  await page.getByTestId('wizard-next').click();

  // 4. Review: what happens to each row, and why.
  await expect(page).toHaveURL(/\/campaigns\/(?!new\b)[^/?]+$/, { timeout: 30_000 });
  const draftUrl = page.url();

  // The draft is kept: back to its mapping (restored, with its stored CSV's rows in the preview), a
  // change, and the review again makes a new draft in its place.
  await page.getByTestId('back-to-mapping').click();
  await expect(page.getByLabel('Body {{1}}: column')).toHaveValue('first_name');
  await expect(page.getByLabel('Body {{1}}: fallback for empty cells')).toHaveValue('there');
  await expect(page.getByTestId('campaign-preview')).toContainText('Hi Ana, good news!');
  await page.getByLabel('Body {{1}}: fallback for empty cells').fill('friend');
  await page.getByTestId('wizard-next').click();
  await expect(page).toHaveURL(/\/campaigns\/(?!new\b)[^/?]+$/, { timeout: 30_000 });
  expect(page.url()).not.toBe(draftUrl);
  expect((await page.goto(draftUrl))?.status()).toBe(404);
  await page.goBack();
  const campaignUrl = page.url();
  await expect(page.getByTestId('count-rows').locator('[data-value]')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('count-valid').locator('[data-value]')).toHaveAttribute('data-value', '5');
  await expect(page.getByTestId('count-invalid').locator('[data-value]')).toHaveAttribute('data-value', '2');
  await expect(page.getByTestId('count-duplicates').locator('[data-value]')).toHaveAttribute('data-value', '1');
  const problems = page.getByTestId('problems-card');
  await expect(problems.locator('[data-testid="problem-row"][data-row="5"]')).toContainText('phone');
  await expect(problems.locator('[data-testid="problem-row"][data-row="6"]')).toContainText('Duplicate');
  // Row 7's order_id is empty and fills two variables without a fallback: two problems, one line each.
  await expect(problems.locator('[data-testid="problem-row"][data-row="7"]')).toHaveCount(2);
  await expect(problems.locator('[data-testid="problem-row"][data-row="7"]').first()).toContainText('order_id');

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-problems').click()]);
  const csv = fs.readFileSync((await report.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + 4);
  expect(lines[0]).toMatch(/row/i);
  expect(lines.find((l) => l.startsWith('5,'))).toMatch(/invalid/);
  expect(lines.find((l) => l.startsWith('6,'))).toMatch(/duplicate/);
  expect(lines.find((l) => l.startsWith('7,'))).toMatch(/order_id/);

  // Stepping through the recipients' messages, then to a row by its number.
  const preview = page.getByTestId('campaign-preview');
  await expect(preview).toContainText('Hi Ana, good news! Your order #A-1001 has shipped.');
  await page.getByRole('button', { name: 'Next recipient' }).click();
  await expect(preview).toContainText('Hi José');
  await expect(page.getByTestId('preview-msisdn')).toHaveText('+15550100002');
  await page.getByRole('button', { name: 'Next recipient' }).click();
  await expect(preview).toContainText('Hi friend, good news! Your order #A-1003');
  await page.getByLabel('Row', { exact: true }).fill('8');
  await page.getByLabel('Row', { exact: true }).press('Enter');
  await expect(preview).toContainText('Hi Eve');
  await page.getByRole('button', { name: 'Previous recipient' }).click();
  await expect(preview).toContainText('Hi friend');
  await screens(page, 'review');

  // A test send of the row on screen arrives on the Simulator's phone.
  await page.getByLabel('Test number').fill(TEST_NUMBER);
  await page.getByTestId('send-test').click();
  await expect(page.getByTestId('test-sent')).toBeVisible();
  const sim = await context.newPage();
  const testPhone = await simulatorPhone(sim, TEST_NUMBER);
  await expect(testPhone.getByTestId('wa-template')).toContainText('Hi friend, good news! Your order #A-1003 has shipped.');

  // Send now, and watch it finish.
  await page.getByTestId('launch').click();
  await page.getByTestId('confirm-launch').click();
  await expect(page.getByTestId('progress-card')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'completed', { timeout: 60_000 });
  await expect(page.getByTestId('campaign-progress')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('progress-percent')).toHaveText('100%');
  // The sandbox delivers within about a second, except to numbers ending 0000 (unreachable).
  await expect(page.getByTestId('counter-delivered').locator('[data-value]')).toHaveAttribute('data-value', '4', { timeout: 20_000 });
  await expect(page.getByTestId('counter-failed').locator('[data-value]')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('recipient-row')).toHaveCount(8);
  await expect(page.getByTestId('timeline-chart')).toBeVisible();
  await screens(page, 'campaign');

  // The messages arrived on the recipients' phones.
  const ana = await simulatorPhone(sim, '+15550100001');
  await expect(ana.getByTestId('wa-template')).toContainText('Hi Ana, good news! Your order #A-1001 has shipped.');
  const jose = await simulatorPhone(sim, '+15550100002');
  await expect(jose.getByTestId('wa-template')).toContainText('Hi José');

  // The results: every row with what became of it.
  const [results] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-results').click()]);
  const rows = fs
    .readFileSync((await results.path())!, 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(rows).toHaveLength(1 + 9);
  expect(rows.find((l) => l.startsWith('2,'))).toMatch(/\+15550100001,(delivered|read)/);
  expect(rows.find((l) => l.startsWith('9,'))).toMatch(/failed/);

  // The list shows it done.
  await page.goto('/campaigns?status=completed');
  await expect(page.getByTestId('campaign-row').filter({ hasText: 'E2E order updates' })).toContainText('Completed');
  await screens(page, 'list');
  await page.goto(campaignUrl);
  await expect(page.getByTestId('campaign-status')).toHaveAttribute('data-status', 'completed');
});
