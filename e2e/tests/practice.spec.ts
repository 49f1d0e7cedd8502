import { test, expect } from '@playwright/test';
import { open } from './helpers';

test('answer a question, reload, and see the attempt on the Progress page', async ({ page }) => {
  await open(page, '/practice');
  await page.getByLabel('Exam').selectOption({ label: '220-1201 CompTIA A+ Core 1' });
  const form = page.locator('form.question');
  const question = await form.locator('legend').innerText();
  // Keyboard only: focus the first option, pick it with the arrow keys.
  await form.getByRole('radio').first().focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Correct\.|Not quite\./ })).toBeVisible();
  await expect(page.getByText(/\(correct answer\)/)).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const table = page.getByRole('table', { name: 'Recent answers' });
  await expect(table).toContainText(question);
  await expect(page.getByText(/of 1 answers correct/)).toBeVisible();
});
