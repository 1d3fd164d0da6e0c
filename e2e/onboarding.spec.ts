import crypto from 'node:crypto';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { startFake8x8, type Fake8x8 } from '../test/fake-8x8/fake-8x8-server';
import { ADMIN, signIn, expectNoSidewaysScroll } from './fixtures';
import { e2eDatabaseUrl } from './database-url';

// A partner admin onboards a customer from nothing: an account in Europe, a subaccount, a WhatsApp
// number on 8x8 (the fake 8x8 server at PARLEY_8X8_BASE_URL, see playwright.config.ts), then sends a
// test message from the channel page, and suspends and resumes the account.

const port = Number(process.env.E2E_PORT ?? 3210);
const suffix = crypto.randomBytes(3).toString('hex');
// Named to sort after the seeded accounts: an admin without an account cookie lands on the first one.
const ACCOUNT = { id: `zulu_retail_${suffix}`, name: `Zulu Retail ${suffix}` };
const SUB = { id: `zulu_support_${suffix}`, name: 'Zulu Support' };
const CHANNEL_ID = `${SUB.id}_whatsapp`;
const CREDENTIALS = { apiKey: `eightbyeight-key-${suffix}-secret`, subAccountId: `ZuluEU_${suffix}`, webhookSecret: `whsec-${suffix}-hidden` };
const TEMPLATE = `zulu_order_update_${suffix}`;

let fake: Fake8x8;
// The second test suspends the account the first one made: one worker, in order, stopping at a failure.
test.describe.configure({ mode: 'serial' });

function db(...args: string[]) {
  execFileSync('npx', ['tsx', 'e2e/onboarding.db.ts', ...args], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
}

test.beforeAll(async () => {
  fake = await startFake8x8({ port: port + 1 });
});

test.afterAll(async () => {
  await fake?.close();
  // Later specs count the partner's accounts ("2 of 3 selected"): the account made here goes again.
  db('remove-account', ACCOUNT.id);
});

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
    if (width === 390) await expectNoSidewaysScroll(page, `${name} at 390 px`);
    await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', `onboarding-${name}-${width}-${theme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(original);
}

/** Neither the page nor its HTML (the RSC payload included) holds a secret. */
async function expectNoSecrets(page: Page) {
  const html = await page.content();
  for (const secret of [CREDENTIALS.apiKey, CREDENTIALS.webhookSecret]) {
    expect(html).not.toContain(secret);
    await expect(page.getByText(secret)).toHaveCount(0);
  }
}

