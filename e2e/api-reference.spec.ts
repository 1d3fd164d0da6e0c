import { expect, test, type Page } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, expectNoSidewaysScroll } from './fixtures';

// The API reference page: the OpenAPI document rendered by Scalar inside the console, with curl and
// TypeScript examples, and "try it" reaching this server with a key the reader pastes. Read-only: the
// one request it sends is a GET, so it leaves nothing behind for later specs.

/** Requests to anywhere but this server: the page must work offline (no CDN fonts, proxy or telemetry). */
function watchOutside(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.hostname !== 'localhost' && u.hostname !== '127.0.0.1') outside.push(r.url());
  });
  return outside;
}

async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
}

test('the API reference shows the send operation with curl and TypeScript, and tries a call with the user’s key', async ({ page }) => {
  const outside = watchOutside(page);
  await signIn(page, ADMIN);
  await page.goto('/settings/api-keys');
  await page.getByRole('main').getByRole('link', { name: 'API reference' }).click();
  await expect(page).toHaveURL(/\/settings\/api-reference$/);
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  const reference = page.getByTestId('api-reference');
  await expect(reference.getByRole('heading', { name: 'Parley REST API' })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'api-reference-1280-light');

  // The send operation, found from the sidebar, with its curl example against this server.
  await reference.getByRole('link', { name: 'Send a message' }).first().click();
  const send = reference
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Send a message', exact: true }) })
    .last();
  await expect(send.getByText('Permission: Send Messages')).toBeVisible();
  const example = send.locator('pre').first();
  await expect(example).toContainText('curl http://localhost:');
  await expect(example).toContainText('/api/v1/subaccounts/');
  await expect(example).toContainText('"msisdn": "+6591234567"');
  await shot(page, 'api-reference-send-curl');

  // The TypeScript example of the same operation.
  await send.getByRole('button', { name: /Shell Curl/ }).click();
  await page.getByRole('option', { name: 'TypeScript' }).click();
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the example's own template literal
  await expect(example).toContainText('Authorization: `Bearer ${process.env.PARLEY_API_KEY}`');
  await expect(example).toContainText('const error: ParleyError = await res.json();');
  await shot(page, 'api-reference-send-typescript');
  await send
    .getByRole('button', { name: /TypeScript/ })
    .first()
    .click();
  await page.getByRole('option', { name: 'Curl' }).click();
  await expect(example).toContainText('curl http://localhost:');

  // The key goes into Scalar's Authentication (stored keys are hashed: the page never has one to show),
  // and a harmless GET goes to this server from "try it".
  await reference.getByLabel('Bearer Token').first().fill(E2E_API_KEY);
  await reference.getByRole('button', { name: 'Open Group - Account' }).click();
  await reference.getByRole('link', { name: 'List subaccounts and channels' }).first().click();
  const list = reference
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'List subaccounts and channels', exact: true }) })
    .last();
  await expect(list.locator('pre').first()).toContainText(`Authorization: Bearer ${E2E_API_KEY}`);
  await list.getByRole('button', { name: 'Test Request' }).click();
  const client = page.getByRole('dialog');
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/accounts/acme_corp/subaccounts') && r.request().method() === 'GET');
  await client.getByRole('button', { name: /^Send/ }).first().click();
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(response.request().headers().authorization).toBe(`Bearer ${E2E_API_KEY}`);
  await expect(client.getByText('200 OK')).toBeVisible();
  await expect(client.getByText('"acme_corp_main_whatsapp"').first()).toBeVisible();
  await shot(page, 'api-reference-try-it');
  await page.keyboard.press('Escape');

  expect(outside).toEqual([]);
});

test('the OpenAPI document is public JSON, and the page reads well at 1440 and 390 px and in the dark theme', async ({ page, request }) => {
  const doc = await request.get('/api/v1/openapi.json');
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe('3.1.0');

  const outside = watchOutside(page);
  await signIn(page, ADMIN);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/settings/api-reference');
  const reference = page.getByTestId('api-reference');
  await expect(reference.getByRole('heading', { name: 'Parley REST API' })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'api-reference-1440-light');

  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.locator('body')).toHaveClass(/dark-mode/);
  await shot(page, 'api-reference-1440-dark');
  await page.setViewportSize({ width: 1280, height: 800 });
  await reference.getByRole('link', { name: 'Send a message' }).first().click();
  await shot(page, 'api-reference-1280-dark');

  await page.getByRole('button', { name: /Switch to light theme/ }).click();
  await expect(page.locator('body')).toHaveClass(/light-mode/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/settings/api-reference');
  await expect(reference.getByRole('heading', { name: 'Parley REST API' })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'api-reference-390');
  // Nothing wider than the screen but the code blocks, which scroll on their own.
  await expectNoSidewaysScroll(page, 'the API reference at 390 px');
  expect(outside).toEqual([]);
});
