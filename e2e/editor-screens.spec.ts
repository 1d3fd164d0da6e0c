import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { ADMIN, signIn, expectNoSidewaysScroll } from './fixtures';
import { selectStep, waitForCanvasToSettle } from './automation-editor-helpers';
import { callBackBot, createSavedWorkflow, menuNamed } from './editor-helpers';

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1440', width: 1440, height: 900 },
  { name: '390', width: 390, height: 844 },
] as const;

async function setTheme(page: Page, theme: 'light' | 'dark') {
  const dark = await page.locator('html').evaluate((el) => el.classList.contains('dark'));
  if (dark !== (theme === 'dark')) await page.getByRole('button', { name: theme === 'dark' ? 'Switch to dark theme' : 'Switch to light theme' }).click();
  if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/dark/);
  else await expect(page.locator('html')).not.toHaveClass(/dark/);
}

async function shoot(page: Page, name: string) {
  mkdirSync('test-results-editor/screens', { recursive: true });
  await expectNoSidewaysScroll(page, name);
  await page.screenshot({ path: `test-results-editor/screens/${name}.png` });
}

// Every page issue 17 items 1-8 touched, at both desktop sizes in both themes and at 390 px.
test.describe
  .serial('screenshots of the editor, its test run, the Runs list and the Dashboard', () => {
    let menu = '';
    let bot = '';

    test('the workflows to show, and a run', async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, ADMIN);
      menu = await createSavedWorkflow(page, menuNamed('Menu screenshots'));
      bot = await createSavedWorkflow(page, callBackBot('Call back screenshots'));
      await page.getByRole('button', { name: 'Test run' }).click();
      await page.getByLabel('Simulator customer').fill('+6590003003');
      await page.getByRole('button', { name: 'Start test run' }).click();
      await expect(page.getByTestId('run-status')).toHaveText('waiting', { timeout: 20_000 });
      await page.getByTestId('run-messages').getByRole('button', { name: 'Yes please' }).click();
      await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
    });

    for (const theme of ['light', 'dark'] as const) {
      for (const size of SIZES) {
        const tag = `${size.name}-${theme}`;
        test(`at ${size.width}×${size.height}, ${theme}`, async ({ page }) => {
          test.setTimeout(150_000);
          await page.setViewportSize(size);
          await signIn(page, ADMIN);
          await page.goto(menu);
          await expect(page.getByTestId('trigger-node')).toBeVisible();
          await setTheme(page, theme);
          await waitForCanvasToSettle(page);
          await shoot(page, `editor-open-${tag}`);
          if (size.name !== '390') {
            await selectStep(page, 'Hello');
            await expect(page.getByTestId('properties-panel').locator('.cm-content').first()).toBeVisible();
            await shoot(page, `editor-message-${tag}`);
            await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
            await waitForCanvasToSettle(page);
            await selectStep(page, 'success');
            await shoot(page, `editor-branch-${tag}`);
            await page.getByRole('button', { name: /problem|Validate/ }).click();
            await expect(page.getByTestId('problems-panel')).toBeVisible();
            await shoot(page, `editor-problems-${tag}`);
            await page.goto(bot);
            await page.getByRole('button', { name: 'Test run' }).click();
            await page.getByLabel('Simulator customer').fill(`+6590003${theme === 'dark' ? 1 : 2}${size.name.slice(0, 2)}`);
            await page.getByRole('button', { name: 'Start test run' }).click();
            await expect(page.getByTestId('run-messages').getByTestId('wa-interactive')).toBeVisible({ timeout: 20_000 });
            await shoot(page, `editor-test-run-${tag}`);
          }
          await page.goto('/automation/runs');
          await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
          await shoot(page, `runs-${tag}`);
          await page.goto('/dashboard');
          await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
          await shoot(page, `dashboard-${tag}`);
        });
      }
    }
  });
