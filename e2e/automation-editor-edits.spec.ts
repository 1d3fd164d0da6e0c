import { expect, test, type Page } from '@playwright/test';
import { nodeGeometry } from '../lib/automation/graph/node-geometry';
import type { WorkflowJson } from '../lib/automation/graph/types';
import { workflowToNodes } from '../lib/automation/graph/workflow-to-nodes';
import { ADMIN, signIn } from './fixtures';
import { example, exportJson, importJson, nextSave, nodePosition, selectStep, shot, stepIdsOf, waitForCanvasToSettle } from './automation-editor-helpers';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Canvas' });
const pane = (page: Page) => page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

test('undo/redo and copy/paste/duplicate/delete, with the toolbar buttons and with the keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  const menu = example('menu-using-wait-for-reply');
  await importJson(page, menu);
  await waitForCanvasToSettle(page);
  const original = stepIdsOf(menu);
  const ids = async () => stepIdsOf(await exportJson(page));
  expect(await ids()).toEqual(original);

  // Multi-select two answers (Ctrl-click), copy and paste them with the buttons.
  await expect(toolbar(page).getByRole('button', { name: 'Copy' })).toBeDisabled();
  await selectStep(page, 'branch1');
  await page.getByTestId('step-node-branch2').click({ position: { x: 60, y: 14 }, modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('button', { name: /2 selected/ })).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied 2 steps')).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Paste' }).click();
  const afterPaste = await ids();
  const pasted = afterPaste.filter((id) => !original.includes(id));
  expect(pasted).toHaveLength(2);
  for (const id of pasted) expect(id).toMatch(/^chatappsmessage_\d{4}$/);
  // The copies say what the originals say.
  const exported = await exportJson(page);
  const text = (id: string) => JSON.stringify((exported.definition as WorkflowJson['definition']).steps.find((s) => s.id === id)!.inputs);
  expect(pasted.map(text).sort()).toEqual(['branch1', 'branch2'].map(text).sort());
  await shot(page, 'automation-edits-pasted');

  // Undo and redo with the buttons.
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  expect(await ids()).toEqual(original);
  await toolbar(page).getByRole('button', { name: 'Redo' }).click();
  expect(await ids()).toEqual(afterPaste);

  // The same with the keyboard (focus on the canvas).
  await pane(page);
  await page.keyboard.press('ControlOrMeta+z');
  expect(await ids()).toEqual(original);
  await pane(page);
  await page.keyboard.press('ControlOrMeta+y');
  expect(await ids()).toEqual(afterPaste);

  // Duplicate and delete with the buttons: the pasted pair is still selected after redo.
  await page.getByTestId(`step-node-${pasted[0]}`).click({ position: { x: 60, y: 14 } });
  await toolbar(page).getByRole('button', { name: 'Duplicate' }).click();
  const afterDuplicate = await ids();
  expect(afterDuplicate).toHaveLength(afterPaste.length + 1);
  const duplicate = afterDuplicate.find((id) => !afterPaste.includes(id))!;
  await selectStep(page, duplicate);
  await toolbar(page).getByRole('button', { name: 'Delete selection' }).click();
  expect(await ids()).toEqual(afterPaste);

  // Copy and paste with the keyboard; then Ctrl+Shift+Z after an undo.
  await selectStep(page, 'failure');
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(page.locator('#step-id')).toHaveValue(/^chatappsmessage_\d{4}$/);
  const afterKeyPaste = await ids();
  expect(afterKeyPaste).toHaveLength(afterPaste.length + 1);
  await pane(page);
  await page.keyboard.press('ControlOrMeta+z');
  expect(await ids()).toEqual(afterPaste);
  await pane(page);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  expect(await ids()).toEqual(afterKeyPaste);
});

