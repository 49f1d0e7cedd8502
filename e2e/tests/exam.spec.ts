import { test, expect, Page } from '@playwright/test';
import { answerCurrent, open, startShortExam } from './helpers';


async function optionOrder(page: Page) {
  return page.locator('.question').locator('label, .step-text, .match-row > label').allInnerTexts();
}

test('a short timed exam by keyboard: flag, review, reload and resume, submit, results', async ({ page }) => {
  await startShortExam(page, '5', '20');
  await expect(page.getByRole('timer', { name: 'Time remaining' })).toHaveText(/^(20:00|19:5\d)$/);
  const grid = page.getByRole('navigation', { name: 'Questions' }).getByRole('button');
  await expect(grid).toHaveCount(5);

  // Question 1: answer, then Enter moves on.
  await answerCurrent(page);
  await page.locator('body').press('Enter');
  await expect(page.getByText('Question 2 of 5')).toBeVisible();

  // Question 2: flag it with F, leave it unanswered.
  const flaggedPrompt = await page.locator('.question .prompt').innerText();
  await page.locator('body').press('f');
  await expect(page.getByRole('button', { name: 'Flagged for review' })).toHaveAttribute('aria-pressed', 'true');
  await expect(grid.nth(1)).toHaveAccessibleName('Question 2, not answered, flagged');
  await page.locator('body').press('Enter');

  // Question 3: remember what is on screen, then reload mid-exam.
  await expect(page.getByText('Question 3 of 5')).toBeVisible();
  const before = { prompt: await page.locator('.question .prompt').innerText(), options: await optionOrder(page) };
  await page.reload();
  await expect(page.getByText('Question 3 of 5')).toBeVisible();
  expect(await page.locator('.question .prompt').innerText()).toBe(before.prompt);
  expect(await optionOrder(page)).toEqual(before.options);
  await expect(grid.nth(0)).toHaveAccessibleName(/Question 1, answered/);

  // The review screen lists the flagged question; go back to it from there.
  await page.getByRole('button', { name: 'Review answers' }).first().press('Enter');
  await page.getByRole('radio', { name: /Flagged \(1\)/ }).press('Space');
  const list = page.getByRole('list', { name: 'Questions to review' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Question 2' }).press('Enter');
  await expect(page.locator('.question .prompt')).toHaveText(flaggedPrompt);

  // Submit with unanswered questions: a warning first.
  await page.getByRole('button', { name: 'Review answers' }).first().press('Enter');
  await page.getByRole('button', { name: 'Submit exam' }).press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(/You have \d unanswered questions?/);
  await dialog.getByRole('button', { name: 'Submit anyway' }).press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam results: 220-1201 CompTIA A+ Core 1');
  await expect(page.getByRole('heading', { name: 'Estimated score' })).toBeVisible();
  await expect(page.getByText(/estimate: CompTIA does not publish/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Results by domain' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Question by question review' }).getByRole('listitem')).toHaveCount(5);

  // It is saved to progress.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Exams taken' })).toContainText('220-1201');
});

test('the exam submits itself when the time runs out', async ({ page }) => {
  await page.clock.install();
  await startShortExam(page, '3', '1');
  await answerCurrent(page);
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Exam results/);
  await expect(page.getByText('The time ran out, so the exam was submitted automatically.')).toBeVisible();
});

test('in the exam, a number key picks the option and it shows as picked', async ({ page }) => {
  await startShortExam(page, '10', '20');
  // Performance-based questions come first: move on to one with options.
  const single = page.getByRole('group', { name: 'Choose one answer' });
  const simulation = page.getByRole('region', { name: 'Simulation' });
  for (let n = 1; n < 10; n++) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    // Number keys pick options on a question with one set of options; a
    // simulation's item has options too, but the keys are not for it.
    if ((await single.count()) === 1 && (await simulation.count()) === 0) break;
    await page.locator('body').press('Enter');
  }
  const radios = single.getByRole('radio');
  await expect(radios.first()).toBeVisible();
  // The keys go to the page, not to a field a simulation before it left focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('body').press('2');
  await expect(radios.nth(1)).toBeChecked();
  await page.locator('body').press('1');
  await expect(radios.nth(0)).toBeChecked();
  await expect(radios.nth(1)).not.toBeChecked();
});
