import { expect, type Page, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { callBackBot, createSavedWorkflow } from './editor-helpers';

const customer = '+6590001717';

/** The conversation a run panel shows, as "customer: …" / "business: …" lines. */
async function transcript(page: Page): Promise<string[]> {
  return page
    .getByTestId('run-messages')
    .locator('[data-testid="wa-bubble-customer"], [data-testid="wa-bubble-business"]')
    .evaluateAll((els) =>
      els.map((el) => {
        const who = el.getAttribute('data-testid') === 'wa-bubble-customer' ? 'customer' : 'business';
        // The bubble's text without its time stamp (the last line, "HH:mm").
        const text = (el.firstElementChild?.textContent ?? el.textContent ?? '').trim();
        return `${who}: ${text}`;
      }),
    );
}

// Issue 17, item 6: the run panel showed an interactive message as the word "interactive", with
// nothing to tap, and a run's transcript mixed in the customer's messages to other runs.
test('the test run shows the bot as WhatsApp does, answers by tapping, and each run holds only its own messages', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const url = await createSavedWorkflow(page, callBackBot('Call back bot'));
  const workflowId = url.split('/').pop()!;

  await page.getByRole('button', { name: 'Test run' }).click();
  await page.getByLabel('Simulator customer').fill(customer);
  await page.getByLabel('First message').fill('Hi');
  await page.getByRole('button', { name: 'Start test run' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('waiting', { timeout: 20_000 });
  const panel = page.getByTestId('run-messages');
  await expect(panel.getByTestId('wa-interactive')).toBeVisible();
  await expect(panel).not.toContainText(/^interactive$/m);
  await expect(panel.getByRole('button', { name: 'No thanks' })).toBeVisible();
  await page.screenshot({ path: 'test-results-editor/screens/editor-test-run-buttons.png' });

  // Tapping a button answers as the customer; the run goes on down the "yes" path.
  await panel.getByRole('button', { name: 'Yes please' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
  await expect(panel).toContainText('We will call you soon');
  const first = await transcript(page);
  expect(first).toEqual([
    expect.stringMatching(/^customer: Hi/),
    expect.stringMatching(/^business: Would you like a call back\?/),
    expect.stringMatching(/^customer: Yes please/),
    expect.stringMatching(/^business: We will call you soon/),
  ]);

  // A second run of the same customer holds only its own messages.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('waiting', { timeout: 20_000 });
  await expect(panel.getByTestId('wa-interactive')).toHaveCount(1);
  expect(await transcript(page)).toEqual([expect.stringMatching(/^customer: Hi/), expect.stringMatching(/^business: Would you like a call back\?/)]);
  await page.getByLabel('Reply as the customer').fill('no');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
  await expect(panel).toContainText('Alright, goodbye');
  expect(await transcript(page)).toHaveLength(4);

  // The first run, shown on the graph from Runs, still holds exactly its own conversation.
  await page.goto(`/automation/runs?workflow=${workflowId}`);
  const rows = page.locator('[data-testid^="run-"]');
  await expect(rows).toHaveCount(2);
  const firstRun = (await rows.last().getAttribute('data-testid'))!.replace(/^run-/, '');
  await page.goto(`/automation/runs/${firstRun}`);
  await page.getByRole('link', { name: 'Show on the graph' }).click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 20_000 });
  await expect(page.getByTestId('run-messages').getByTestId('wa-interactive')).toBeVisible();
  expect(await transcript(page)).toEqual(first);
  await expect(page.getByTestId('run-messages')).not.toContainText('goodbye');
  await page.screenshot({ path: 'test-results-editor/screens/editor-run-on-graph.png' });
});
