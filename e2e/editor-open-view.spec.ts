import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { waitForCanvasToSettle } from './automation-editor-helpers';
import { canvasZoom, createSavedWorkflow, inside, menuNamed, nodeBoxes } from './editor-helpers';

// Issue 17, item 4: the reference menu bot opened zoomed out so far that the nodes' text was unreadable.
for (const size of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`a workflow opens at a readable zoom around its trigger at ${size.width}×${size.height}; minimap and fit view show the rest`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await signIn(page, ADMIN);
    const url = await createSavedWorkflow(page, menuNamed(`Menu ${size.width}`));
    await page.goto(url);
    await expect(page.getByTestId('trigger-node')).toBeVisible();
    await waitForCanvasToSettle(page);

    expect(await canvasZoom(page)).toBeGreaterThanOrEqual(0.8);
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const boxes = await nodeBoxes(page);
    expect(inside(boxes.get('__trigger')!, canvas), 'the trigger is in view').toBe(true);
    // Its first steps are readable beside it: the step name is drawn at 12 px × zoom ≥ 9.6 px.
    const title = page.getByTestId('step-node-Hello').locator('span[title="Hello"]');
    const px = await title.evaluate((el) => el.getBoundingClientRect().height);
    expect(px).toBeGreaterThanOrEqual(12);
    await expect(page.locator('.react-flow__minimap')).toBeVisible();

    // Fit view shows every step.
    await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
    await waitForCanvasToSettle(page);
    const all = await nodeBoxes(page);
    for (const id of ['__trigger', 'Hello', 'wait1', 'success', 'branch1', 'branch5', 'failure']) {
      expect(all.get(id), id).toBeDefined();
      expect(inside(all.get(id)!, canvas), `${id} in view`).toBe(true);
    }
  });
}
