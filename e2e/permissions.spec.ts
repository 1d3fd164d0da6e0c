import { expect, test } from '@playwright/test';
import { NAV_GROUPS } from '../components/shell/nav-items';
import { BUILT_IN_ROLES } from '../lib/auth/permissions';
import { ADMIN, ANALYST, SALES, signIn } from './fixtures';

// The permission matrix over real pages: every console area against every seeded role, through the
// server (status codes), not through what the navigation happens to show.
const USERS = { 'Partner Admin': ADMIN, 'Support Analyst': ANALYST, 'Sales Viewer': SALES } as const;
const AREAS = NAV_GROUPS.flatMap((g) => g.items);

for (const role of BUILT_IN_ROLES) {
  test(`${role.name}: each console area answers 200 when the role allows it and 403 when not`, async ({ page }) => {
    await signIn(page, USERS[role.name]);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const area of AREAS) {
      const allowed = (role.permissions as readonly string[]).includes(area.permission);
      const res = await page.goto(area.href);
      expect(res?.status(), `${role.name} → ${area.href}`).toBe(allowed ? 200 : 403);
      await expect(nav.getByRole('link', { name: area.label, exact: true })).toHaveCount(allowed ? 1 : 0);
    }
  });
}
