import { expect, test, type Page } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';

const REFUSED = 'The email or password is incorrect.';

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Next's route announcer is an alert too: pick the form's.
  return page.getByRole('alert').filter({ hasText: 'incorrect' });
}

test('signing out ends the session everywhere: a copied cookie is sent back to sign-in', async ({ page, browser }) => {
  await signIn(page, ADMIN);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes('session-token'))).toBe(true);

  // The copy works while the session lives …
  const elsewhere = await browser.newContext();
  await elsewhere.addCookies(copied);
  const other = await elsewhere.newPage();
  await other.goto('/dashboard');
  await expect(other.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // … and stops working the moment its owner signs out, though the JWT itself has hours left.
  await other.reload();
  await expect(other).toHaveURL(/\/signin/);
  const fresh = await browser.newContext();
  await fresh.addCookies(copied);
  const third = await fresh.newPage();
  await third.goto('/dashboard');
  await expect(third).toHaveURL(/\/signin/);
  await elsewhere.close();
  await fresh.close();
});

test('every refused sign-in says the same thing; a throttled one only adds how long to wait', async ({ browser }) => {
  // From an address of its own (the e2e server trusts X-Forwarded-For): a right password forgives an
  // address only its failures on that email, so these would otherwise slow later tests' sign-ins.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });
  const page = await context.newPage();
  const wrongPassword = await submitSignIn(page, ADMIN.email, 'not-the-password');
  await expect(wrongPassword).toHaveText(REFUSED);
  const unknownEmail = await submitSignIn(page, 'nobody-here@example.com', 'not-the-password');
  await expect(unknownEmail).toHaveText(REFUSED);

  // Keep failing from this address until the throttle answers (after LOGIN_FREE_FAILURES=5 failures).
  let text = '';
  for (let i = 0; i < 10 && !text.includes('Try again'); i++) {
    const alert = await submitSignIn(page, `nobody-${i}@example.com`, 'not-the-password');
    await expect(alert).toBeVisible();
    text = (await alert.textContent()) ?? '';
    expect(text.startsWith(REFUSED)).toBe(true);
  }
  const wait = /^The email or password is incorrect\. Try again in (\d+) s\.$/.exec(text.trim());
  expect(wait, text).not.toBeNull();

  // Once the wait is over the right password works.
  await page.waitForTimeout(Number(wait![1]) * 1000 + 500);
  await signIn(page, ADMIN);
  await context.close();
});
