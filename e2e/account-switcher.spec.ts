import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ADMIN, SALES, signIn } from './fixtures';
import { e2eDatabaseUrl } from './database-url';

const port = Number(process.env.E2E_PORT ?? 3210);

test.beforeAll(() => {
  // Two more customer accounts for the demo partner (idempotent; shared with the partners spec).
  execFileSync('npx', ['tsx', 'e2e/partners.setup.ts'], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
});

test('a partner admin switches between customer accounts and the pages follow', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/dashboard');
  await expect(page.getByText('Overview of Acme Corp')).toBeVisible();
  await page.getByRole('button', { name: /Customer account: Acme Corp/ }).click();
  const items = page.getByRole('menuitem');
  await expect(items).toHaveText([/Acme Corp/, /Initech/, /Umbrella Co/]);
  await page.getByRole('menuitem', { name: /Initech/ }).click();
  await expect(page.getByRole('button', { name: /Customer account: Initech/ })).toBeVisible();
  await expect(page.getByText('Overview of Initech')).toBeVisible();
  // The choice survives a reload: it is kept server-side in a cookie the server re-checks.
  await page.reload();
  await expect(page.getByText('Overview of Initech')).toBeVisible();
});

test('a user limited to one account sees only that account, whatever the cookie says', async ({ page, context }) => {
  await signIn(page, SALES);
  await context.addCookies([{ name: 'parley_account', value: 'initech', url: page.url() }]);
  await page.goto('/dashboard');
  await expect(page.getByText('Overview of Acme Corp')).toBeVisible();
  await page.getByRole('button', { name: /Customer account: Acme Corp/ }).click();
  await expect(page.getByRole('menuitem')).toHaveText([/Acme Corp/]);
});
