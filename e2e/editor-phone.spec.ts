import { expect, test } from '@playwright/test';
import { ADMIN, signIn, expectNoSidewaysScroll } from './fixtures';
import { nodePosition } from './automation-editor-helpers';
import { createSavedWorkflow, menuNamed } from './editor-helpers';

// Issue 17, item 8: on a phone-width screen the editor was unusable, and the Dashboard overflowed sideways.
test('at 390 px the editor shows the graph read-only with a note; the Dashboard does not overflow', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  const url = await createSavedWorkflow(page, menuNamed('Menu on a phone'));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.getByText('Editing needs a wider screen')).toBeVisible();
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  // No palette, no editing toolbar; the graph can still be looked at.
  await expect(page.getByTestId('palette-ChatAppsMessage')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' })).toBeVisible();
  // The canvas keeps most of the screen.
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  expect(canvas.width).toBeGreaterThan(300);
  expect(canvas.height).toBeGreaterThan(400);
  // A node cannot be dragged.
  const node = page.getByTestId('step-node-Hello');
  await expect(node).toBeVisible();
  const before = await nodePosition(page, 'Hello');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 200, { steps: 8 });
  await page.mouse.up();
  expect(await nodePosition(page, 'Hello')).toEqual(before);
  await expectNoSidewaysScroll(page, 'the editor');
  await page.screenshot({ path: 'test-results-editor/screens/editor-phone.png' });

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expectNoSidewaysScroll(page, 'the dashboard');
  await page.screenshot({ path: 'test-results-editor/screens/dashboard-phone.png', fullPage: true });

  // Back on a wide screen, the same workflow is editable again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  await expect(page.getByTestId('palette-ChatAppsMessage')).toBeVisible();
  await expect(page.getByText('Editing needs a wider screen')).toHaveCount(0);
});