test('a partner admin onboards a customer on 8x8 and sends from the channel page', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);

  // Partners → Accounts: a new account in Europe (Asia Pacific is preselected, as the reference's first region).
  await page.goto('/partners/accounts');
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await page.getByRole('button', { name: 'New account' }).click();
  await expect(page.getByLabel('Platform region', { exact: true })).toHaveValue('apac');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a name')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(ACCOUNT.name);
  await expect(page.getByLabel('Account id', { exact: true })).toHaveValue(ACCOUNT.id);
  await page.getByLabel('Platform region', { exact: true }).selectOption({ label: 'Europe' });
  await expect(page.getByText('Sends through chatapps.8x8.uk')).toBeVisible();
  await screens(page, 'new-account');
  await page.getByRole('button', { name: 'Create account' }).click();
  const row = page.locator(`[data-testid="account-row"][data-account="${ACCOUNT.id}"]`);
  await expect(row).toContainText('Europe');
  await expect(row).toContainText('Active');
  // The same id again is refused beside the field.
  await page.getByRole('button', { name: 'New account' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Another Zulu');
  await page.getByLabel('Account id', { exact: true }).fill(ACCOUNT.id);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`The id '${ACCOUNT.id}' is already taken`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await screens(page, 'accounts');

  // Work inside the new account.
  await page.getByRole('button', { name: /Customer account:/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(ACCOUNT.name) }).click();
  await expect(page.getByRole('button', { name: new RegExp(`Customer account: ${ACCOUNT.name}`) })).toBeVisible();

  // Settings → Channels: a subaccount, then a WhatsApp number on 8x8.
  await page.goto('/settings/channels');
  await expect(page.locator(`[data-subaccount="${ACCOUNT.id}"]`)).toContainText('No channels yet');
  await page.getByRole('button', { name: 'New subaccount' }).click();
  await page.getByLabel('Name', { exact: true }).fill(SUB.name);
  await page.getByLabel('Subaccount id', { exact: true }).fill(SUB.id);
  await page.getByRole('button', { name: 'Create subaccount' }).click();
  await expect(page.locator(`[data-subaccount="${SUB.id}"]`)).toBeVisible();

  await page.getByRole('button', { name: `Add a channel to ${SUB.name}` }).click();
  await expect(page.getByLabel('8x8 API key', { exact: true })).toHaveCount(0);
  await page.getByLabel('Provider', { exact: true }).selectOption('8x8');
  await expect(page.getByLabel('Channel id', { exact: true })).toHaveValue(CHANNEL_ID);
  await page.getByLabel('WhatsApp number', { exact: true }).fill('12345');
  await page.getByRole('button', { name: 'Add channel' }).last().click();
  await expect(page.getByText('A WhatsApp number in E.164, such as +6591234567')).toBeVisible();
  await expect(page.getByText('Enter the 8x8 API key')).toBeVisible();
  await page.getByLabel('WhatsApp number', { exact: true }).fill('+447700900321');
  await page.getByLabel('8x8 API key', { exact: true }).fill(CREDENTIALS.apiKey);
  await page.getByLabel('8x8 subaccount id', { exact: true }).fill(CREDENTIALS.subAccountId);
  await page.getByLabel('Webhook secret', { exact: true }).fill(CREDENTIALS.webhookSecret);
  await screens(page, 'add-channel');
  await page.getByRole('button', { name: 'Add channel' }).last().click();

  // The channel page: provider, region base URL, the webhook URL for 8x8, credentials only as "set".
  await expect(page).toHaveURL(new RegExp(`/settings/channels/${CHANNEL_ID}$`));
  await expect(page.getByTestId('channel-credentials')).toHaveText('Set');
  await expect(page.getByTestId('channel-base-url')).toHaveText(`http://localhost:${port + 1}`);
  await expect(page.getByTestId('channel-webhook-url')).toHaveText(`http://localhost:${port}/api/providers/8x8/${CHANNEL_ID}/webhooks`);
  await expect(page.getByText('Nothing sent yet')).toBeVisible();
  await expectNoSecrets(page);

  // A text to a customer who never wrote: WhatsApp's 24 h window refuses it, and the page says why.
  await page.getByLabel('To', { exact: true }).fill('+447700900123');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('test-send-state')).toHaveText('undelivered', { timeout: 20_000 });
  await expect(page.getByText('the customer has not written in the last 24 hours')).toBeVisible();

  // With a template WhatsApp approved, the message goes to 8x8 as the channel's 8x8 subaccount, with its key.
  db('approve-template', CHANNEL_ID, TEMPLATE);
  await page.reload();
  await page.getByLabel('To', { exact: true }).fill('+447700900123');
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue(`template:${TEMPLATE}:en_US`);
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByTestId('test-send-result')).toBeVisible();
  const sendPath = `/api/v1/subaccounts/${CREDENTIALS.subAccountId}/messages`;
  await expect.poll(() => fake.requests.filter((r) => r.method === 'POST' && r.path === sendPath).length, { timeout: 20_000 }).toBe(1);
  const sent = fake.requests.find((r) => r.path === sendPath)!;
  expect(sent.headers.authorization).toBe(`Bearer ${CREDENTIALS.apiKey}`);
  expect(sent.body).toMatchObject({ user: { msisdn: '+447700900123' }, type: 'template', content: { template: { name: TEMPLATE, language: 'en_US' } } });
  // 8x8 answered "queued"; its status webhook (not played here) moves the message on.
  await expect(page.getByTestId('test-send-state')).toHaveText('queued');
  await page.reload();
  await expect(page.getByText('Nothing sent yet')).toHaveCount(0);
  await expectNoSecrets(page);
  await screens(page, 'channel');

  // Rotating one secret keeps the others; the page still shows only "Set".
  await page.getByRole('button', { name: 'Rename or rotate credentials' }).click();
  await page.getByLabel('Webhook secret', { exact: true }).fill(`${CREDENTIALS.webhookSecret}-2`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Channel saved; credentials rotated')).toBeVisible();
  await expectNoSecrets(page);

  await page.goto('/settings/channels');
  await expect(page.locator(`[data-channel="${CHANNEL_ID}"]`)).toContainText('Set');
  await expectNoSecrets(page);
  await screens(page, 'channels');
});

test('a partner admin suspends an account and resumes it; the console says so meanwhile', async ({ page, context }) => {
  await signIn(page, ADMIN);
  await context.addCookies([{ name: 'parley_account', value: ACCOUNT.id, url: page.url() }]);
  await page.goto('/partners/accounts');
  const row = page.locator(`[data-testid="account-row"][data-account="${ACCOUNT.id}"]`);
  await row.getByRole('button', { name: `Suspend ${ACCOUNT.name}` }).click();
  await expect(page.getByRole('dialog')).toContainText('Its API keys are refused');
  await page.getByTestId('confirm-account-status').click();
  await expect(row).toContainText('Suspended');
  await expect(page.getByTestId('suspended-banner')).toContainText(`${ACCOUNT.name} is suspended`);
  await screens(page, 'suspended');

  // The channel page refuses a send while suspended, and says why.
  await page.goto(`/settings/channels/${CHANNEL_ID}`);
  await page.getByLabel('To', { exact: true }).fill('+447700900123');
  await page.getByRole('button', { name: 'Send test message' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'is suspended' })).toBeVisible();

  await page.goto('/partners/accounts');
  await row.getByRole('button', { name: `Resume ${ACCOUNT.name}` }).click();
  await page.getByTestId('confirm-account-status').click();
  await expect(row).toContainText('Active');
  await expect(page.getByTestId('suspended-banner')).toHaveCount(0);
});
