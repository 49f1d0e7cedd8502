import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, pick, setPriority, submit } from './helpers';

// After a resolved ticket, the trainee can write a knowledge-base article;
// each part is scored on what it states, in sentences, with the words that
// earned it highlighted and what is missing named.
const url = '/scenarios/account-locked-payroll?seed=7';
const BEST = [/check it's you/, /bad passwords come from your mail/, /switch the phone to flight mode/, /turn flight mode off/, /quote the ticket number/];
const NOTE =
  "Verified identity with her employee number and security question. The account was locked out because the phone kept trying the old password after Monday's change. I unlocked it and she signed in, then we updated the phone with the new password.";

async function playResolved(page: Page) {
  await open(page, url);
  await setPriority(page, 'Medium', 'High');
  await page.getByRole('button', { name: 'Open Directory account panel (2 minutes)' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Directory account panel' })).toBeFocused();
  for (const step of BEST) await pick(page, step);
  await expect(await submit(page, NOTE)).toContainText('Outcome: Resolved.');
}

test('a knowledge-base article after a resolved ticket is scored part by part, keywords earn nothing', async ({ page }) => {
  await playResolved(page);
  const article = page.getByRole('region', { name: 'Write it up for the knowledge base' });
  await expect(article).toBeVisible();

  // The cheat: the same keyword list in every box.
  const keywords = 'locked out phone mail app old password flight mode unlock new password on the phone sign in';
  for (const label of [/^Title/, /^Environment/, /^Cause/, /^Resolution steps/, /^How to verify/]) {
    await article.getByLabel(label).fill(keywords);
  }
  await article.getByRole('button', { name: 'Score my article' }).press('Enter');
  await expect(article.getByRole('heading', { name: 'Article: 20 / 100' })).toBeFocused();

  // A real article, one step and the check left out.
  await article.getByLabel(/^Title/).fill('Account keeps locking after a password change');
  await article.getByLabel(/^Environment/).fill('It happens to staff who read their work mail in the mail app on a phone.');
  await article.getByLabel(/^Cause/).fill('After a password change the phone keeps trying the old password, and each try counts as a wrong one.');
  await article.getByLabel(/^Resolution steps/).fill('Verify the caller, then unlock the account in the directory. Ask them to type the new password in the mail app when it asks.');
  await article.getByLabel(/^How to verify/).fill('');
  await article.getByRole('button', { name: 'Score my article' }).press('Enter');
  await expect(article.getByRole('heading', { name: 'Article: 75 / 100' })).toBeFocused();
  await expect(article.getByRole('listitem').filter({ hasText: 'Resolution steps' })).toContainText('Missing: \u201cflight mode\u201d');
  await expect(article.getByRole('listitem').filter({ hasText: 'How to verify' })).toContainText('0 of 15');
  await expect(article.locator('mark').first()).toHaveText('Account keeps locking');

  await article.getByLabel(/^Resolution steps/).fill('Ask the caller to put the phone in flight mode, then unlock the account in the directory. Once they are in, have them type the new password in the mail app when it asks.');
  await article.getByLabel(/^How to verify/).fill('Ask the user to sign in to Windows and confirm that mail arrives on the phone again.');
  await article.getByRole('button', { name: 'Score my article' }).press('Enter');
  await expect(article.getByRole('heading', { name: 'Article: 100 / 100' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
