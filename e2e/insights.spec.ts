import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, expectNoSidewaysScroll } from './fixtures';
import { e2eDatabaseUrl } from './database-url';

// Issue 15: the Dashboard on real traffic, each of its numbers opening exactly its messages in the
// Logs, the Logs live (new messages and receipts without a reload) with the drawer, a Report exported
// and read back, the account's time zone, and every page at desktop widths in both themes and on a phone.

const port = Number(process.env.E2E_PORT ?? 3210);
const auth = { authorization: `Bearer ${E2E_API_KEY}` };
const CHATAPPS = 'acme_corp_chatapps';
const MAIN = 'acme_corp';
const HELD = '+15557770001';

test.describe.configure({ mode: 'serial' });

function setup(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'e2e/insights.setup.ts', ...args], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(port), LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  }).trim();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/insights-${name}.png`, fullPage: true });
}

async function inbound(request: APIRequestContext, sub: string, msisdn: string, text: string, channel = 'whatsapp') {
  const res = await request.post(`/api/v1/subaccounts/${sub}/sandbox/inbound`, {
    headers: auth,
    data: { channel, user: { msisdn }, type: 'text', content: { text } },
  });
  expect(res.status()).toBe(202);
}

async function send(request: APIRequestContext, sub: string, msisdn: string, text: string) {
  const res = await request.post(`/api/v1/subaccounts/${sub}/messages`, { headers: auth, data: { user: { msisdn }, type: 'text', content: { text } } });
  expect(res.status()).toBe(200);
  return (await res.json()).umid as string;
}

/**
 * Until the sandbox has given every message of this test its last receipt (WhatsApp: read), the numbers
 * still move. Only messages since `since`: earlier specs leave messages that stay delivered (SMS has no read).
 */
async function settled(request: APIRequestContext, since: string) {
  await expect
    .poll(
      async () => {
        let n = 0;
        for (const sub of [CHATAPPS, MAIN])
          for (const status of ['queued', 'sent', 'delivered'])
            n += (await (await request.get(`/api/v1/subaccounts/${sub}/messages?status=${status}&from=${encodeURIComponent(since)}`, { headers: auth })).json())
              .data.length;
        return n;
      },
      { timeout: 20_000 },
    )
    .toBe(0);
}

async function summary(request: APIRequestContext, query = '') {
  const today = new Date().toISOString().slice(0, 10);
  return (await request.get(`/api/v1/accounts/acme_corp/reports/summary?from=${today}&to=${today}${query}`, { headers: auth })).json();
}

/** Clicks the count and checks the Logs it opens count and list exactly that many messages. */
async function opensMatchingLogs(page: Page, testId: string) {
  const link = page.getByTestId(testId).first();
  const n = Number(await link.getAttribute('data-count'));
  expect(n, testId).toBeGreaterThan(0);
  await link.click();
  await expect(page).toHaveURL(/\/logs\?/);
  await expect(page.getByTestId('logs-count')).toHaveAttribute('data-count', String(n));
  // The list itself holds that many (its first page is 50; the table renders only the rows in view).
  if (n <= 50) await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('aria-rowcount', String(n + 1));
  return n;
}

let heldUmid: string;
let failedUmid: string;

test('the Dashboard shows the traffic in charts and numbers, follows its filters, and each number opens exactly its messages', async ({ page, request }) => {
  // Customers write in (opening the 24 h window), the business answers; a number that cannot be
  // reached, a message outside any window, and SMS from customers on the other subaccount.
  const before = await summary(request);
  const since = new Date(Date.now() - 1000).toISOString();
  for (const [sub, n] of [
    [CHATAPPS, '+6591234567'],
    [CHATAPPS, '+447700900123'],
    [MAIN, '+15551230001'],
    [MAIN, '+15551110000'],
  ] as const) {
    await inbound(request, sub, n, 'Where is my order?');
    await send(request, sub, n, 'Your order *#1234* ships today.');
  }
  failedUmid = await send(request, CHATAPPS, '+919812345678', 'Hello outside the window');
  await inbound(request, MAIN, '+15552220002', 'STATUS', 'sms');
  await inbound(request, MAIN, '+15552220003', 'HELP', 'sms');
  await settled(request, since);
  const all = await summary(request);
  expect(all.read - before.read).toBe(3);
  expect(all.undelivered - before.undelivered).toBe(2);

  await signIn(page, ADMIN);
  await page.goto('/dashboard?range=today');
  // The numbers are the Reports API's for the same day, and the charts draw them.
  for (const k of ['read', 'delivered', 'undelivered', 'rejected', 'received'])
    await expect(page.getByTestId(`stat-${k}`)).toHaveAttribute('data-count', String(all[k]));
  await expect(page.getByTestId('stat-delivery-rate')).toHaveText(`${(all.deliveryRate * 100).toFixed(1)}%`);
  await expect(page.getByTestId('delivery-chart').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(page.getByTestId('conversations-chart')).toHaveAttribute(
    'data-total',
    String(Object.values(all.conversationsByCategory as Record<string, number>).reduce((a, b) => a + b, 0)),
  );
  await expect(page.getByTestId('top-error')).toHaveCount(2);
  await expect(page.getByTestId('top-error').filter({ hasText: '1003' })).toContainText('Unreachable destination');
  await expect(page.getByTestId('top-error').filter({ hasText: '1022' })).toContainText('24-hour customer service window');
  await expect(page.getByText('acme_corp_whatsapp')).toBeVisible();
  await shot(page, 'dashboard-today-1280-light');

  // The filters go to the URL and the numbers follow them.
  await page.getByRole('combobox', { name: /^Subaccount/ }).selectOption(CHATAPPS);
  await expect(page).toHaveURL(/subAccountId=acme_corp_chatapps/);
  const chatapps = await summary(request, `&subAccountId=${CHATAPPS}`);
  await expect(page.getByTestId('stat-received')).toHaveAttribute('data-count', String(chatapps.received));
  await expect(page.getByTestId('stat-undelivered')).toHaveAttribute('data-count', String(chatapps.undelivered));
  await page.getByRole('combobox', { name: /^Subaccount/ }).selectOption('');
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption('sms');
  await expect(page).toHaveURL(/channel=sms/);
  const sms = await summary(request, '&channel=sms');
  expect(sms.received).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('stat-received')).toHaveAttribute('data-count', String(sms.received));
  await expect(page.getByTestId('stat-read')).toHaveAttribute('data-count', '0');
  await page.getByRole('combobox', { name: /^Channel/ }).selectOption('');
  await page.getByLabel('Date range').selectOption('7d');
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByTestId('stat-read')).toHaveAttribute('data-count', String(all.read));

  // Each number opens the Logs filtered to its messages (state, range as instants, scope), and they match.
  await opensMatchingLogs(page, 'stat-read');
  await expect(page.getByTestId('log-status').first()).toHaveAttribute('data-state', 'read');
  await page.goBack();
  await opensMatchingLogs(page, 'stat-received');
  await page.goBack();
  expect(await opensMatchingLogs(page, 'top-error-count-1022')).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('log-row').first()).toContainText('Hello outside the window');
  await page.goBack();
  await page.getByTestId(`split-subAccountId-${MAIN}`).getByRole('link').nth(1).click();
  await expect(page).toHaveURL(/subAccountId=acme_corp&.*status=read/);
  await expect(page.getByTestId('logs-count')).toHaveAttribute('data-count', String((await summary(request, `&subAccountId=${MAIN}`)).read));
});

test('the Logs show new messages and receipts live, without a reload, and the drawer shows the message in full', async ({ page, request }) => {
  heldUmid = setup('held', CHATAPPS, 'acme_corp_whatsapp', HELD, 'Your parcel is on its way');
  await signIn(page, ADMIN);
  await page.goto(`/logs?msisdn=${encodeURIComponent(HELD)}`);
  const row = page.locator(`[data-testid="log-row"][data-umid="${heldUmid}"]`);
  await expect(row.getByTestId('log-status')).toHaveAttribute('data-state', 'sent');
  await expect(page.getByTestId('logs-count')).toHaveAttribute('data-count', '1');
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // A receipt arrives: the row changes in place.
  setup('status', heldUmid, 'delivered');
  await expect(row.getByTestId('log-status')).toHaveAttribute('data-state', 'delivered');
  await shot(page, 'logs-live-delivered');

  // The customer answers: held behind the pill until the user takes it in.
  await inbound(request, CHATAPPS, HELD, 'Thanks, see you tomorrow');
  await expect(page.getByTestId('new-messages-pill')).toHaveText('1 new message');
  await expect(page.getByTestId('log-row')).toHaveCount(1);
  await shot(page, 'logs-new-pill');
  await page.getByTestId('new-messages-pill').click();
  await expect(page.getByTestId('log-row')).toHaveCount(2);
  await expect(page.getByTestId('log-row').first()).toContainText('Thanks, see you tomorrow');
  await expect(page.getByTestId('logs-count')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('new-messages-pill')).toHaveCount(0);
  setup('status', heldUmid, 'read');
  await expect(row.getByTestId('log-status')).toHaveAttribute('data-state', 'read');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The drawer: state, rendering as WhatsApp shows it, every status in order, the payload.
  await row.click();
  const drawer = page.getByTestId('message-drawer');
  await expect(drawer.getByTestId('drawer-umid')).toHaveText(heldUmid);
  await expect(drawer.getByTestId('drawer-status')).toHaveText('read');
  await expect(drawer.getByTestId('drawer-rendering')).toContainText('Your parcel is on its way');
  await expect(drawer.getByTestId('timeline-entry')).toHaveCount(4);
  expect(await drawer.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual([
    'queued',
    'sent',
    'delivered',
    'read',
  ]);
  const payload = JSON.parse((await drawer.getByTestId('drawer-payload').textContent()) ?? '{}');
  expect(payload).toMatchObject({ umid: heldUmid, direction: 'outbound', status: { state: 'read' }, content: { text: 'Your parcel is on its way' } });
  await expect(page).toHaveURL(new RegExp(`message=${heldUmid}`));
  await shot(page, 'logs-drawer-1280-light');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // A failed message: its error code and what it means, in the status and in the timeline.
  await page.goto(`/logs?message=${failedUmid}`);
  await expect(drawer.getByTestId('drawer-error')).toContainText('1022');
  await expect(drawer.getByTestId('drawer-error')).toContainText('outside the 24-hour customer service window');
  await expect(drawer.getByTestId('timeline-entry').last()).toHaveAttribute('data-state', 'undelivered');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'logs-drawer-failed-1280-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a report is exported as CSV and reads back to the report on the screen', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/reports?range=today');
  await expect(page.getByTestId('report-chart').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await page.getByLabel('Group by').selectOption('subAccount');
  await expect(page).toHaveURL(/groupBy=subAccount/);
  await expect(page.getByTestId('report-row')).toHaveCount(2);
  await page.getByLabel('Periods').selectOption('month');
  await expect(page).toHaveURL(/interval=month/);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await (await download).path();
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('period,subAccountId,messages,queued,sent,delivered,read,undelivered,rejected,received,conversations,cost,currency');
  expect(lines.map((l) => l.split(',')[1]).sort()).toEqual([MAIN, CHATAPPS].sort());
  const today = new Date().toISOString().slice(0, 10);
  const api = await (await request.get(`/api/v1/accounts/acme_corp/reports/usage?from=${today}&to=${today}&interval=total`, { headers: auth })).json();
  expect(lines.reduce((n, l) => n + Number(l.split(',')[2]), 0)).toBe(api.totals.messages);
  expect(lines.every((l) => l.startsWith(today.slice(0, 7)))).toBe(true);
  await expect(page.getByTestId('report-totals')).toContainText(String(api.totals.messages));
});

test('the account’s time zone is chosen from a searchable list, and the Dashboard counts its days in it', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/settings/account');
  await expect(page.getByTestId('current-time-zone')).toContainText('UTC');
  await page.getByRole('combobox', { name: 'Time zone' }).fill('singapore');
  await page.getByRole('option', { name: /Asia\/Singapore/ }).click();
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText(/Time zone set to Asia\/Singapore; \d+ messages recounted/)).toBeVisible();
  await expect(page.getByTestId('current-time-zone')).toContainText('Asia/Singapore');
  await page.goto('/dashboard?range=7d');
  await expect(page.getByTestId('range-summary')).toContainText('days in Asia/Singapore');
  expect(await opensMatchingLogs(page, 'stat-received')).toBeGreaterThan(0);
  await expect(page.getByText('Times are in Asia/Singapore')).toBeVisible();
});

test('every Insights page reads well at 1280 and 1440 px in both themes and on a 390 px phone', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
  const pages = {
    dashboard: '/dashboard?range=7d',
    logs: '/logs',
    reports: '/reports?range=7d&groupBy=channel',
    account: '/settings/account',
  };
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, url] of Object.entries(pages)) {
        await page.goto(url);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await shot(page, `${name}-${width}-${theme}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page, name);
    await shot(page, `${name}-390`);
  }
  // The drawer takes the phone's whole width.
  await page.goto('/logs');
  await page.getByTestId('log-row').first().click();
  await expect(page.getByTestId('drawer-timeline')).toBeVisible();
  await expectNoSidewaysScroll(page, 'the log drawer');
  await shot(page, 'logs-drawer-390');
});
