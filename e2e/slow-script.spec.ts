import { expect, test } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn } from './fixtures';

// Issue 12 item 4, as a person meets it: a workflow whose script runs longer than the event loop's
// slice (so it moves to the script worker pool) still answers a Simulator customer. The Simulator's
// message is stored by a server action, so the workflow runs inside Next's server bundle, where the
// pool must find its worker too.
const SUB = 'acme_corp_chatapps';
const CUSTOMER = '+15553336666';
const auth = { Authorization: `Bearer ${E2E_API_KEY}` };

test('a slow script answers a Simulator customer through the script workers', async ({ page, request }) => {
  // Busy for 60 ms: six times the 10 ms a script may hold the event loop.
  const slow = "{{((until) => { while (Date.now() < until) {} return 'Thanks, ' + data.payload.content.text; })(Date.now() + 60)}}";
  const created = await request.post('/api/v1/accounts/acme_corp/workflows', {
    headers: auth,
    data: {
      subAccountId: SUB,
      trigger: 'inbound_chat_apps',
      status: 'enabled',
      definition: {
        name: 'Slow script reply',
        steps: [
          { id: 'reply', stepType: 'ChatAppsMessage', inputs: { user: { msisdn: '{{data.payload.user.msisdn}}' }, type: 'text', content: { text: slow } } },
        ],
      },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  try {
    await signIn(page, ADMIN);
    await page.goto('/simulator');
    await page.getByLabel('Subaccount').selectOption(SUB);
    await page.getByLabel('Add a customer').fill(CUSTOMER);
    await page.getByRole('button', { name: 'Add phone' }).click();
    const phone = page.locator(`[data-testid="sim-phone"][data-msisdn="${CUSTOMER}"]`);
    await phone.getByLabel(`Message from ${CUSTOMER}`).fill('slow please');
    await phone.getByRole('button', { name: 'Send' }).click();
    await expect(phone.getByTestId('wa-bubble-business').last()).toContainText('Thanks, slow please', { timeout: 15_000 });
    const runs = await (await request.get(`/api/v1/accounts/acme_corp/workflows/instances?workflowId=${id}`, { headers: auth })).json();
    expect(JSON.stringify(runs)).toContain('completed');
  } finally {
    // Other specs talk to this subaccount's customers: the workflow must not answer them.
    expect((await request.delete(`/api/v1/accounts/acme_corp/workflows/${id}`, { headers: auth })).status()).toBe(204);
  }
});
