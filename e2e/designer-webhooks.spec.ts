import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN, signIn } from './fixtures';
import { screenshots } from './designer-helpers';

// Issue 17, item 13: a webhook is edited (URL, events) and sent a test event from Settings → Webhooks.

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: http.Server;
let base = '';

test.beforeAll(async () => {
  // The customer's receiver: answers 200, or 500 on /down.
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.url === '/down' ? 500 : 200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('edit a webhook’s URL and events, send it a signed test event, see the answer; a failing receiver shows its error', async ({ page }) => {
  const path = `/hooks-${crypto.randomBytes(3).toString('hex')}`;
  await signIn(page, ADMIN);
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByLabel('URL').fill(`${base}/old`);
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  const secret = (await page.getByTestId('webhook-secret').textContent())!.trim();
  await page.getByRole('button', { name: 'Done' }).click();

  const row = page.getByTestId('webhook-endpoint').filter({ hasText: `${base}/old` });
  await row.getByTestId('edit-webhook').click();
  const dialog = page.getByRole('dialog', { name: 'Edit webhook' });
  await expect(dialog.getByLabel('URL')).toHaveValue(`${base}/old`);
  await dialog.getByLabel('URL').fill(`${base}${path}`);
  await dialog.getByRole('checkbox', { name: 'template_status_update' }).check();
  await dialog.getByRole('checkbox', { name: 'inbound_message_received' }).uncheck();
  await screenshots(page, 'webhook-edit', { fullPage: false });
  await dialog.getByTestId('save-webhook').click();
  await expect(dialog).toHaveCount(0);
  const edited = page.getByTestId('webhook-endpoint').filter({ hasText: `${base}${path}` });
  await expect(edited).toContainText('template_status_update');
  await expect(edited).not.toContainText('inbound_message_received');
  await expect(page.getByTestId('webhook-endpoint').filter({ hasText: `${base}/old` })).toHaveCount(0);

  await edited.getByTestId('test-webhook').click();
  const test = page.getByRole('dialog', { name: 'Send a test event' });
  await test.getByLabel('Event').selectOption('template_status_update');
  await test.getByTestId('send-test-event').click();
  await expect(test.getByTestId('webhook-test-result')).toHaveAttribute('data-status', 'succeeded');
  await expect(test.getByTestId('webhook-test-result')).toContainText('Delivered: HTTP 200');
  await screenshots(page, 'webhook-test', { fullPage: false });
  // The receiver got it, signed with the webhook's secret, marked as a test.
  // Exactly one test event arrived (the webhook may also get real events meanwhile).
  const tests = received.filter((r) => r.path === path && r.headers['x-parley-test'] === 'true');
  expect(tests).toHaveLength(1);
  const got = tests[0]!;
  expect(got.headers['x-parley-signature']).toBe(`sha256=${crypto.createHmac('sha256', secret).update(got.body).digest('hex')}`);
  expect(got.headers['x-parley-test']).toBe('true');
  expect(JSON.parse(got.body)).toMatchObject({ provider: 'WhatsApp', eventType: 'template_status_update', eventDetails: { meta: { status: 'APPROVED' } } });
  await test.getByRole('button', { name: 'Done' }).click();
  // Recorded like any delivery.
  await expect(
    page
      .getByTestId('webhook-delivery')
      .filter({ hasText: `${base}${path}` })
      .first(),
  ).toContainText('succeeded');

  // A receiver that answers 500: the answer is shown, and the delivery is recorded as failed.
  await edited.getByTestId('edit-webhook').click();
  await dialog.getByLabel('URL').fill(`${base}/down`);
  await dialog.getByTestId('save-webhook').click();
  const down = page.getByTestId('webhook-endpoint').filter({ hasText: `${base}/down` });
  await down.getByTestId('test-webhook').click();
  await test.getByTestId('send-test-event').click();
  await expect(test.getByTestId('webhook-test-result')).toHaveAttribute('data-status', 'failed');
  await expect(test.getByTestId('webhook-test-result')).toContainText('Not delivered: HTTP 500');
  await test.getByRole('button', { name: 'Done' }).click();
  await expect(
    page
      .getByTestId('webhook-delivery')
      .filter({ hasText: `${base}/down` })
      .first(),
  ).toContainText('failed');
  await screenshots(page, 'webhooks');
});

test('an edit to a URL Parley would not deliver to is refused beside the field', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/webhooks');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByLabel('URL').fill(`${base}/refuse-probe`);
  await page.getByRole('dialog').getByRole('button', { name: 'Add webhook' }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await page
    .getByTestId('webhook-endpoint')
    .filter({ hasText: `${base}/refuse-probe` })
    .getByTestId('edit-webhook')
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit webhook' });
  await dialog.getByLabel('URL').fill('ftp://example.com/hooks');
  await dialog.getByTestId('save-webhook').click();
  await expect(dialog.getByText('Only http and https URLs can receive webhooks')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'inbound_message_received' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'outbound_message_status_changed' }).uncheck();
  await dialog.getByLabel('URL').fill(`${base}/refuse-probe`);
  await dialog.getByTestId('save-webhook').click();
  await expect(dialog.getByText('Choose at least one event')).toBeVisible();
});
