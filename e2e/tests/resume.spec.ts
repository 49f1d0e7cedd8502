import { test, expect, Page } from '@playwright/test';
import { answerCurrent, holdSplitCode, leaving, open, SPLIT_CODE, startShortExam, storedQuestions } from './helpers';

// Work in progress survives a reload: a scenario (transcript, ticket and
// notes), a practice run (place and answer, recorded once), a mock
// interview (finished answers), and an exam clock that never gains time.

async function pick(page: Page, text: RegExp) {
  const choice = page.getByRole('region', { name: 'Your move' }).getByRole('button').filter({ hasText: text });
  await choice.focus();
  await page.keyboard.press('Enter');
}

/** Reloads, then expects the call resumed as it was: its transcript and notes. */
async function reloadAndExpectResumed(page: Page, transcript: string, notes: string) {
  // Kept first: a reload before then would ask, and lose what is not.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('firstline.plays') ?? '')).toContain(notes);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'part way through this call' })).toBeVisible();
  await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText()).toBe(transcript);
  await expect(page.getByLabel('Ticket notes: symptoms, steps taken, result')).toHaveValue(notes);
}

test('a reload mid-scenario resumes the call with its transcript, priority and notes', async ({ page }) => {
  const url = '/scenarios/account-locked-payroll?seed=7';
  await open(page, url);
  await pick(page, /check it's you/);
  await pick(page, /changed your password lately/);
  await page.getByLabel(/^Impact/).selectOption('Medium');
  await page.getByLabel(/^Urgency/).selectOption('High');
  const notes = page.getByLabel('Ticket notes: symptoms, steps taken, result');
  await notes.fill('Verified identity. Password changed Monday.');
  const conversation = page.getByRole('log', { name: 'Conversation' });
  const before = await conversation.innerText();

  await reloadAndExpectResumed(page, before, 'Verified identity. Password changed Monday.');
  await expect(page.getByLabel(/^Impact/)).toHaveValue(/medium/i);
  await expect(page.getByRole('status').filter({ hasText: 'Priority P2' })).toBeVisible();

  // The call goes on from where it was, to a debrief; after that a reload
  // starts a fresh call.
  for (const step of [/switch the phone to flight mode/, /turn flight mode off/, /quote the ticket number/]) await pick(page, step);
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Locked out on payroll day');
  await expect(page.getByRole('status').filter({ hasText: 'part way through this call' })).toHaveCount(0);
  await expect(notes).toHaveValue('');

  // "Start this call again" drops a resumed play.
  await pick(page, /check it's you/);
  await page.reload();
  await page.getByRole('button', { name: 'Start this call again' }).click();
  await expect(conversation).not.toContainText("check it's you");
});

// A first visit opens a call without the code that keeps it: it comes
// with the first move. Moves made while it downloads are saved, the latest
// as it stands, once it arrives.
test('moves made while the code that keeps a call downloads are saved when it arrives', async ({ page }) => {
  const url = '/scenarios/account-locked-payroll?seed=7';
  await open(page, url);
  const release = await holdSplitCode(page);
  await pick(page, /check it's you/);
  await pick(page, /changed your password lately/);
  const notes = page.getByLabel('Ticket notes: symptoms, steps taken, result');
  await notes.fill('Verified identity. Password changed Monday.');
  const kept = () => page.evaluate(() => localStorage.getItem('firstline.plays') ?? '');
  expect(await kept(), 'nothing is written while the code is held').toBe('');
  release();
  await expect.poll(kept).toContain('Password changed Monday.');
  await page.unroute(SPLIT_CODE);
  const before = await page.getByRole('log', { name: 'Conversation' }).innerText();
  await reloadAndExpectResumed(page, before, 'Verified identity. Password changed Monday.');
});

// Until the code arrives, a move lives only in the page: leaving asks
// first, and staying keeps it, saved once the code comes.
test('leaving a call before the code that keeps it arrives asks first, and staying keeps the move', async ({ page }) => {
  const url = '/scenarios/account-locked-payroll?seed=7';
  await open(page, url);
  const release = await holdSplitCode(page);
  await pick(page, /check it's you/);
  const prompts = leaving(page);
  prompts.stay = true;
  await page.evaluate(() => location.reload());
  await expect.poll(() => prompts.asked).toBe(1);
  const conversation = page.getByRole('log', { name: 'Conversation' });
  await expect(conversation).toContainText("check it's you");
  release();
  const kept = () => page.evaluate(() => localStorage.getItem('firstline.plays') ?? '');
  await expect.poll(kept).toContain('account-locked-payroll:7');
  await page.unroute(SPLIT_CODE);
  // Once kept, a reload goes without asking and resumes the call.
  prompts.stay = false;
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'part way through this call' })).toBeVisible();
  await expect(conversation).toContainText("check it's you");
  expect(prompts.asked).toBe(1);
});

test('a call that cannot fetch the code to resume it says so, and resumes when tried again', async ({ page }) => {
  const url = '/scenarios/account-locked-payroll?seed=7';
  await open(page, url);
  await pick(page, /check it's you/);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('firstline.plays') ?? '')).toContain('account-locked-payroll:7');
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that resumes your call' });
  await expect(alert).toBeVisible();
  await page.unroute(SPLIT_CODE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'part way through this call' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText("check it's you");
});

test('a practice run resumes at its question after a reload and never records an answer twice', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('firstline.runs') ?? '')).toContain('c1-net-001');

  // Reload with the feedback showing, then press Enter as if to check again.
  await page.reload();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
  await page.locator('body').press('Enter');
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('button', { name: 'Next question' }).click();

  // The summary survives a reload too, and "again" starts the same questions afresh.
  await expect(page.getByRole('heading', { name: 'Practice done' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Practice done' })).toBeVisible();
  await page.getByRole('button', { name: 'Practise these questions again' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeDisabled();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByText(/of 2 answers correct/)).toBeVisible();
});

// A first visit opens a practice run without the code that keeps it and
// records its answers: it comes with the first answer. Answers checked
// while it downloads are recorded, in order, once it arrives, and the run
// is saved as it then stands.
test('answers checked while the code that records them downloads are recorded when it arrives', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  const release = await holdSplitCode(page);
  for (const n of [1, 2]) {
    await answerCurrent(page);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Practice done' })).toBeVisible();
  const runs = () => page.evaluate(() => localStorage.getItem('firstline.runs') ?? '');
  expect(await runs(), 'nothing is written while the code is held').toBe('');
  expect(await storedQuestions(page)).toEqual([]);
  release();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001', 'c1-net-002']);
  await expect.poll(runs).toContain('c1-net-001');
  await page.unroute(SPLIT_CODE);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Practice done' })).toBeVisible();
});

// Answers wait for that code for the whole visit, not the page: leaving
// the page before it arrives loses none.
test('an answer checked while its recording code downloads is recorded even when the learner leaves the page first', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  const release = await holdSplitCode(page);
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  // The home page is in the main module: it opens while the code is held.
  await page.getByRole('link', { name: 'FirstLine' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get ready for your first help-desk job');
  expect(await storedQuestions(page)).toEqual([]);
  release();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  await page.unroute(SPLIT_CODE);
});

test('an answer checked while its recording code downloads is kept through a reload', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  // The code never arrives on this page: its requests stay unanswered
  // (unrouting would let them through, and the code could then arrive
  // and save the run just before the page is left). The next page's
  // requests go through.
  let hold = true;
  await page.route(SPLIT_CODE, (route) => (hold ? undefined : route.continue()));
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  hold = false;
  // The run's place is only in the page: going asks first. The learner
  // leaves, and the answer is kept all the same.
  await page.goto('/progress');
  expect(leaving(page).asked).toBe(1);
  await expect(page.getByText(/of 1 answers correct/)).toBeVisible();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
});

test('leaving a practice run before the code that keeps it arrives asks first, and staying keeps its place', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  const release = await holdSplitCode(page);
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  const prompts = leaving(page);
  prompts.stay = true;
  await page.evaluate(() => location.reload());
  await expect.poll(() => prompts.asked).toBe(1);
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  release();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('firstline.runs') ?? '')).toContain('c1-net-001');
  await page.unroute(SPLIT_CODE);
  prompts.stay = false;
  await page.reload();
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  expect(prompts.asked).toBe(1);
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
});

test('a practice run whose saving code cannot download says so, keeps the answer and saves it when tried again', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await answerCurrent(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that saves your answers' });
  await expect(alert).toBeVisible();
  // The run goes on: the answer is checked and its feedback shown.
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  await page.unroute(SPLIT_CODE);
  // Trying again brings the code. Unrouting also lets through a download
  // the check had started and was not yet refused; when that one brings
  // the code first, the alert goes on its own and there is nothing to
  // click (the click timed out once in 52 runs so).
  try {
    await alert.getByRole('button', { name: 'Try again' }).click({ timeout: 5_000 });
  } catch {
    await expect(alert).toHaveCount(0);
  }
  await expect(alert).toHaveCount(0);
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  await page.reload();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
});

test('a practice run that cannot fetch the code to resume it says so, and resumes when tried again', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=5&ids=c1-net-001,c1-net-002');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await answerCurrent(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('firstline.runs') ?? '')).toContain('c1-net-001');
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that resumes your run' });
  await expect(alert).toBeVisible();
  await page.unroute(SPLIT_CODE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
});

test('a mock interview resumes after a reload with its finished answers kept once', async ({ page }) => {
  await open(page, '/interview/mock');
  await page.getByLabel('Behavioural questions').fill('0');
  await page.getByLabel('Technical questions').fill('2');
  await page.getByRole('checkbox', { name: /role-play/ }).uncheck();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await page.locator('textarea').first().fill('I would check the cable, run ipconfig /all, ping the gateway and escalate if others are affected.');
  await page.getByRole('button', { name: 'Finish this answer' }).click();
  // Scored and kept: the mock lets the learner go on.
  await expect(page.getByRole('button', { name: 'Next question' })).toBeEnabled();

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'part way through this mock interview' })).toBeVisible();
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await expect(page.getByText('Your answer to this question is saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  await page.locator('textarea').first().fill('I would check the event log, restart the print spooler and test a page.');
  await page.getByRole('button', { name: 'Finish this answer' }).click();
  await page.getByRole('button', { name: 'Finish and see the report' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mock interview report');
  await expect(page.getByRole('list', { name: 'Report' }).getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(2);
  // Finished: the next visit offers a new mock, not the old one.
  await page.goto('/interview/mock');
  await expect(page.getByRole('button', { name: 'Start the mock interview' })).toBeVisible();
});

test('reloading a timed exam never hands back time', async ({ page }) => {
  await startShortExam(page, '3', '10');
  const timer = page.getByRole('timer', { name: 'Time remaining' });
  await expect(timer).toHaveText(/^9:5[0-6]$/, { timeout: 15_000 });
  const seconds = (t: string) => {
    const [m, s] = t.split(':').map(Number);
    return m * 60 + s;
  };
  const before = seconds(await timer.innerText());
  // Between ticks: the last save was up to a second ago.
  await page.waitForTimeout(700);
  await page.reload();
  await expect(timer).toBeVisible();
  expect(seconds(await timer.innerText())).toBeLessThanOrEqual(before);
});
