import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { connect, dropStep, example, exportJson, nodePosition, renameSelected, selectStep, waitForCanvasToSettle } from './automation-editor-helpers';
import { clickPane, createSavedWorkflow, edgeIds } from './editor-helpers';

// Issue 17, item 1: "Restore them" brought the steps back without the WaitForReply and Branch paths.
// A path the user has not connected yet cannot be written in the 8x8 JSON (selectNextStep is keyed
// by the target step), so a draft kept as that JSON lost it.
test('a draft left with unsaved changes is restored exactly: steps, paths, connections and positions', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const wf = example('chat-apps-auto-reply');
  const url = await createSavedWorkflow(page, { ...wf, status: 'disabled', definition: { ...wf.definition, name: 'Draft restore' } });
  await page.goto(url);
  await expect(page.getByTestId('step-node-send_CA')).toBeVisible();

  // A WaitForReply after the greeting and a Branch after the reply; the Branch's paths are left
  // unconnected, so the workflow is invalid and kept in this browser only.
  await dropStep(page, 'WaitForReply', 420, 140);
  await renameSelected(page, 'wait1');
  await dropStep(page, 'Branch', 420, 380);
  await renameSelected(page, 'route');
  // A third path with a condition of its own, not connected either.
  await page.getByRole('button', { name: 'Add path' }).click();
  await expect(page.getByTestId('branch-2')).toBeVisible();
  await clickPane(page);
  await waitForCanvasToSettle(page);
  await connect(page, 'handle-send_CA-next', 'wait1');
  await expect(page.getByTestId('rf__edge-send_CA|next')).toBeAttached();
  await connect(page, 'handle-wait1-sel:0', 'route');
  await expect(page.getByTestId('rf__edge-wait1|sel:0')).toBeAttached();
  await expect(page.getByTestId('save-state')).toContainText('Draft kept in this browser');

  const ids = ['__trigger', 'send_CA', 'wait1', 'route'];
  const positions = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await nodePosition(page, id)] as const)));
  const edges = await edgeIds(page);
  const handles = async (id: string) =>
    page
      .getByTestId(`step-node-${id}`)
      .locator('.react-flow__handle.source')
      .evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.handleid}:${el.parentElement?.textContent ?? ''}`));
  const waitHandles = await handles('wait1');
  const routeHandles = await handles('route');
  // The reply and timeout paths and the next step when neither matches; the Branch's three paths.
  expect(waitHandles).toHaveLength(3);
  expect(routeHandles).toHaveLength(3);
  await selectStep(page, 'route');
  const conditions = await page.getByTestId('branches-editor').locator('[data-testid^="branch-"] > div:first-child').allTextContents();
  await clickPane(page);
  const exported = await exportJson(page);

  // Leave for the workflow list, then come back.
  await page.getByRole('link', { name: 'Back to workflows' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await page.goto(url);
  await page.getByRole('button', { name: 'Restore them' }).click();
  await expect(page.getByTestId('step-node-route')).toBeVisible();
  await waitForCanvasToSettle(page);

  for (const id of ids) expect(await nodePosition(page, id), id).toEqual(positions[id]);
  expect(await edgeIds(page)).toEqual(edges);
  expect(await handles('wait1')).toEqual(waitHandles);
  expect(await handles('route')).toEqual(routeHandles);
  await selectStep(page, 'route');
  expect(await page.getByTestId('branches-editor').locator('[data-testid^="branch-"] > div:first-child').allTextContents()).toEqual(conditions);
  await clickPane(page);
  expect(await exportJson(page)).toEqual(exported);
  await expect(page.getByTestId('save-state')).toContainText('Draft kept in this browser');
});

// A workflow made on /automation/new kept its later drafts under "new" after its first save moved
// the page to /automation/<id>: opening it again offered nothing to restore.
test('a new workflow’s unsaved changes are offered back when it is opened again', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  const wf = example('chat-apps-auto-reply');
  const url = await createSavedWorkflow(page, { ...wf, status: 'disabled', definition: { ...wf.definition, name: 'New then left' } });
  await dropStep(page, 'Branch', 420, 320);
  await renameSelected(page, 'route');
  await expect(page.getByTestId('save-state')).toContainText('Draft kept in this browser');
  await clickPane(page);
  const exported = await exportJson(page);
  await page.getByRole('link', { name: 'Back to workflows' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await page.goto(url);
  await page.getByRole('button', { name: 'Restore them' }).click();
  await expect(page.getByTestId('step-node-route')).toBeVisible();
  await expect(page.getByTestId('handle-route-sel:1')).toBeAttached();
  expect(await exportJson(page)).toEqual(exported);
});
