import { test, expect } from '@playwright/test';
import { open } from './helpers';

test('item analysis on the Author page reports the longest-answer shares of the bundled content', async ({ page }) => {
  await open(page, '/author');
  const run = page.getByRole('button', { name: 'Run item analysis' });
  await expect(run).toBeEnabled();
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Item analysis:' })).toHaveText(
    'Item analysis: 0 exam(s) over the longest-key limit, scenarios within the longest-best-choice limit, 0 warning(s).',
  );
  const table = page.getByRole('table', { name: /How often the right answer is strictly the longest option/ });
  for (const exam of ['220-1201', '220-1202', 'N10-009']) {
    await expect(table.getByRole('row', { name: new RegExp(exam) })).toContainText('within the 30% limit');
  }
  await expect(table.getByRole('row', { name: /All scenarios/ })).toContainText('within the 35% limit');
  await expect(page.getByText('No cues found in the questions.')).toBeVisible();
});
