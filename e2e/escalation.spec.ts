import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { PERMISSION_MODULES } from '../lib/auth/permissions';
import { ADMIN, signIn, snapshot } from './fixtures';
import { e2eDatabaseUrl } from './database-url';

// Issue 12: nobody widens their own access from the UI (the refusal shows beside the field), and an
// API key is made with a chosen subset of scopes, which the key list then shows.
const port = Number(process.env.E2E_PORT ?? 3210);
const USERS_ONLY = { email: 'uma.users@example.com', password: 'uma-manages-users-only', name: 'Uma Users' };

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(() => {
  execFileSync('npx', ['tsx', 'e2e/escalation.setup.ts'], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
});

test('a user who may only manage users cannot make themselves Partner Admin', async ({ page }) => {
  await signIn(page, USERS_ONLY);
  await page.goto('/partners/users');
  await page.getByRole('link', { name: USERS_ONLY.name }).click();
  await expect(page.getByRole('heading', { name: USERS_ONLY.name })).toBeVisible();

  // The form marks what is beyond them: an account they cannot reach and "All accounts" are disabled.
  await expect(page.getByRole('checkbox', { name: /All accounts/ })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: /Initech/ })).toBeDisabled();

  const role = page.getByLabel('Role', { exact: true });
  await role.selectOption({ label: 'Partner Admin (has permissions you do not hold)' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  const refusal = page.locator('#profile-role-error');
  await expect(refusal).toContainText('You cannot widen your own access');
  await expect(refusal).toContainText('“Partner Admin” includes');
  await snapshot(page, 'escalation-refused');

  // Nothing changed: after a reload they still hold their own role.
  await page.reload();
  await expect(page.getByLabel('Role', { exact: true }).locator('option:checked')).toHaveText('Users only');
});

test('an admin makes an API key with a subset of scopes and the list shows them', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/api-keys');
  // The seeded key predates scopes: it keeps full access, and says so.
  await expect(page.getByText('Full access').first()).toBeVisible();
  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByLabel('Name').fill('Templates reader');
  for (const m of PERMISSION_MODULES) await dialog.getByLabel(`All of ${m.label}`).uncheck();
  await expect(dialog.getByText('Scopes (0 selected)')).toBeVisible();
  await dialog.getByLabel('View Templates').check();
  await dialog.getByLabel('View Logs').check();
  await expect(dialog.getByText('Scopes (2 selected)')).toBeVisible();
  await snapshot(page, 'api-key-scopes');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('new-api-key')).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('api-key-Templates reader');
  await expect(row.getByRole('list', { name: 'Scopes' }).getByRole('listitem')).toHaveText(['View Logs', 'View Templates']);
  await snapshot(page, 'api-keys-list');
});
