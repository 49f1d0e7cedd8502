import { test, expect, Page } from '@playwright/test';
import { open } from './helpers';

// A fixed time zone and clock: the forecast counts the browser's local days,
// so a run near midnight, or on a machine in UTC, must not change them.
test.use({ timezoneId: 'Europe/Paris' });

/** 09:00 in Paris (UTC+1 in March), a Monday. */
const MORNING = new Date('2026-03-02T08:00:00Z');

/** Answers the HTTPS port question wrong, saying "Sure". */
async function missHttpsPort(page: Page) {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-002');
  await page.getByRole('radio', { name: '80' }).check();
  await page.getByRole('radio', { name: 'Sure', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();
}

/** Opens the review queue from the practice tabs. */
async function openQueue(page: Page) {
  await page.getByRole('navigation', { name: 'Certification practice' }).getByRole('link', { name: 'Review queue' }).click();
  await expect(page.getByRole('heading', { name: 'Due in the next two weeks' })).toBeVisible();
}

/** The number of reviews the forecast table gives a day ("Today", "Tomorrow", "Wed 4 Mar"). */
function forecastFor(page: Page, day: string) {
  const table = page.getByRole('table', { name: 'Reviews due per day' });
  return table.getByRole('row', { name: new RegExp(`^${day}\\b`) }).getByRole('cell');
}

test('a missed question comes back in the review queue later', async ({ page }) => {
  await page.clock.install({ time: MORNING });
  await missHttpsPort(page);

  await openQueue(page);
  await expect(page.getByRole('heading', { name: 'Due now: 0' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Upcoming questions' })).toContainText('Which TCP port does HTTPS use by default?');
  await expect(page.getByRole('list', { name: 'Upcoming questions' })).toContainText(/due in (9|10) minutes/);
  await expect(forecastFor(page, 'Today')).toHaveText('1');

  await page.clock.fastForward('11:00');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Due now: 1' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Due questions' })).toContainText('due now');
  await page.getByRole('link', { name: 'Start review (1 due)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');
  await expect(page.locator('.question .prompt')).toHaveText('Which TCP port does HTTPS use by default?');
  await page.getByRole('radio', { name: '443' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();

  // Right the same day it was missed: FSRS gives it a day.
  await openQueue(page);
  await expect(page.getByRole('heading', { name: 'Due now: 0' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Upcoming questions' })).toContainText('due tomorrow');
  await expect(forecastFor(page, 'Today')).toHaveText('0');
  await expect(forecastFor(page, 'Tomorrow')).toHaveText('1');
});

test('the review queue never calls a question "due now" before it counts it as due, and updates as time passes', async ({ page }) => {
  await page.clock.install({ time: MORNING });
  await missHttpsPort(page);

  // Seconds before it comes due, on a page left open.
  await openQueue(page);
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

test('the two-week forecast counts reviews by the learner\'s own days, as a table and a chart', async ({ page }) => {
  // 23:55 in Paris (22:55 UTC): a miss now comes back at 00:05, tomorrow
  // here, though still today in UTC.
  await page.clock.install({ time: new Date('2026-03-02T22:55:00Z') });
  await missHttpsPort(page);

  await openQueue(page);
  await expect(page.getByRole('list', { name: 'Upcoming questions' })).toContainText(/due in (9|10) minutes/);
  const table = page.getByRole('table', { name: 'Reviews due per day' });
  // A header row and fourteen days, today first.
  await expect(table.getByRole('row')).toHaveCount(15);
  await expect(table.getByRole('rowheader').first()).toHaveText('Today, Mon 2 Mar');
  await expect(forecastFor(page, 'Today')).toHaveText('0');
  await expect(forecastFor(page, 'Tomorrow')).toHaveText('1');
  await expect(table.getByRole('rowheader').last()).toHaveText('Sun 15 Mar');
  // The chart says the same in its label.
  await expect(page.getByRole('img', { name: '1 review due in the next 14 days; the busiest day is tomorrow, with 1.' })).toBeVisible();
});
