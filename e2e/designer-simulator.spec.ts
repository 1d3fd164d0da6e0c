import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { auth, screenshots, SUB, submitTemplate, uniqueMsisdn, uniqueName } from './designer-helpers';

// Issue 17, item 12: the Simulator's ticks sit in the bubbles, its composer is on screen at 1440×900,
// and the phones a user adds are kept for them on the server.

test('the read ticks sit inside the business’s bubble, beside the time', async ({ page, request }) => {
  const name = uniqueName('ticks_probe');
  await submitTemplate(request, { name, components: [{ type: 'BODY', text: 'Your appointment is confirmed for tomorrow.' }] });
  const msisdn = uniqueMsisdn();
  const sent = await request.post(`/api/v1/subaccounts/${SUB}/messages`, {
    headers: auth,
    data: { user: { msisdn }, type: 'template', content: { template: { name, language: 'en_US' } } },
  });
  expect(sent.status()).toBe(200);

  await signIn(page, ADMIN);
  await page.goto('/simulator');
  await page.getByLabel('Subaccount').selectOption(SUB);
  await page.getByLabel('Add a customer').fill(msisdn);
  await page.getByRole('button', { name: 'Add phone' }).click();
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${msisdn}"]`);
  const bubble = phone.getByTestId('wa-bubble-business');
  await expect(bubble).toContainText('Your appointment is confirmed for tomorrow.');
  await expect(bubble.getByTestId('wa-status').locator('[data-state="read"]')).toBeVisible({ timeout: 15_000 });
  // Beside the time, on the bubble's last line, inside its box.
  const box = (await bubble.boundingBox())!;
  const tick = (await bubble.getByTestId('wa-status').boundingBox())!;
  expect(tick.y + tick.height).toBeLessThanOrEqual(box.y + box.height);
  expect(tick.x + tick.width).toBeLessThanOrEqual(box.x + box.width);
  await screenshots(page, 'simulator', { fullPage: false });
});

test('at 1440×900 the composer is on screen without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ADMIN);
  await page.goto('/simulator');
  const composer = page
    .getByTestId('sim-phone')
    .first()
    .getByRole('textbox', { name: /^Message from/ });
  await expect(composer).toBeVisible();
  const box = (await composer.boundingBox())!;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  // And the phone is still a usable size.
  expect((await page.getByTestId('phone-frame').first().boundingBox())!.height).toBeGreaterThanOrEqual(480);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The layout follows the new viewport on its next frame: the box is read until it has (a composer that
  // stays below the fold still fails).
  await expect
    .poll(async () => {
      const small = (await composer.boundingBox())!;
      return small.y + small.height;
    })
    .toBeLessThanOrEqual(800);
});

test('the phones a user adds are kept on the server: another browser of theirs shows them, and a removed one stays removed', async ({ page, browser }) => {
  const msisdn = uniqueMsisdn();
  await signIn(page, ADMIN);
  await page.goto('/simulator');
  await page.getByLabel('Add a customer').fill(msisdn);
  await page.getByRole('button', { name: 'Add phone' }).click();
  const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${msisdn}"]`);
  await expect(phone).toBeVisible();
  await page.reload();
  await expect(phone).toBeVisible();

  // Another browser: nothing of the first one's storage, the same user.
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, ADMIN);
  await second.goto('/simulator');
  await expect(second.locator(`[data-testid="sim-phone"][data-msisdn="${msisdn}"]`)).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: `Remove ${msisdn}` }).click();
  await expect(phone).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('sim-phone').first()).toBeVisible();
  await expect(phone).toHaveCount(0);
});
