import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, snapshot } from './fixtures';

const auth = { authorization: `Bearer ${E2E_API_KEY}` };

/** A local webhook receiver: collects the JSON bodies posted to it. */
async function receiver() {
  const bodies: any[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      bodies.push(JSON.parse(raw));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, bodies, close: () => new Promise((r) => server.close(r)) };
}

test('an admin sets the messaging tier in Settings; each WhatsApp number fires phone_number_quality_update', async ({ page, request }) => {
  const hook = await receiver();
  const created = await request.post('/api/v1/accounts/acme_corp/webhooks', {
    headers: auth,
    data: { url: hook.url, events: ['phone_number_quality_update'] },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  try {
    await signIn(page, ADMIN);
    await page.goto('/settings/pricing');
    await expect(page.getByTestId('messaging-tier')).toHaveAttribute('data-tier', 'TIER_1K');
    await expect(page.getByTestId('messaging-next-upgrade')).toContainText('TIER_10K at 500 unique users within 7 days');

    await page.getByLabel('Messaging tier').selectOption('TIER_250');
    await page.getByRole('button', { name: 'Set tier' }).click();
    await expect(page.getByText('Messaging limit set to TIER_250 (DOWNGRADE)')).toBeVisible();
    await expect(page.getByTestId('messaging-tier')).toHaveAttribute('data-tier', 'TIER_250');
    await expect(page.getByTestId('messaging-next-upgrade')).toContainText('TIER_2K at 2,000 unique users within 30 days');
    await snapshot(page, 'settings-messaging-limit');

    // Delivered to the receiver, one per WhatsApp number of the account, in the reference shape.
    await expect.poll(() => hook.bodies.length, { timeout: 15_000 }).toBe(2);
    expect(hook.bodies.map((b) => b.eventDetails.displayPhoneNumber).sort()).toEqual(['15550783881', '15550783882']);
    expect(hook.bodies[0]).toMatchObject({
      provider: 'WhatsApp',
      eventType: 'phone_number_quality_update',
      eventDetails: { meta: { event: 'DOWNGRADE', currentLimit: 'TIER_250', oldLimit: 'TIER_1K' } },
    });
  } finally {
    // Leave the shared account as the other specs expect it.
    await page.getByLabel('Messaging tier').selectOption('TIER_1K');
    await page.getByRole('button', { name: 'Set tier' }).click();
    await expect(page.getByTestId('messaging-tier')).toHaveAttribute('data-tier', 'TIER_1K');
    await request.delete(`/api/v1/accounts/acme_corp/webhooks/${id}`, { headers: auth });
    await hook.close();
  }
});
