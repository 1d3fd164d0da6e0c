import { expect, test } from '@playwright/test';
import { ADMIN, ANALYST, E2E_API_KEY, SALES, signIn, snapshot } from './fixtures';

test('signs in, shows the console, and signs out', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('acme_corp_whatsapp')).toBeVisible();
  await snapshot(page, 'dashboard-light');
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await snapshot(page, 'dashboard-dark');
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/signin/);
});

test('a wrong password says so and signs nobody in', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toHaveText('The email or password is incorrect.');
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel('Email')).toHaveValue(ADMIN.email);
  await snapshot(page, 'signin-error');
});

test('navigation shows only what the role may use', async ({ page }) => {
  await signIn(page, SALES);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'API keys' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, ADMIN);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' })).toBeVisible();
});

test('a page outside the role answers 403', async ({ page }) => {
  await signIn(page, ANALYST);
  const res = await page.goto('/settings/api-keys');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: /403/ })).toBeVisible();
  await snapshot(page, 'forbidden');
  const dash = await page.goto('/dashboard');
  expect(dash?.status()).toBe(403);
});

test('creates an API key, uses it, and revokes it', async ({ page, request }) => {
  const api = (key: string) => request.get('/api/v1/accounts/acme_corp/subaccounts', { headers: { Authorization: `Bearer ${key}` } });
  expect((await api(E2E_API_KEY)).status()).toBe(200);

  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Give the key a name')).toBeVisible();
  await page.getByLabel('Name').fill('CRM integration');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = (await page.getByTestId('new-api-key').textContent())!.trim();
  expect(secret).toMatch(/^prl_/);
  await snapshot(page, 'api-key-created');
  await page.getByRole('button', { name: 'Done' }).click();

  const ok = await api(secret);
  expect(ok.status()).toBe(200);
  expect((await ok.json()).data.map((s: { subAccountId: string }) => s.subAccountId)).toContain('acme_corp_chatapps');

  const row = page.getByTestId('api-key-CRM integration');
  await expect(row.getByText('Active')).toBeVisible();
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Revoke key' }).click();
  await expect(row.getByText('Revoked')).toBeVisible();

  const refused = await api(secret);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).code).toBe(1200);
});
