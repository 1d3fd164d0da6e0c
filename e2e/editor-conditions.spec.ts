import { expect, type Locator, type Page, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { dropStep, example, exportJson, importJson, renameSelected, selectStep, setScript } from './automation-editor-helpers';
import { clickPane } from './editor-helpers';

const KINDS = [
  { kind: 'country', label: 'Country code of a mobile number', field: 'Country code' },
  { kind: 'timeOfDay', label: 'Time of day', field: 'Time zone' },
  { kind: 'dayOfWeek', label: 'Day of the week', field: 'Day' },
  { kind: 'custom', label: 'Custom condition', field: 'Condition script' },
  { kind: 'contains', label: 'Value contains a string', field: 'Keyword' },
] as const;

/** Picks each kind in turn in a path's condition picker; each must stay chosen, with its own fields. */
async function pickEveryKind(page: Page, path: Locator, order: ReadonlyArray<(typeof KINDS)[number]>) {
  const picker = path.getByLabel('Condition kind');
  for (const k of order) {
    await picker.selectOption({ label: k.label });
    await expect(picker, `${k.kind} stays chosen`).toHaveValue(k.kind);
    await expect(path.getByLabel(k.field, { exact: true }), `${k.kind} shows its fields`).toBeVisible();
    // Still chosen a moment later (the panel re-renders after every edit).
    await page.waitForTimeout(300);
    await expect(picker).toHaveValue(k.kind);
  }
}

// Issue 17, item 2: choosing "Custom condition" snapped back to "Value contains a string".
test('every condition kind can be chosen for a new and for an existing Branch path', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await importJson(page, { ...example('chat-apps-auto-reply'), status: 'disabled' });
  await dropStep(page, 'Branch', 420, 300);
  await renameSelected(page, 'route');

  // The new Branch's first path ("contains" by default) and a path added now ("{{true}}", custom).
  await pickEveryKind(page, page.getByTestId('branch-0'), KINDS);
  await page.getByRole('button', { name: 'Add path' }).click();
  const added = page.getByTestId('branch-2');
  await pickEveryKind(page, added, [KINDS[0], KINDS[3], KINDS[1], KINDS[2], KINDS[4], KINDS[3]]);

  // A custom condition is written as typed, and exported as such once its path goes somewhere.
  await setScript(page, 'script-route-branch-2-script', "{{data.payload.content.text == 'menu'}}");
  await expect(added.getByLabel('Condition kind')).toHaveValue('custom');
  await added.getByLabel('Path 3 goes to').selectOption('send_CA');
  await clickPane(page);
  const out = await exportJson(page);
  const route = (out.definition as { steps: Array<{ id: string; selectNextStep?: Record<string, string | null> }> }).steps.find((s) => s.id === 'route');
  expect(route?.selectNextStep).toEqual({ send_CA: "{{data.payload.content.text == 'menu'}}" });

  // An existing path, opened again: every kind can still be chosen.
  await selectStep(page, 'route');
  await pickEveryKind(page, page.getByTestId('branch-2'), KINDS);
});
