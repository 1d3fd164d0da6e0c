import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLES = ['chat-apps-auto-reply', 'sms-auto-reply', 'out-of-office-country-branch', 'keyword-detection', 'menu-using-wait-for-reply'] as const;

export function example(name: string): Record<string, unknown> & { definition: { name: string; steps: Array<Record<string, unknown>> } } {
  return JSON.parse(readFileSync(path.join(process.cwd(), 'lib/automation/graph/fixtures', `${name}.json`), 'utf8'));
}

/** Opens the import dialog, pastes the JSON and imports it. */
export async function importJson(page: Page, json: unknown) {
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByLabel('Workflow JSON').fill(JSON.stringify(json, null, 2));
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
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
