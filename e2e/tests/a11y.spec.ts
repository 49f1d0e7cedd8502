import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const pages = [
  '/',
  '/practice',
  '/practice/session?mode=practice&seed=1&ids=c1-net-001',
  '/practice/exam',
  '/practice/review',
  '/scenarios',
  '/scenarios/account-locked-payroll?seed=1',
  '/interview',
  '/interview/q/beh-frustrated-user',
  '/interview/q/tech-dns-troubleshoot',
  '/interview/stories',
  '/interview/mock',
  '/progress',
  '/progress/backup',
  '/author',
  '/missing-page',
];

for (const scheme of ['light', 'dark'] as const) {
  for (const path of pages) {
    test(`axe finds no serious problems on ${path} (${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
      await context.close();
    });
  }
}

// Phones: nothing may scroll sideways at 375 px.
for (const path of pages) {
  test(`nothing overflows at 375 px on ${path}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
}

// The scenario list's cards are in its HTML (scenarios.html) and show
// before the app starts: that frame, alone, must pass as well.
for (const scheme of ['light', 'dark'] as const) {
  test(`the prerendered scenario list, before the app starts, passes axe and fits 375 px (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.route('**/pkg/firstline-app_bg.wasm', (route) => route.abort());
    await page.goto('/scenarios');
    await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
}
