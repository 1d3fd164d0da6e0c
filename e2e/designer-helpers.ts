import crypto from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_API_KEY, expectNoSidewaysScroll } from './fixtures';

// Shared by the designer-*.spec.ts files (templates, Simulator, webhooks).
export const auth = { authorization: `Bearer ${E2E_API_KEY}` };
export const TEMPLATES = '/api/v1/accounts/acme_corp/channels/acme_corp_whatsapp/templates';
export const SUB = 'acme_corp_chatapps';

/** A name no other test (nor a retry of this one) uses. */
export const uniqueName = (prefix: string) => `${prefix}_${crypto.randomBytes(3).toString('hex')}`;

/** A number on the sandbox network no other test uses (never ending in 0000: those are unreachable). */
export const uniqueMsisdn = () => `+1555${crypto.randomInt(1_000_000, 9_999_999)}`;

export type TemplateJson = { id: string; name: string; language: string; status: string; reason?: string; components: unknown[] };

/** Submits a template through the REST API and waits for the sandbox reviewer's decision. */
export async function submitTemplate(request: APIRequestContext, payload: Record<string, unknown>, expected: 'APPROVED' | 'REJECTED' = 'APPROVED') {
  const created = await request.post(TEMPLATES, { headers: auth, data: { language: 'en_US', category: 'UTILITY', ...payload } });
  expect(created.status(), await created.text()).toBe(201);
  const t = (await created.json()) as TemplateJson;
  await expect.poll(async () => (await getTemplate(request, t.name, t.language)).status, { timeout: 15_000 }).toBe(expected);
  return getTemplate(request, t.name, t.language);
}

export async function getTemplate(request: APIRequestContext, name: string, language = 'en_US'): Promise<TemplateJson> {
  const res = await request.get(`${TEMPLATES}/${name}?language=${language}`, { headers: auth });
  expect(res.status()).toBe(200);
  return res.json();
}

/** Each theme at each width the console is checked at, as a screenshot under test-results/screens/. */
export async function screenshots(page: Page, name: string, opts: { fullPage?: boolean } = {}) {
  const fullPage = opts.fullPage ?? true;
  for (const [w, h] of [
    [1280, 800],
    [1440, 900],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `test-results/screens/designer-${name}-${w}-${theme}.png`, fullPage });
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(150);
  // Nothing runs off the side of a phone's screen.
  await expectNoSidewaysScroll(page, `${name} at 390 px`);
  await page.screenshot({ path: `test-results/screens/designer-${name}-390.png`, fullPage });
  await page.setViewportSize({ width: 1280, height: 800 });
}
