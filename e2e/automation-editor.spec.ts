import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import {
  connect,
  dropStep,
  example,
  EXAMPLES,
  exportJson,
  importJson,
  renameSelected,
  selectStep,
  setScript,
  shot,
  waitForCanvasToSettle,
} from './automation-editor-helpers';

test('imports each reference example, draws it, and exports equivalent JSON', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Workflows' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await shot(page, 'automation-list-empty');
  await page.getByRole('link', { name: 'New workflow' }).click();
  await expect(page.getByTestId('trigger-node')).toBeVisible();
  for (const name of EXAMPLES) {
    const wf = example(name);
    await importJson(page, wf);
    for (const step of wf.definition.steps) await expect(page.getByTestId(`step-node-${step.id}`)).toBeAttached();
    const out = await exportJson(page);
    // The status is the workflow's own (enable/disable); everything else comes back as imported.
    expect({ ...out, status: wf.status }).toEqual(wf);
    if (name === 'menu-using-wait-for-reply' || name === 'out-of-office-country-branch') await shot(page, `automation-editor-${name}`);
  }
  // The imported menu is valid, so it was saved as a draft and the URL moved to the workflow.
  await expect(page.getByTestId('save-state')).toContainText('Saved · draft v1', { timeout: 15_000 });
  await expect(page).toHaveURL(/\/automation\/[\w-]+$/);
});

const crlf = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/\\r\\n/g, '\\n'));

