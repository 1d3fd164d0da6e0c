import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { NAV_GROUPS } from '../components/shell/nav-items';
import { ADMIN, signIn, snapshot } from './fixtures';
import { e2eDatabaseUrl } from './database-url';

// Partner admin end to end: a role with two permissions, a user holding it with two of the
// partner's three accounts, and that user seeing exactly those pages and accounts.
const port = Number(process.env.E2E_PORT ?? 3210);
// Named afresh for each attempt: a retry runs the serial group again from its first test, in a new worker,
// and must not meet the role and user that the failed attempt made.
const attempt = crypto.randomBytes(2).toString('hex');
const ROLE = `Support Analyst ${attempt}`;
const USER = { email: `pat.${attempt}@example.com`, password: 'pat-chose-this-password' };

// Generous: the machine running these is shared and slow; each step still waits only as long as it must.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(() => {
  execFileSync('npx', ['tsx', 'e2e/partners.setup.ts'], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(port), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('an admin creates a role with View Logs and View Reports only', async ({ page }) => {
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Roles' }).click();
  await expect(page.getByRole('heading', { name: 'Roles' })).toBeVisible();
  await expect(page.getByTestId('role-Support Analyst')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete Partner Admin' })).toBeDisabled();
  await snapshot(page, 'partners-roles');

  await page.getByRole('button', { name: 'Create a role' }).click();
  // The seeded "Support Analyst" exists: the same name is refused beside the field.
  await page.getByLabel('Name').fill('support analyst');
  await page.getByRole('button', { name: 'Modules' }).click();
  await page.getByRole('button', { name: 'Expand Messaging' }).click();
  await page.getByLabel('View Logs').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByText('A role named “support analyst” already exists')).toBeVisible();

  await page.getByLabel('Name').fill(ROLE);
  await page.getByLabel('Description').fill('Reads message logs and reports, nothing else.');
  await page.getByRole('button', { name: 'Modules' }).click();
  const popover = page.getByRole('dialog', { name: 'Modules and permissions' });
  await expect(popover.getByLabel('View Logs')).toBeChecked();
  await popover.getByLabel('View Reports').check();
  await expect(popover.getByText('2/4')).toBeVisible();
  await expect(popover.getByText('2 selected')).toBeVisible();
  // Select-all on a module, then undo it: the module's count follows.
  await popover.getByLabel('All of Templates').check();
  await expect(popover.getByText('4 selected')).toBeVisible();
  await popover.getByLabel('All of Templates').uncheck();
  await snapshot(page, 'partners-role-modules');
  await popover.getByRole('button', { name: 'Apply' }).click();
  const selected = page.getByRole('list', { name: 'Selected permissions' });
  await expect(selected.getByRole('listitem')).toHaveText(['View Logs', 'View Reports']);
  await page.getByRole('button', { name: 'Create role' }).click();

  const row = page.getByTestId(`role-${ROLE}`);
  await expect(row).toBeVisible();
  await expect(row.getByText('2 of')).toBeVisible();
  await expect(row.getByText('View Logs')).toBeVisible();
  await expect(row.getByText('View Reports')).toBeVisible();
});

test('an admin adds a user with that role and two customer accounts, by a one-time link', async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByLabel('Email').fill(USER.email);
  await page.getByLabel('Name', { exact: true }).fill('Pat Example');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: ROLE });
  await page.getByLabel('Search accounts').fill('ini');
  await expect(page.getByText('Umbrella Co')).toHaveCount(0);
  await page.getByRole('checkbox', { name: /Initech/ }).check();
  await page.getByLabel('Search accounts').fill('');
  await page.getByRole('checkbox', { name: /Acme Corp/ }).check();
  await expect(page.getByText('2 of 3 selected')).toBeVisible();
  await snapshot(page, 'partners-user-create');
  await page.getByRole('button', { name: 'Add user' }).last().click();
  const link = (await page.getByTestId('one-time-link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^http://localhost:${port}/invite/[\\w-]{32}$`));
  await snapshot(page, 'partners-user-link');
  await page.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId(`user-${USER.email}`);
  await expect(row.getByText(ROLE)).toBeVisible();
  await expect(row.getByText('2 accounts')).toBeVisible();
  await expect(row.getByText('Invited')).toBeVisible();

  // Filters live in the URL.
  await page.getByLabel('Filter by status').selectOption('invited');
  await expect(page).toHaveURL(/status=invited/);
  // Only invited users remain (a failed earlier attempt may have left one): the seeded active ones are gone.
  await expect(page.getByTestId(`user-${USER.email}`)).toBeVisible();
  await expect(page.getByTestId('user-analyst@example.com')).toHaveCount(0);
  await expect(page.locator('[data-testid^="user-"]').filter({ hasNotText: 'Invited' })).toHaveCount(0);
  await page.getByLabel('Search users').fill('nobody-matches');
  await expect(page.getByText('No user matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('user-analyst@example.com')).toBeVisible();
  await snapshot(page, 'partners-users');

  // The invitee opens the link in their own browser and sets a password; the link then stops working.
  const invitee = await browser.newContext();
  const p2 = await invitee.newPage();
  await p2.goto(link);
  await expect(p2.getByRole('heading', { name: 'Welcome to Parley' })).toBeVisible();
  await p2.getByLabel('New password').fill('short');
  await p2.getByLabel('Repeat the password').fill('short');
  await p2.getByRole('button', { name: 'Set password' }).click();
  await expect(p2.getByText('Use at least 12 characters')).toBeVisible();
  await p2.getByLabel('New password').fill(USER.password);
  await p2.getByLabel('Repeat the password').fill(USER.password);
  await snapshot(p2, 'partners-invite');
  await p2.getByRole('button', { name: 'Set password' }).click();
  await expect(p2.getByText('Your password is set')).toBeVisible();
  await p2.goto(link);
  await expect(p2.getByText('This link has expired or was already used.')).toBeVisible();
  await invitee.close();
});

test('the user sees exactly the permitted pages and accounts, and 403 elsewhere', async ({ page }) => {
  await signIn(page, USER);
  const expected = NAV_GROUPS.flatMap((g) => g.items)
    .filter((i) => i.permission === 'logs.view' || i.permission === 'reports.view')
    .map((i) => i.label);
  await expect(nav(page).getByRole('link').filter({ hasNotText: 'Parley' })).toHaveText(expected);
  for (const forbidden of ['Dashboard', 'Roles', 'Users', 'Audit log', 'API keys']) {
    await expect(nav(page).getByRole('link', { name: forbidden, exact: true })).toHaveCount(0);
  }

  await page.getByRole('button', { name: /Customer account/ }).click();
  await expect(page.getByRole('menuitem')).toHaveText([/Acme Corp/, /Initech/]);
  await snapshot(page, 'partners-user-accounts');
  await page.keyboard.press('Escape');

  for (const url of ['/settings/api-keys', '/partners/roles', '/partners/users', '/partners/audit-log', '/dashboard']) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
  }
  await expect(page.getByRole('heading', { name: /403/ })).toBeVisible();
});

test('a role change ends the user’s sessions and applies at their next sign-in; deactivation ends their session', async ({ page, browser }) => {
  const userCtx = await browser.newContext();
  const userPage = await userCtx.newPage();
  await signIn(userPage, USER);
  expect((await userPage.goto('/dashboard'))?.status()).toBe(403);

  await signIn(page, ADMIN);
  await page.goto('/partners/users');
  await page.getByTestId(`user-${USER.email}`).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Pat Example' })).toBeVisible();
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Sales Viewer' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Saved access of ${USER.email}`)).toBeVisible();
  await snapshot(page, 'partners-user-profile');

  // A changed role ends their open sessions (sessionVersion, issue 12); signed in again, the new role applies.
  await userPage.goto('/dashboard');
  await expect(userPage).toHaveURL(/\/signin/);
  await signIn(userPage, USER);
  expect((await userPage.goto('/dashboard'))?.status()).toBe(200);

  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: 'Deactivate user' }).click();
  await expect(page.getByText(`Deactivated ${USER.email}`)).toBeVisible();
  await userPage.goto('/dashboard');
  await expect(userPage).toHaveURL(/\/signin/);
  await userCtx.close();

  // The admin cannot deactivate themselves: their own profile offers no such button.
  await page.goto('/partners/users?q=admin%40example.com');
  await page.getByTestId('user-admin@example.com').getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Reset password' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
});

