import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLES = ['chat-apps-auto-reply', 'sms-auto-reply', 'out-of-office-country-branch', 'keyword-detection', 'menu-using-wait-for-reply'] as const;

export function example(name: string): Record<string, unknown> & { definition: { name: string; steps: Array<Record<string, unknown>> } } {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'lib/automation/graph/fixtures', `${name}.json`), 'utf8'));
}

/**
 * Opens the import dialog, pastes the JSON and imports it; then fits the whole graph in view (an
 * imported workflow opens at a readable zoom around its trigger, and off-screen nodes are not drawn).
 */
export async function importJson(page: Page, json: unknown) {
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('textbox', { name: 'Workflow JSON' }).fill(JSON.stringify(json, null, 2));
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
}

/** Opens the export dialog and returns the parsed JSON. */
export async function exportJson(page: Page): Promise<Record<string, unknown>> {
  await page.getByRole('button', { name: 'Export' }).click();
  const text = await page.getByTestId('export-json').inputValue();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  return JSON.parse(text);
}

/** Replaces the whole text of a CodeMirror script field. */
export async function setScript(page: Page, testId: string, value: string) {
  const content = page.getByTestId(testId).locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  if (value) await page.keyboard.insertText(value);
  await page.keyboard.press('Escape');
}

/** Drags a step type from the palette onto the canvas at (x, y) relative to the canvas. */
export async function dropStep(page: Page, type: string, x: number, y: number) {
  await page.getByTestId(`palette-${type}`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
  await expect(page.getByTestId('properties-panel')).toBeVisible();
}

/** Renames the selected step in its properties panel. */
export async function renameSelected(page: Page, id: string) {
  const field = page.locator('#step-id');
  await field.fill(id);
  await field.press('Enter');
  await expect(page.getByTestId(`step-node-${id}`)).toBeVisible();
}

/** Connects an outcome handle to a step by dragging with the mouse. */
export async function connect(page: Page, handleTestId: string, targetStepId: string) {
  const from = (await page.getByTestId(handleTestId).boundingBox())!;
  const to = (await page.getByTestId(`handle-${targetStepId}-in`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 30, to.y + to.height / 2 + 10, { steps: 12 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
  await page.mouse.up();
}

/** Selects a step by clicking its node. */
export async function selectStep(page: Page, id: string) {
  await page.getByTestId(`step-node-${id}`).click({ position: { x: 60, y: 14 } });
  await expect(page.locator('#step-id')).toHaveValue(id);
}

/** Screenshots kept out of test-results/, which other suites' runs clear. */
export async function shot(page: Page, name: string) {
  mkdirSync('test-results-editor/screens', { recursive: true });
  await page.screenshot({ path: `test-results-editor/screens/${name}.png`, fullPage: true });
}

/** Auto-layout animates the viewport into place; handles are only worth aiming at once it stops. */
export async function waitForCanvasToSettle(page: Page) {
  let last = '';
  for (let still = 0; still < 3; ) {
    await page.waitForTimeout(150);
    const now = await page.locator('.react-flow__viewport').getAttribute('style');
    still = now === last ? still + 1 : 0;
    last = now ?? '';
  }
}

/** Every step id of an exported workflow, nested ones included, in definition order. */
export function stepIdsOf(wf: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (steps: Array<Record<string, unknown>>) => {
    for (const s of steps) {
      out.push(String(s.id));
      for (const seq of (s.do as Array<Array<Record<string, unknown>>> | undefined) ?? []) walk(seq);
    }
  };
  walk((wf.definition as { steps: Array<Record<string, unknown>> }).steps);
  return out;
}

/** A node's position in flow coordinates (React Flow draws it with translate(x, y)). */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const style = (await page.locator(`.react-flow__node[data-id="${id}"]`).getAttribute('style')) ?? '';
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(style);
  if (!m) throw new Error(`No position in ${style}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Resolves when the next editor save (a server action POST) has answered. */
export function nextSave(page: Page) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action'] && r.url().includes('/automation'), {
    timeout: 20_000,
  });
}