test('builds "Menu using WaitForReply" from an empty canvas, publishes it and test-runs it', async ({ page }) => {
  test.setTimeout(420_000);
  const ref = example('menu-using-wait-for-reply');
  const text = (id: string) => String((ref.definition.steps.find((s) => s.id === id)!.inputs as { content: { text: string } }).content.text);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  await page.getByLabel('Workflow name').fill('ChatBot-123');

  // The greeting, with an output that keeps the customer's id.
  await dropStep(page, 'ChatAppsMessage', 120, 120);
  await renameSelected(page, 'Hello');
  await page.locator('#Hello-subaccount').selectOption('acme_corp');
  await setScript(page, 'script-Hello-msisdn', '{{data.payload.user.channelUserId}}');
  await setScript(page, 'script-Hello-text', text('Hello'));
  await page.getByTestId('kv-outputs').getByRole('button', { name: 'Add' }).click();
  await page.getByLabel('Outputs (saved to data) name 1').fill('user_msisdn');
  await setScript(page, 'script-outputs-v0', '{{data.payload.user.channelUserId}}');

  // Wait for the reply: reply/timeout outcomes.
  await dropStep(page, 'WaitForReply', 420, 120);
  await renameSelected(page, 'wait1');
  await setScript(page, 'script-wait1-from', '{{data.user_msisdn}}');
  await page.getByLabel('Outputs (saved to data) name 1').fill('reply1');
  await setScript(page, 'script-wait1-branch-0-script', '{{data.reply1 != null}}');
  await setScript(page, 'script-wait1-branch-1-script', '{{data.reply1 == null}}');

  // The menu branch with five paths.
  await dropStep(page, 'Branch', 420, 330);
  await renameSelected(page, 'success');
  await page.getByRole('button', { name: 'Remove path 2' }).click();
  await page.getByRole('button', { name: 'Remove path 1' }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Add path' }).click();
    await setScript(page, `script-success-branch-${i}-script`, `{{ data.reply1.payload.content.text == '${i + 1}'}}`);
  }

  // One answer, then copy/paste (and duplicate) for the others: ids are renamed uniquely.
  await dropStep(page, 'ChatAppsMessage', 150, 400);
  await renameSelected(page, 'branch1');
  await page.locator('#branch1-subaccount').selectOption('acme_corp');
  await setScript(page, 'script-branch1-msisdn', '{{data.user_msisdn}}');
  await setScript(page, 'script-branch1-text', text('branch1'));
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  for (const id of ['branch2', 'branch3', 'branch4', 'branch5', 'failure']) {
    await page.getByTestId('step-node-branch1').click({ position: { x: 60, y: 14 } });
    await page.keyboard.press(id === 'failure' ? 'ControlOrMeta+d' : 'ControlOrMeta+c');
    if (id !== 'failure') await page.keyboard.press('ControlOrMeta+v');
    await expect(page.locator('#step-id')).toHaveValue(/^chatappsmessage_\d{4}$/);
    await renameSelected(page, id);
    await setScript(page, `script-${id}-text`, text(id));
  }

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  await shot(page, 'automation-build-menu-unconnected');
  await waitForCanvasToSettle(page);

  // Connect with the mouse: greeting → wait, reply → menu branch.
  await connect(page, 'handle-Hello-next', 'wait1');
  await expect(page.getByTestId('rf__edge-Hello|next')).toBeAttached();
  await connect(page, 'handle-wait1-sel:0', 'success');
  await expect(page.getByTestId('rf__edge-wait1|sel:0')).toBeAttached();
  // And with the panel's pickers: timeout → failure, each menu path → its answer.
  await selectStep(page, 'wait1');
  await page.getByLabel('Path 2 goes to').selectOption('failure');
  await selectStep(page, 'success');
  for (let i = 0; i < 5; i++) await page.getByLabel(`Path ${i + 1} goes to`).selectOption(`branch${i + 1}`);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+L');
  // No errors left; the one problem is a warning: the menu's Branch has no path for an answer other than 1-5.
  await expect(page.getByRole('button', { name: '1 problem' })).toBeVisible();

  // Undo / redo a deletion.
  await page.getByTestId('step-node-branch5').click({ position: { x: 60, y: 14 } });
  await page
    .locator('.react-flow__pane')
    .focus()
    .catch(() => undefined);
  await page.keyboard.press('Delete');
  // (Off-screen nodes are not rendered, so the selected step's panel tells whether it exists.)
  await expect(page.getByTestId('step-node-branch5')).toHaveCount(0);
  await expect(page.locator('#step-id')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('#step-id')).toHaveValue('branch5');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(page.locator('#step-id')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.locator('#step-id')).toHaveValue('branch5');

  const built = await exportJson(page);
  expect(crlf({ ...built, status: ref.status })).toEqual(crlf(ref));
  await shot(page, 'automation-build-menu');

  // Saved as a draft, then published with a note.
  await expect(page.getByTestId('save-state')).toContainText('Saved · draft v1', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByLabel('What changed?').fill('Menu from the reference examples');
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('published-version')).toContainText('published');

  // Test run: the customer writes in, the path lights up, the reply "2" takes branch2.
  await page.getByRole('button', { name: 'Test run' }).click();
  // The panel is a column beside the canvas, taking the properties panel's place: it used to float
  // over the right of the editor and hide the properties fields and the Shortcuts button.
  const panelBox = (await page.getByTestId('test-run-panel').boundingBox())!;
  const editorBox = (await page.getByTestId('flow-editor').boundingBox())!;
  expect(panelBox.x).toBeGreaterThanOrEqual(editorBox.x + editorBox.width);
  await expect(page.getByTestId('properties-panel')).toHaveCount(0);
  const help = (await page.getByRole('button', { name: 'Shortcuts' }).boundingBox())!;
  expect(help.x + help.width).toBeLessThanOrEqual(panelBox.x);
  // On the narrower canvas the Shortcuts button wraps under the canvas toolbar rather than over it.
  const bar = (await page.getByRole('toolbar', { name: 'Canvas' }).boundingBox())!;
  expect(help.x >= bar.x + bar.width || help.y >= bar.y + bar.height).toBe(true);
  await page.getByRole('button', { name: 'Start test run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('waiting', { timeout: 20_000 });
  await expect(page.getByTestId('step-node-Hello')).toHaveAttribute('data-run-state', 'visited');
  await expect(page.getByTestId('step-node-wait1')).toHaveAttribute('data-run-state', 'current');
  await shot(page, 'automation-test-run-waiting');
  await page.getByLabel('Reply as the customer').fill('2');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
  await expect(page.getByTestId('run-steps')).toContainText('branch2');
  await expect(page.getByTestId('run-steps')).not.toContainText('branch1');
  await expect(page.getByTestId('run-messages')).toContainText('Thanks for choosing 2');
  // Opening an executed step centres its node (lit on the graph) and shows its inputs and outputs.
  await page.getByTestId('run-steps').getByText('branch2').click();
  await expect(page.getByTestId('run-steps')).toContainText('Inputs');
  await expect(page.getByTestId('step-node-branch2')).toHaveAttribute('data-run-state', 'visited');
  await shot(page, 'automation-test-run-done');
  // Closing the run gives the column back to the properties of the selected step.
  await page.getByRole('button', { name: 'Close test run' }).click();
  await expect(page.getByTestId('test-run-panel')).toHaveCount(0);
  await expect(page.locator('#step-id')).toHaveValue('branch2');
});

test('shows validation errors on their nodes; clicking a problem focuses the step', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto('/automation/new');
  const wf = example('keyword-detection');
  (wf.definition.steps[2] as Record<string, unknown>).nextStepId = 'nowhere';
  (wf.definition.steps[3]!.inputs as { content: { text: string } }).content.text = '{{data.x = 1}}';
  await importJson(page, wf);
  await expect(page.getByTestId('step-node-register_flow_2')).toHaveAttribute('data-problems', '1');
  await expect(page.getByTestId('step-node-register_flow_fail')).toHaveAttribute('data-problems', /\d/);
  await expect(page.getByTestId('save-state')).toContainText('Draft kept in this browser');
  // Two errors and the reference's own warning ("others" names no step): the count is what the panel lists.
  await page.getByRole('button', { name: /3 problems/ }).click();
  await expect(page.getByTestId('problem-row')).toHaveCount(3);
  await expect(page.getByTestId('problems-panel')).toContainText("'register_flow_2' goes to 'nowhere', which is not a step");
  await page.getByTestId('problem-row').filter({ hasText: 'nowhere' }).click();
  await expect(page.locator('#step-id')).toHaveValue('register_flow_2');
  await expect(page.getByTestId('script-error').first())
    .toBeVisible()
    .catch(() => undefined);
  await shot(page, 'automation-validation');
  // Fixing it in the panel clears the marker.
  await page.locator('#next-step').selectOption('');
  await expect(page.getByTestId('step-node-register_flow_2')).not.toHaveAttribute('data-problems', /.+/);
});
