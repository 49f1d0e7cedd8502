import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open } from './helpers';

// A bundled scenario with few paths, so the analyser's ranges come fast
// in a debug build too.
const scenario = 'mailbox-access-on-leave';

test.use({ viewport: { width: 375, height: 800 } });

test('a scenario map draws every node with its marks, has an outline beside it, is keyboard-navigable and fits a phone', async ({ page }) => {
  await open(page, '/author');
  await page.getByText('Maps of the bundled scenarios').click();
  await page.getByRole('link', { name: /give me his mailbox/i }).click();
  await expect(page).toHaveURL(new RegExp(`/author/map/${scenario}$`));

  const map = page.getByRole('group', { name: 'Scenario map: nodes and endings' });
  const boxes = map.getByRole('img');
  await expect(boxes.first()).toHaveAccessibleName(/^Start node .*on the best path/);
  const outline = page.getByRole('list', { name: 'Scenario outline' });
  await expect(outline).toBeVisible();
  // The analyser's ranges arrive after the drawing.
  await expect(page.getByText('Score ranges: every analysed path is counted.')).toBeVisible({ timeout: 45_000 });
  await expect(boxes.filter({ has: page.locator('text') }).first()).toBeVisible();
  const names = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(names.some((n) => /^Ending .*\(resolved\).*scores \d+/.test(n))).toBe(true);
  // Every box is named in the outline too.
  const text = (await outline.textContent()) ?? '';
  for (const n of names) {
    expect(text).toContain(n.split(',')[0]);
  }
  // The best path and a critical mistake are in the outline's words.
  await expect(outline).toContainText('(best path)');
  await expect(outline).toContainText('critical mistake');

  // Tab walks the boxes in reading order.
  await boxes.first().focus();
  await page.keyboard.press('Tab');
  await expect(boxes.nth(1)).toBeFocused();

  // Nothing widens the page at 375 px: the drawing scrolls in its own box.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
