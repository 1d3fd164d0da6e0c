import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, expectNoSidewaysScroll } from './fixtures';

// The Contacts page as an admin uses it: add, edit, filter by tag, import a CSV with a bad row and
// read the per-row report, delete; then the Opt-outs tab: add a number by hand, export, remove.

const auth = { authorization: `Bearer ${E2E_API_KEY}` };

/** What a person sees, at the widths and themes the console must look right in. */
async function screens(page: Page, name: string) {
  const original = page.viewportSize()!;
  const shots: [number, 'light' | 'dark'][] = [
    [1280, 'light'],
    [1280, 'dark'],
    [390, 'light'],
    [390, 'dark'],
  ];
  for (const [width, theme] of shots) {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    // Nothing may push the page sideways on a phone.
    if (width === 390) await expectNoSidewaysScroll(page, `${name} at 390 px`);
    await page.screenshot({ path: `test-results/screens/contacts-${name}-${width}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(original);
}

const row = (page: Page, msisdn: string) => page.locator(`[data-testid="contact-row"][data-msisdn="${msisdn}"]`);

test('an admin adds, edits, filters, imports and deletes contacts, and manages opt-outs', async ({ page, request }) => {
  // A contact that came in through the API, without the tag the filter will look for.
  const put = await request.put('/api/v1/accounts/acme_corp/contacts/%2B6591110002', {
    headers: auth,
    data: { name: 'Charles Babbage', attributes: { city: 'London' }, tags: ['engineers'] },
  });
  expect(put.status()).toBe(201);

  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await expect(row(page, '+6591110002')).toContainText('Charles Babbage');

  // Add, with the number checked as soon as the field is left.
  await page.getByRole('button', { name: 'Add contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add contact' });
  await dialog.getByLabel('Phone number').fill('12345');
  await dialog.getByLabel('Name', { exact: true }).click();
  await expect(dialog.getByText('Enter the number with its country code')).toBeVisible();
  await dialog.getByLabel('Phone number').fill('+65 9111 0001');
  await dialog.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await expect(dialog.getByText('Enter the number with its country code')).toBeHidden();
  await dialog.getByLabel('Tags').fill('vip');
  await dialog.getByLabel('Tags').press('Enter');
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.getByLabel('Attribute 1 name').fill('city');
  await dialog.getByLabel('Attribute 1 value').fill('Singapore');
  // Two attributes of one name: refused beside the second, before anything is sent.
  await dialog.getByRole('button', { name: 'Add attribute' }).click();
  await dialog.getByLabel('Attribute 2 name').fill('city');
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog.getByText('“city” is already above')).toBeVisible();
  await screens(page, 'add-dialog');
  await dialog.getByRole('button', { name: 'Remove attribute 2' }).click();
  await dialog.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, '+6591110001')).toContainText('Ada Lovelace');
  await expect(row(page, '+6591110001')).toContainText('vip');

  // Edit: rename and add a tag.
  await row(page, '+6591110001').getByRole('button', { name: 'Edit Ada Lovelace' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  await expect(edit.getByLabel('Attribute 1 value')).toHaveValue('Singapore');
  await edit.getByLabel('Name', { exact: true }).fill('Ada King');
  await edit.getByLabel('Tags').fill('newsletter');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row(page, '+6591110001')).toContainText('Ada King');
  await expect(row(page, '+6591110001')).toContainText('newsletter');

  // Filter by tag: the filter is in the URL.
  await page.getByLabel('Filter by tag').selectOption('vip');
  await expect(page).toHaveURL(/tag=vip/);
  await expect(row(page, '+6591110002')).toBeHidden();
  await expect(row(page, '+6591110001')).toBeVisible();
  await screens(page, 'filtered');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(row(page, '+6591110002')).toBeVisible();

  // Import a CSV with a bad row: the good rows are stored, the bad one reported by row, column and reason.
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const importer = page.getByRole('dialog', { name: 'Import contacts' });
  await importer.getByLabel('CSV file').setInputFiles({
    name: 'fair.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('phone,name,company\n+6591110003,Grace Hopper,Navy\nnot-a-number,Nobody,\n91110004,Local Number,\n'),
  });
  await importer.getByLabel('Default country').selectOption('SG');
  await importer.getByLabel('Add a tag').fill('fair');
  await importer.getByRole('button', { name: 'Import' }).click();
  const report = page.getByTestId('import-report');
  await expect(page.getByTestId('import-summary')).toHaveText('Imported 2 contacts: 2 new, 0 updated. 1 row was left out:');
  await expect(report.getByTestId('import-problem')).toHaveCount(1);
  await expect(report.getByTestId('import-problem')).toContainText('3');
  await expect(report.getByTestId('import-problem')).toContainText('phone');
  await expect(report.getByTestId('import-problem')).toContainText('"not-a-number" is not a phone number');
  await page.screenshot({ path: 'test-results/screens/contacts-import-report-1280-light.png' });
  await report.getByRole('button', { name: 'Done' }).click();
  await expect(row(page, '+6591110003')).toContainText('Grace Hopper');
  await expect(row(page, '+6591110004')).toContainText('fair');

  // A customer who sends STOP is shown as opted out (and listed on the Opt-outs tab below).
  const stop = await request.post('/api/v1/subaccounts/acme_corp_chatapps/sandbox/inbound', {
    headers: auth,
    data: { user: { msisdn: '+6591110004' }, content: { text: 'STOP' } },
  });
  expect(stop.status()).toBe(202);
  await page.reload();
  await expect(row(page, '+6591110004')).toContainText('Opted out');
  await screens(page, 'list');

  // Delete, after the question.
  await row(page, '+6591110003').getByRole('button', { name: 'Delete Grace Hopper' }).click();
  await page.getByTestId('confirm-delete-contact').click();
  await expect(row(page, '+6591110003')).toBeHidden();
  expect((await request.get('/api/v1/accounts/acme_corp/contacts/%2B6591110003', { headers: auth })).status()).toBe(404);

  // Opt-outs: add by hand (a bad number is refused beside the field), export, remove.
  await page.getByRole('tab', { name: 'Opt-outs' }).click();
  await expect(page).toHaveURL(/tab=opt-outs/);
  const number = page.getByLabel('Opt a number out by hand');
  await number.fill('abc');
  await page.getByRole('button', { name: 'Opt out' }).click();
  await expect(page.getByText('Enter the number with its country code')).toBeVisible();
  await number.fill('+6591110002');
  await page.getByRole('button', { name: 'Opt out' }).click();
  const optOut = page.locator('[data-testid="opt-out-row"][data-msisdn="+6591110002"]');
  await expect(optOut).toContainText('Charles Babbage');
  await expect(optOut).toContainText('By hand');
  await expect(page.locator('[data-testid="opt-out-row"][data-msisdn="+6591110004"]')).toContainText('Keyword');
  await screens(page, 'opt-outs');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('msisdn,name,source,optedOutAt');
  expect(csv).toContain('+6591110002,Charles Babbage,manual,');

  await optOut.getByRole('button', { name: 'Remove the opt-out of +6591110002' }).click();
  await page.getByTestId('confirm-remove-opt-out').click();
  await expect(optOut).toBeHidden();
  expect((await request.get('/api/v1/accounts/acme_corp/opt-outs/%2B6591110002', { headers: auth })).status()).toBe(404);
});
