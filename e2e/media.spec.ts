import { expect, test } from '@playwright/test';
import { ADMIN, E2E_API_KEY, signIn, snapshot } from './fixtures';

// A real 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

test('upload a sample header image in the designer; the URL field and the preview use it', async ({ page, request }) => {
  await signIn(page, ADMIN);
  await page.goto('/templates/new');
  await page.getByLabel('WhatsApp channel').selectOption('acme_corp_whatsapp');
  await page.getByTestId('tpl-add-header').click();
  await page.getByLabel('Format').selectOption('IMAGE');

  // A file that is not really a PNG is refused beside the field.
  await page.locator('#tpl-header-media-file').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
  await expect(page.getByTestId('tpl-header-media-upload-error')).toContainText('was it renamed?');

  await page.locator('#tpl-header-media-file').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PNG });
  const field = page.locator('#tpl-header-media');
  await expect(field).toHaveValue(/\/media\/[A-Za-z0-9_-]{32}$/);
  await expect(page.getByTestId('tpl-header-media-upload-error')).toHaveCount(0);
  const url = await field.inputValue();
  await expect(page.getByTestId('template-preview').getByTestId('wa-header-image')).toHaveAttribute('src', url);
  await snapshot(page, 'media-upload-designer');

  // The URL serves the same bytes, publicly.
  const res = await request.get(url, { headers: {} });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await res.body()).equals(PNG)).toBe(true);

  // And the API upload answers an absolute URL on this origin.
  const api = await request.post('/api/v1/subaccounts/acme_corp/files', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    multipart: { file: { name: 'pixel.png', mimeType: 'image/png', buffer: PNG } },
  });
  expect(api.status()).toBe(201);
  expect(await api.json()).toMatchObject({ mimeType: 'image/png', size: PNG.length, url: expect.stringMatching(/^http:\/\/localhost:\d+\/media\//) });
});
