import { test, expect, Page } from '@playwright/test';
import { open } from './helpers';

// The bundled "Locked out on payroll day" scenario, seed 7 (any seed: the
// choices do not depend on the caller).
const url = '/scenarios/account-locked-payroll?seed=7';

async function pick(page: Page, text: RegExp) {
  const choice = page.getByRole('button', { name: text });
  await choice.focus();
  await page.keyboard.press('Enter');
}

test('best path by keyboard: a resolved ticket, a high score, the debrief and a progress record', async ({ page }) => {
  await open(page, url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Locked out on payroll day');
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText('payroll');
  // Number keys pick choices: the first on offer verifies identity.
  await expect(page.getByRole('button', { name: /confirm it's you/ })).toBeVisible();
  await page.locator('body').press('1');
  await pick(page, /did you change your password recently/);
  await pick(page, /That's the cause/);
  await pick(page, /open Settings, then Accounts/);
  await pick(page, /I'll note in the ticket/);

  await expect(page.getByText('The conversation has ended.')).toBeAttached();
  const notes = page.getByLabel('Ticket notes: symptoms, steps taken, result');
  await notes.focus();
  await page.keyboard.type(
    'Verified identity with employee number and security question. Account locked out; cause was the phone still using the old password after Monday\'s change. Unlocked in Active Directory, updated the phone. User signed in and mail working.',
  );
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');

  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toContainText('Outcome: resolved.');
  const score = Number(await debrief.locator('.big-score').evaluate((e) => e.firstChild!.textContent));
  expect(score).toBeGreaterThanOrEqual(85);
  await expect(debrief).toContainText('You took the best path.');
  await expect(debrief.getByRole('img', { name: /Frustration over 5 turns/ })).toBeVisible();
  await expect(debrief.getByRole('list', { name: 'Ticket facts' })).not.toContainText('missing');
  await expect(debrief.getByRole('list', { name: 'Transcript with feedback' })).toContainText('verified identity');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Scenarios played' })).toContainText('Locked out on payroll day');
  await expect(page.getByRole('table', { name: 'Scenarios played' })).toContainText('resolved');
});

test('played badly the user gives up, and the debrief says why', async ({ page }) => {
  await open(page, url);
  // Blame the user until they hang up.
  const log = page.getByRole('log', { name: 'Conversation' });
  for (let i = 1; i <= 5; i++) {
    if (await log.getByText(/The line goes dead/).count()) break;
    await page.getByRole('button', { name: /You must have typed it wrong/ }).press('Enter');
    await expect(log.getByRole('listitem')).toHaveCount(1 + 2 * i);
  }
  await expect(log).toContainText('The line goes dead');
  await expect(page.getByRole('status').filter({ hasText: /sounds angry/ }).or(page.locator('.mood-angry'))).toBeAttached();
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toContainText('Outcome: user gave up.');
  await expect(debrief).toContainText('To work on: blamed the user, was dismissive.');
  await expect(debrief).toContainText(/left the best path at step 1/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Scenarios played' })).toContainText('user gave up');
});

test('a critical mistake is flagged and zeroes the score', async ({ page }) => {
  await open(page, url);
  await pick(page, /I'll unlock it right now/);
  await pick(page, /Welcome2026/);
  await pick(page, /Glad to help/);
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief.getByRole('alert')).toContainText('Critical mistake');
  await expect(debrief.locator('.big-score')).toContainText('0');
});
