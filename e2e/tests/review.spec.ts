import { test, expect } from '@playwright/test';
import { open } from './helpers';

test('a missed question comes back in the review queue later', async ({ page }) => {
  await page.clock.install();
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-002');
  await page.getByRole('radio', { name: '80' }).check();
  await page.getByRole('radio', { name: 'Sure', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();

  await page.getByRole('link', { name: 'Review queue' }).click();
  await expect(page.getByRole('heading', { name: 'Due now: 0' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Upcoming questions' })).toContainText('Which TCP port does HTTPS use by default?');

  await page.clock.fastForward('11:00');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Due now: 1' })).toBeVisible();
  await page.getByRole('link', { name: 'Start review (1 due)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');
  await expect(page.locator('.question .prompt')).toHaveText('Which TCP port does HTTPS use by default?');
  await page.getByRole('radio', { name: '443' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
});

test('the review queue never calls a question "due now" before it counts it as due, and updates as time passes', async ({ page }) => {
  await page.clock.install();
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-002');
  await page.getByRole('radio', { name: '80' }).check();
  await page.getByRole('radio', { name: 'Sure', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();

  // Seconds before it comes due, on a page left open.
  await page.getByRole('link', { name: 'Review queue' }).click();
  await expect(page.getByRole('heading', { name: 'Due now: 0' })).toBeVisible();
  await page.clock.fastForward('09:30');
  const upcoming = page.getByRole('list', { name: 'Upcoming questions' });
  await expect(upcoming).toContainText('due in under a minute');
  await expect(upcoming).not.toContainText('due now');
  // Once due, it moves up without a reload.
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('heading', { name: 'Due now: 1' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Due questions' })).toContainText('Which TCP port does HTTPS use by default?');
});