test('edits after publishing go into one draft version; moved nodes come back where they were left', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  const wf = example('sms-auto-reply');
  const first = String(wf.definition.steps[0]!.id);
  await importJson(page, wf);
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toContainText('Saved · draft v1', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByLabel('What changed?').fill('First version');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published-version')).toContainText('v1 published');

  // Two edits after publishing: one new draft version, saved over.
  for (const name of ['greeting', 'greeting_2']) {
    const saved = nextSave(page);
    await selectStep(page, name === 'greeting' ? first : 'greeting');
    await page.locator('#step-id').fill(name);
    await page.locator('#step-id').press('Enter');
    await saved;
    await expect(saveState).toContainText('Saved · draft v2');
  }

  // Move a node: its position is saved beside the draft. (Deselected first: the properties panel
  // narrows the canvas and may cover the node.)
  await pane(page);
  await expect(page.getByTestId('properties-panel')).toHaveCount(0);
  await waitForCanvasToSettle(page);
  const before = await nodePosition(page, 'greeting_2');
  const box = (await page.getByTestId('step-node-greeting_2').boundingBox())!;
  const moved = nextSave(page);
  await page.mouse.move(box.x + 80, box.y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + 180, box.y + 60, { steps: 8 });
  await page.mouse.move(box.x + 230, box.y + 134, { steps: 8 });
  await page.mouse.up();
  const after = await nodePosition(page, 'greeting_2');
  expect(after).not.toEqual(before);
  await moved;
  await expect(saveState).toContainText('Saved · draft v2');

  // Reopened: the same draft, the node where it was left, and only two versions.
  await page.reload();
  await expect(page.getByTestId('step-node-greeting_2')).toBeVisible();
  expect(await nodePosition(page, 'greeting_2')).toEqual(after);
  await page.getByRole('button', { name: 'History' }).click();
  const versions = page.getByTestId('version-list');
  await expect(versions.getByTestId('version-2')).toContainText('Draft');
  await expect(versions.getByTestId('version-1')).toContainText('Published');
  await expect(versions.getByTestId('version-1')).toContainText('First version');
  await expect(versions.locator('li')).toHaveCount(2);
  await page.keyboard.press('Escape');
  // Export stays the pure 8x8 JSON: no positions in it.
  const out = await exportJson(page);
  expect(JSON.stringify(out)).not.toMatch(/"(layout|position|measured|handles)"/);
  expect(stepIdsOf(out)).toContain('greeting_2');
});

test('the handles React Flow is told about are where the nodes draw them', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  for (const name of ['menu-using-wait-for-reply', 'keyword-detection']) {
    const wf = example(name) as unknown as WorkflowJson;
    await importJson(page, wf);
    await waitForCanvasToSettle(page);
    const drawn = await page.evaluate(() => {
      const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]);
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
        const r = node.getBoundingClientRect();
        return {
          id: node.dataset.id!,
          width: r.width / zoom,
          height: r.height / zoom,
          handles: [...node.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
            const b = h.getBoundingClientRect();
            return { id: h.dataset.handleid ?? null, x: (b.left - r.left) / zoom, y: (b.top - r.top) / zoom, width: b.width / zoom, height: b.height / zoom };
          }),
        };
      });
    });
    const nodes = new Map(workflowToNodes(wf).map((n) => [n.id, n]));
    const steps = drawn.filter((d) => nodes.has(d.id) && nodes.get(d.id)!.type !== 'doGroup');
    expect(steps.length).toBeGreaterThan(3);
    for (const d of steps) {
      const g = nodeGeometry(nodes.get(d.id)!);
      expect(d.width, d.id).toBeCloseTo(g.width, 0);
      expect(d.height, d.id).toBeCloseTo(g.height, 0);
      expect(d.handles.map((h) => h.id).sort(), d.id).toEqual(g.handles.map((h) => h.id).sort());
      for (const h of d.handles) {
        const want = g.handles.find((x) => x.id === h.id)!;
        expect([h.x, h.y, h.width, h.height].map(Math.round), `${d.id} ${h.id}`).toEqual([want.x, want.y, want.width, want.height].map(Math.round));
      }
    }
  }
});

test('editor screenshots, light and dark, at 1280×800', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await importJson(page, example('menu-using-wait-for-reply'));
  await waitForCanvasToSettle(page);
  await selectStep(page, 'wait1');
  await expect(page.getByTestId('properties-panel').locator('.cm-content').first()).toBeVisible();
  await page.screenshot({ path: 'test-results-editor/screens/automation-editor-light.png' });
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.screenshot({ path: 'test-results-editor/screens/automation-editor-dark.png' });
  // As a person would: look at the redrawn canvas before clicking a node on it.
  await waitForCanvasToSettle(page);
  await selectStep(page, 'success');
  await page.screenshot({ path: 'test-results-editor/screens/automation-editor-dark-branch.png' });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
});
