import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, ANALYST, E2E_API_KEY, signIn, snapshot } from './fixtures';

const auth = { authorization: `Bearer ${E2E_API_KEY}` };

async function createWorkflow(request: APIRequestContext, name: string, steps: unknown[]) {
  const r = await request.post('/api/v1/accounts/acme_corp/workflows', {
    headers: auth,
    data: { subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name, steps } },
  });
  expect(r.status()).toBe(201);
  return (await r.json()).id as string;
}

async function disable(request: APIRequestContext, id: string, name: string, steps: unknown[]) {
  await request.put(`/api/v1/accounts/acme_corp/workflows/${id}`, {
    headers: auth,
    data: { subAccountId: 'acme_corp', trigger: 'http_request', status: 'disabled', definition: { name, steps } },
  });
}

async function settled(request: APIRequestContext, instanceId: string) {
  await expect
    .poll(async () => (await (await request.get(`/api/v1/accounts/acme_corp/workflows/instances/${instanceId}`, { headers: auth })).json()).status)
    .not.toBe('running');
}

test('Runs: filter, read a failed run, retry it, cancel a waiting run', async ({ page, request }) => {
  const waitSteps = [
    { id: 'say_hi', stepType: 'SMS', inputs: { destination: '+6591234567', text: 'Hello {{data.name}}' }, nextStepId: 'pause' },
    { id: 'pause', stepType: 'Wait', inputs: { duration: '1' } },
  ];
  const failSteps = [
    { id: 'lookup', stepType: 'Branch', selectNextStep: { notify: "{{stringContains(data.name, 'a', true)}}" } },
    { id: 'notify', stepType: 'SMS', inputs: { destination: '{{data.phone}}', text: 'x' } },
  ];
  const waiting = await createWorkflow(request, 'E2E reminder', waitSteps);
  const failing = await createWorkflow(request, 'E2E notifier', failSteps);
  const started = await request.post('/api/v1/accounts/acme_corp/triggers/http_request?subAccountId=acme_corp', {
    headers: auth,
    data: { name: 'Ada', phone: 'not-a-phone' },
  });
  expect(started.status()).toBe(202);
  const ids: string[] = (await started.json()).workflowIds;
  expect(ids).toHaveLength(2);
  for (const id of ids) await settled(request, id);
  await disable(request, waiting, 'E2E reminder', waitSteps);
  await disable(request, failing, 'E2E notifier', failSteps);

  await signIn(page, ADMIN);
  await page.goto('/automation/runs');
  await expect(page.getByRole('heading', { name: 'Runs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Runs' })).toBeVisible();
  await expect(page.getByRole('row', { name: /E2E reminder/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /E2E notifier/ })).toBeVisible();
  await snapshot(page, 'automation-runs-list');

  await page.getByLabel('Status').selectOption('failed');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByRole('row', { name: /E2E reminder/ })).toHaveCount(0);
  await page
    .getByRole('row', { name: /E2E notifier/ })
    .getByRole('link')
    .click();

  await expect(page.getByRole('heading', { name: /E2E notifier · run/ })).toBeVisible();
  await expect(page.getByTestId('step-2')).toContainText("Failed to send SMS message because Invalid MSISDN: 'not-a-phone'");
  await expect(page.getByTestId('step-2')).toContainText('notify');
  await expect(page.getByTestId('step-2')).toContainText('"destination": "not-a-phone"');
  await snapshot(page, 'automation-run-failed');
  await page.getByRole('button', { name: "Retry from 'notify'" }).click();
  await expect(page.getByText("Retrying from step 'notify'")).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('step-3').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await expect(page.getByTestId('step-3')).toContainText('failed');

  // The run on its workflow's graph: the editor opens with the run's panel and the failed step marked.
  const runUrl = page.url();
  await page.getByRole('link', { name: 'Show on the graph' }).click();
  await expect(page).toHaveURL(new RegExp(`/automation/${failing}\\?instance=`));
  await expect(page.getByTestId('test-run-panel')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('failed');
  await expect(page.getByTestId('step-node-notify')).toHaveAttribute('data-run-state', 'failed');
  await expect(page.getByTestId('step-node-lookup')).toHaveAttribute('data-run-state', 'visited');
  await snapshot(page, 'automation-run-on-graph');
  await page.goto(runUrl);

  await page.goto('/automation/runs?status=waiting');
  await page
    .getByRole('row', { name: /E2E reminder/ })
    .getByRole('link')
    .click();
  await expect(page.getByTestId('step-2')).toContainText('waiting');
  await expect(page.getByTestId('step-1')).toContainText('Hello Ada');
  await snapshot(page, 'automation-run-waiting');
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByText('Run cancelled')).toBeVisible();
  await expect(page.getByTestId('step-2')).toContainText('cancelled');
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
});

test('Runs need automation.view', async ({ page }) => {
  await signIn(page, ANALYST);
  const r = await page.goto('/automation/runs');
  expect(r?.status()).toBe(403);
});
