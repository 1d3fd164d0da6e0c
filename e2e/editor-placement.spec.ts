import { expect, type Page, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { nodePosition, waitForCanvasToSettle } from './automation-editor-helpers';
import { canvasZoom, clickPane, inside, nodeBoxes, overlaps } from './editor-helpers';

async function expectNoOverlaps(page: Page) {
  const boxes = [...(await nodeBoxes(page)).entries()];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} overlaps ${boxes[j]![0]}`).toBe(false);
}

const selectedId = (page: Page) => page.locator('#step-id').inputValue();

// Issue 17, item 3: a step clicked in the palette landed on top of the existing nodes and hid the trigger.
test('a step clicked in the palette goes after the selected step, connected, or at a free place in view', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  const pane = (await page.locator('.react-flow').boundingBox())!;

  // Nothing selected: the first step lands in view without covering the trigger.
  await page.getByTestId('palette-ChatAppsMessage').click();
  await expect(page.getByTestId('properties-panel')).toBeVisible();
  const greeting = await selectedId(page);
  await waitForCanvasToSettle(page);
  await expectNoOverlaps(page);
  const view = (await page.locator('.react-flow').boundingBox())!;
  expect(inside((await nodeBoxes(page)).get(greeting)!, view)).toBe(true);

  // With the greeting selected: the next step goes after it (to its right), connected to it.
  await page.getByTestId('palette-WaitForReply').click();
  const wait = await selectedId(page);
  expect(wait).not.toBe(greeting);
  await expect(page.getByTestId(`rf__edge-${greeting}|next`)).toBeAttached();
  await waitForCanvasToSettle(page);
  let boxes = await nodeBoxes(page);
  expect(boxes.get(wait)!.x).toBeGreaterThan(boxes.get(greeting)!.x + boxes.get(greeting)!.width - 1);
  await expectNoOverlaps(page);

  // After a WaitForReply: its first free path leads to the new step; a second one takes the next path.
  await page.getByTestId('palette-Branch').click();
  const branch = await selectedId(page);
  await expect(page.getByTestId(`rf__edge-${wait}|sel:0`)).toBeAttached();
  // (The view followed the new step to the right: the whole graph back in view to reach the WaitForReply.)
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
  await waitForCanvasToSettle(page);
  await page.getByTestId(`step-node-${wait}`).click({ position: { x: 60, y: 14 } });
  await expect(page.locator('#step-id')).toHaveValue(wait);
  await page.getByTestId('palette-SMS').click();
  const sms = await selectedId(page);
  await expect(page.getByTestId(`rf__edge-${wait}|sel:1`)).toBeAttached();
  await waitForCanvasToSettle(page);
  boxes = await nodeBoxes(page);
  for (const id of [branch, sms]) expect(boxes.get(id)!.x, id).toBeGreaterThan(boxes.get(wait)!.x + boxes.get(wait)!.width - 1);
  await expectNoOverlaps(page);

  // Nothing selected again: a free place in the view, on top of nothing.
  await clickPane(page);
  await expect(page.getByTestId('properties-panel')).toHaveCount(0);
  await page.getByTestId('palette-HttpRequest').click();
  const http = await selectedId(page);
  await waitForCanvasToSettle(page);
  await expectNoOverlaps(page);
  const now = (await page.locator('.react-flow').boundingBox())!;
  expect(inside((await nodeBoxes(page)).get(http)!, now)).toBe(true);
  expect(pane.width).toBeGreaterThan(0);
});

test('a step dragged from the palette lands where it is dropped', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  for (const [type, x, y] of [
    ['SMS', 520, 90],
    ['Wait', 180, 380],
  ] as const) {
    // The drop point in flow coordinates, from the view before the drop (opening the new step's
    // properties narrows the canvas and may pan it afterwards).
    const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
    const [, tx, ty, zoom] = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(style)!.map(Number) as number[];
    const at = { x: (x - tx!) / zoom!, y: (y - ty!) / zoom! };
    await page.getByTestId(`palette-${type}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
    await expect(page.getByTestId('properties-panel')).toBeVisible();
    const id = await selectedId(page);
    const pos = await nodePosition(page, id);
    const box = (await page.getByTestId(`step-node-${id}`).boundingBox())!;
    const [w, h] = [box.width / (await canvasZoom(page)), box.height / (await canvasZoom(page))];
    expect(at.x, `${type} x`).toBeGreaterThanOrEqual(pos.x);
    expect(at.x, `${type} x`).toBeLessThanOrEqual(pos.x + w);
    expect(at.y, `${type} y`).toBeGreaterThanOrEqual(pos.y);
    expect(at.y, `${type} y`).toBeLessThanOrEqual(pos.y + h);
    await clickPane(page);
  }
});
