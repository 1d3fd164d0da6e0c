import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../playwright.config';

export const ADMIN = { email: 'admin@example.com', password: E2E_ADMIN_PASSWORD };
export const ANALYST = { email: 'analyst@example.com', password: E2E_ADMIN_PASSWORD };
export const SALES = { email: 'sales@example.com', password: E2E_ADMIN_PASSWORD };
export const E2E_API_KEY = 'prl_e2e_demo_key_0123456789';

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Nothing pushes the page sideways at its viewport's width (a phone's, say). Polled: a chart (Recharts'
 * ResponsiveContainer) or any layout that follows a ResizeObserver takes a new viewport on its next
 * observation, so right after a resize it can still be the wider page's width.
 */
export async function expectNoSidewaysScroll(page: Page, what = 'the page') {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${what} scrolls sideways` })
    .toBeLessThanOrEqual(0);
}

/** Keeps a screenshot of what a person would see, as a test artifact. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
