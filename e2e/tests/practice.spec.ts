import { test, expect } from '@playwright/test';
import { answerCurrent, open, SPLIT_CODE, storedQuestions } from './helpers';

test('set up a practice run, answer by keyboard, see explanations, and find it on Progress after a reload', async ({ page }) => {
  await open(page, '/practice');
  await page.getByLabel('Exam', { exact: true }).selectOption({ label: '220-1201 CompTIA A+ Core 1' });
  await page.getByRole('checkbox', { name: /2\.0 Networking/ }).check();
  await page.getByLabel('Number of questions').fill('3');
  await page.getByRole('button', { name: 'Start practice' }).click();

  await expect(page.getByText('Question 1 of 3')).toBeVisible();
  const prompt = await page.locator('.question .prompt').innerText();
  await expect(page.locator('.question .meta')).toContainText('220-1201');
  await expect(page.getByRole('group', { name: 'How sure are you?' })).toBeVisible();

  // Answer with whatever the question needs; single and multiple answer use number keys.
  await answerCurrent(page);
  await page.getByRole('radio', { name: 'Unsure' }).check();
  await page.keyboard.press('Enter');
  await expect(page.locator('.verdict')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
  // Every option or item is explained.
  await expect(page.locator('.why').first()).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('table', { name: 'Recent answers' })).toContainText(prompt);
  await expect(page.getByText(/of 1 answers correct/)).toBeVisible();
});

test('a run from the setup prefers questions not yet answered, read from the saved history', async ({ page }) => {
  // Objective 1.10 of 220-1202 has five questions; answer one of them.
  await open(page, '/practice/session?mode=practice&seed=1&exam=220-1202&ids=c2-os-121');
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  await answerCurrent(page);
  await page.getByRole('radio', { name: 'Sure', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
  await expect.poll(() => storedQuestions(page)).toEqual(['c2-os-121']);

  // A new visit: the setup does not read the history; the session draws
  // once it has, so a run of four is the four not answered.
  await open(page, '/practice?exam=220-1202&objectives=1.10');
  await expect(page.getByText('5 questions match.')).toBeVisible();
  await page.getByLabel('Number of questions').fill('4');
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.getByText('Question 1 of 4')).toBeVisible();
  const ids = new URL(page.url()).searchParams.get('ids')!.split(',').sort();
  expect(ids).toEqual(['c2-os-035', 'c2-os-036', 'c2-os-122', 'c2-os-144']);
  // The address names the run, so Back returns to the setup, not to the draw.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Certification practice' })).toBeVisible();
});

test('a run from the setup with nothing to draw says so and links back', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=3&count=5&exam=220-1202&objectives=no-such-objective');
  await expect(page.getByRole('alert')).toContainText('No questions match this choice.');
  await page.getByRole('link', { name: 'Choose more domains or objectives' }).click();
  await expect(page.getByRole('heading', { name: 'Certification practice' })).toBeVisible();
});

// Drawing prefers questions not yet answered, so its code (with the
// answer history's) is fetched on the session page: without it, the page
// says so and offers to try again.
test('a run to draw whose code cannot download says so, and draws when tried again', async ({ page }) => {
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await open(page, '/practice/session?mode=practice&seed=3&count=4&exam=220-1202');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that draws your questions' });
  await expect(alert).toBeVisible();
  await page.unroute(SPLIT_CODE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Question 1 of 4')).toBeVisible();
});

test('a linked practice question shows why each option is right or wrong', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  // Number keys pick the option shown at that position.
  const second = page.getByRole('group', { name: 'Choose one answer' }).getByRole('radio').nth(1);
  await expect(second).toBeVisible();
  await page.locator('body').press('2');
  await expect(second).toBeChecked();
  await page.getByRole('radio', { name: /DHCP/ }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();
  // Focus follows the eyes: to the feedback, not back to the page.
  await expect(page.locator(':focus')).toContainText('Not quite.');
  await expect(page.getByText(/Correct answer\.\s*Right: DNS turns names/)).toBeVisible();
  await expect(page.getByText(/Your choice\.\s*Wrong: DHCP hands out addresses/)).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { name: 'Practice done' })).toBeVisible();
  await expect(page.getByText('0 of 1 fully correct')).toBeVisible();
});