test('the audit log lists every change, filterable, read-only', async ({ page }) => {
  await signIn(page, ADMIN);
  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows.filter({ hasText: `Created role “${ROLE}”` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `Invited user ${USER.email}` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `Deactivated ${USER.email}` })).toHaveCount(1);
  await rows
    .filter({ hasText: `Updated access of ${USER.email}` })
    .getByText('Show changes')
    .click();
  await expect(rows.filter({ hasText: `Updated access of ${USER.email}` }).getByText(ROLE)).toBeVisible();
  await snapshot(page, 'partners-audit-log');

  await page.getByLabel('Entity').selectOption({ label: 'Roles' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/entityType=role/);
  // Only role entries remain (other specs' setups may have made roles of their own), this one among them.
  await expect(rows.filter({ hasText: ROLE })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: /role/i })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /delete|edit/i })).toHaveCount(0);
});

test('the partner pages stay usable at 390 px wide and in the dark theme', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  await page.goto('/partners/users');
  await expect(page.getByRole('button', { name: 'Add user' })).toBeVisible();
  await snapshot(page, 'partners-users-mobile');
  await page.goto('/partners/roles');
  await page.getByRole('button', { name: `Edit ${ROLE}` }).click();
  await page.getByRole('button', { name: 'Modules' }).click();
  await expect(page.getByRole('dialog', { name: 'Modules and permissions' }).getByLabel('View Logs')).toBeChecked();
  await snapshot(page, 'partners-role-edit-mobile');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await snapshot(page, 'partners-roles-dark');
  await page.goto('/partners/audit-log');
  await snapshot(page, 'partners-audit-log-dark');
});
