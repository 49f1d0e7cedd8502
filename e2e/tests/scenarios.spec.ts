import { test, expect, Page, Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { moves, open, pick, score, setPriority, submit } from './helpers';

// The bundled "Locked out on payroll day" scenario. The seed picks the caller
// and the order the choices are shown in; the tests find choices by their
// words, never by position.
const url = '/scenarios/account-locked-payroll?seed=7';

const NOTE =
  "Verified identity with her employee number and security question. The account was locked out because the phone kept trying the old password after Monday's change. I unlocked it and she signed in, then we updated the phone with the new password.";

// The best path asks about the phone the directory panel names as the
// lockout source: that choice is offered once the panel was opened, and the
// panel is a check a good technician makes (evidence.spec.ts tests both).
const BEST = [/check it's you/, /bad passwords come from your mail/, /switch the phone to flight mode/, /turn flight mode off/, /quote the ticket number/];

async function checkAccount(page: Page) {
  await page.getByRole('button', { name: 'Open Directory account panel (2 minutes)' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Directory account panel' })).toBeFocused();
}

test('the best path by keyboard with the right priority scores 100 and is recorded', async ({ page }) => {
  await open(page, url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Locked out on payroll day');
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText('payroll');
  await setPriority(page, 'Medium', 'High');
  await expect(page.getByRole('status').filter({ hasText: 'Priority P2' })).toHaveText(
    'Priority P2: first response within 30 minutes, resolution within 8 working hours.',
  );
  await checkAccount(page);
  // Number keys follow the order shown: press the number of the choice that verifies.
  await expect(moves(page)).toHaveCount(3);
  const names = await moves(page).allInnerTexts();
  const at = names.findIndex((n) => /check it's you/.test(n));
  expect(at).toBeGreaterThanOrEqual(0);
  await page.locator('body').press(String(at + 1));
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText("check it's you");
  for (const step of BEST.slice(1)) await pick(page, step);

  const debrief = await submit(page, NOTE);
  // Focus follows the eyes: the debrief replaces the form that had focus.
  await expect(page.getByRole('heading', { name: 'Debrief' })).toBeFocused();
  await expect(debrief).toContainText('Outcome: Resolved.');
  expect(await score(debrief)).toBe(100);
  await expect(debrief.getByRole('list', { name: 'Mistakes' })).toHaveCount(0);
  await expect(debrief).toContainText('You set P2, the right priority');
  await expect(debrief).toContainText('You took the best path.');
  await expect(debrief.getByRole('list', { name: 'Ticket facts' })).not.toContainText('missing');
  await expect(debrief.getByRole('row', { name: /Documentation/ })).toContainText('100 / 100');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const table = page.getByRole('table', { name: 'Scenarios played' });
  await expect(table).toContainText('Locked out on payroll day');
  await expect(table).toContainText('100 / 100');

  // The list shows the best: in this visit from the log the play wrote, and
  // after a reload read from storage without loading the whole log.
  const card = (p: Page) =>
    p.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').filter({ hasText: 'Locked out on payroll day' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  await expect(card(page)).toContainText('Your best: 100 / 100');
  await open(page, '/scenarios');
  await expect(card(page)).toContainText('Your best: 100 / 100');
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').filter({ hasText: 'Not played yet' }).first()).toBeVisible();
});

test('a mistake then a recovery scores lower, and the debrief keeps the mistake apart', async ({ browser }) => {
  // On a phone-sized screen, with an accessibility audit of the debrief.
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await open(page, url);
  await setPriority(page, 'Medium', 'High');
  await checkAccount(page);
  await pick(page, /self-service portal/);
  for (const step of BEST) await pick(page, step);
  const debrief = await submit(page, NOTE);
  await expect(debrief).toContainText('Outcome: Resolved.');
  const recovered = await score(debrief);
  expect(recovered).toBeLessThanOrEqual(90);
  const mistakes = debrief.getByRole('list', { name: 'Mistakes' });
  await expect(mistakes).toContainText('Turn 1');
  await expect(mistakes).toContainText('self-service portal');
  await expect(mistakes).toContainText('customer service');
  await expect(debrief.getByRole('list', { name: 'Recovery' })).toContainText("check it's you");
  await expect(debrief).toContainText(/left the best path at step 1/);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await context.close();
});

test('impact and urgency set the priority and its targets, and a wrong one is marked', async ({ page }) => {
  await open(page, url);
  const status = page.getByRole('status').filter({ hasText: 'Priority' });
  await expect(status).toHaveText('Set impact and urgency to give the ticket its priority.');
  await setPriority(page, 'High', 'High');
  await expect(status).toHaveText('Priority P1: first response within 15 minutes, resolution within 4 hours.');
  await setPriority(page, 'Low', 'Low');
  await expect(status).toHaveText('Priority P4: first response within 1 working day, resolution within 5 working days.');
  await checkAccount(page);
  for (const step of BEST) await pick(page, step);
  const debrief = await submit(page, NOTE);
  await expect(debrief).toContainText('You set P4. Impact medium and urgency high make it P2');
  await expect(debrief.getByRole('list', { name: 'Mistakes' })).toContainText('Priority');
  expect(await score(debrief)).toBeLessThan(100);
});

test('a keyword list earns no documentation credit', async ({ page }) => {
  await open(page, url);
  await setPriority(page, 'Medium', 'High');
  await checkAccount(page);
  for (const step of BEST) await pick(page, step);
  const debrief = await submit(page, 'verified employee number locked old password phone unlocked signed in phone updated');
  await expect(debrief.getByRole('row', { name: /Documentation/ })).toContainText('0 / 100');
  expect(await score(debrief)).toBe(80);
});

test('a critical mistake zeroes the score and the outcome names the harm', async ({ page }) => {
  await open(page, url);
  await pick(page, /I'm unlocking it now/);
  await pick(page, /Payroll2026!/);
  await pick(page, /Glad to help/);
  const debrief = await submit(page, 'I unlocked the account and read the temporary password to the caller.');
  await expect(debrief.getByRole('alert')).toContainText('Critical mistake');
  await expect(debrief.getByRole('alert')).toContainText('changed an account for an unverified caller');
  expect(await score(debrief)).toBe(0);
  await expect(debrief).toContainText('Outcome: Resolved, but an account was changed for a caller nobody verified');
});

test('played badly the user gives up, and the debrief says why', async ({ page }) => {
  await open(page, url);
  const log = page.getByRole('log', { name: 'Conversation' });
  for (let i = 1; i <= 5; i++) {
    if (await log.getByText(/The line goes dead/).count()) break;
    await pick(page, /self-service portal/);
    await expect(log.getByRole('listitem')).toHaveCount(1 + 2 * i);
  }
  await expect(log).toContainText('The line goes dead');
  const debrief = await submit(page, '');
  await expect(debrief).toContainText('Outcome: User gave up.');
  await expect(debrief).toContainText('To work on: blamed the user, was dismissive.');
  await expect(debrief.getByRole('list', { name: 'Mistakes' }).getByRole('listitem')).not.toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Scenarios played' })).toContainText('user gave up');
});

test('choices are shown in a seeded order, so position gives nothing away', async ({ page }) => {
  const positions = new Set<number>();
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    await open(page, `/scenarios/account-locked-payroll?seed=${seed}`);
    await expect(moves(page)).toHaveCount(3);
    const names = await moves(page).allInnerTexts();
    positions.add(names.findIndex((n) => /check it's you/.test(n)));
    // The same seed shows the same order after a reload.
    await page.reload();
    await expect(moves(page)).toHaveText(names);
  }
  expect(positions.size).toBeGreaterThan(1);
});

test('a practice play can take back a choice, and is kept apart from the record', async ({ page }) => {
  await open(page, url);
  await expect(page.getByText('This play counts in your progress')).toBeVisible();
  await page.getByRole('link', { name: 'Practise this call first' }).click();
  await expect(page.getByText('Practice play: you can take back a choice')).toBeVisible();
  await setPriority(page, 'Medium', 'High');
  const log = page.getByRole('log', { name: 'Conversation' });
  await pick(page, /self-service portal/);
  await expect(log).toContainText('self-service portal');
  // Taken back by keyboard: the transcript loses the choice, and a screen
  // reader hears what the user is saying again.
  await page.getByRole('button', { name: 'Take back my last choice' }).press('Enter');
  await expect(log).not.toContainText('self-service portal');
  await expect(page.getByText(/^Took back your last choice\. The user is saying:/)).toBeAttached();
  await checkAccount(page);
  for (const step of BEST) await pick(page, step);
  const debrief = await submit(page, NOTE);
  await expect(debrief).toContainText('Practice play (1 choice taken back): it is kept, but not counted in your progress.');
  expect(await score(debrief)).toBe(100);

  // Kept, marked as practice, and not counted: no best on the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Scenarios played' })).toContainText('(practice, not counted)');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Locked out on payroll day' }) });
  await expect(card).toContainText('Not played yet');
  await expect(card.getByRole('link', { name: 'Practise this call: Locked out on payroll day' })).toHaveAttribute('href', /mode=practice/);
});

test('an assessed play offers no way to take a choice back', async ({ page }) => {
  await open(page, url);
  await pick(page, /self-service portal/);
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText('self-service portal');
  await expect(page.getByRole('button', { name: 'Take back my last choice' })).toHaveCount(0);
});
