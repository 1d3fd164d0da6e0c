import { expect, test } from '@playwright/test';
import { ADMIN, signIn, snapshot } from './fixtures';
import { example, EXAMPLES, exportJson, importJson } from './automation-editor-helpers';

test('imports each reference example, draws it, and exports equivalent JSON', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Workflows' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await snapshot(page, 'automation-list-empty');
  await page.getByRole('link', { name: 'New workflow' }).click();
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  for (const name of EXAMPLES) {
    const wf = example(name);
    await importJson(page, wf);
    for (const step of wf.definition.steps) await expect(page.getByTestId(`step-node-${step.id}`)).toBeAttached();
    const out = await exportJson(page);
    // The status is the workflow's own (enable/disable); everything else comes back as imported.
    expect({ ...out, status: wf.status }).toEqual(wf);
    if (name === 'menu-using-wait-for-reply' || name === 'out-of-office-country-branch') await snapshot(page, `automation-editor-${name}`);
  }
  // The imported menu is valid, so it was saved as a draft and the URL moved to the workflow.
  await expect(page.getByTestId('save-state')).toContainText('Saved as v', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/automation\/[\w-]+$/);
});
