import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'fs';
import { join } from 'path';
import { open, pick, setPriority, storage, submit } from './helpers';

// An instructor's own files: a good question set, a good scenario and a
// scenario with one dangling link (what `firstline check` finds in them is
// noted beside each expectation).
const fixtures = join(__dirname, '..', 'fixtures', 'author-preview');
const file = (name: string) => ({ name, mimeType: 'application/json', buffer: readFileSync(join(fixtures, name)) });

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an instructor previews their own files: errors with their place, the good ones played unrecorded, kept over a reload until removed', async ({ page }) => {
  await open(page, '/author');
  await page.getByRole('button', { name: 'Open the preview' }).click();
  await page.getByLabel('Content files', { exact: true }).setInputFiles([
    file('my-questions.json'),
    file('my-password-reset.json'),
    file('my-broken-call.json'),
  ]);

  // The broken scenario's one error, where firstline check puts it.
  const broken = page.getByRole('article', { name: 'Your file my-broken-call.json' });
  const problem = broken.getByRole('list', { name: 'Problems in my-broken-call.json' }).getByRole('listitem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('my-broken-call.json:167:19');
  await expect(problem).toContainText('leads to "fxi", which is neither a node nor an ending');
  await expect(problem).toContainText('nodes[1].choices[3].next');
  await expect(broken).toContainText('scenario: 0 item(s) loaded, 1 error(s)');
  await expect(broken.getByRole('link', { name: /^Play / })).toHaveCount(0);
  // The good files: no errors (the set's exam has no blueprint here, a
  // warning, as in firstline check).
  await expect(page.getByRole('article', { name: 'Your file my-password-reset.json' })).toContainText('1 item(s) loaded, 0 error(s), 0 warning(s)');
  await expect(page.getByRole('article', { name: 'Your file my-questions.json' })).toContainText('2 item(s) loaded, 0 error(s), 1 warning(s)');
  await expect(page.getByRole('status').filter({ hasText: 'kept on this device' })).toContainText('3 file(s) kept on this device');
  await axeClean(page);

  // The question set in practice, marked as the instructor's own.
  await page.getByRole('link', { name: 'Practise my-questions.json' }).click();
  await expect(page.getByText('Your own file')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice: your question set');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();
  await axeClean(page);

  // The good scenario, played to its debrief, by keyboard.
  await open(page, '/author');
  await page.getByRole('link', { name: 'Play my-password-reset.json' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My password reset');
  await expect(page.getByText('Your own file')).toBeVisible();
  await pick(page, /employee ID/);
  await pick(page, /temporary password/);
  await setPriority(page, 'Medium', 'High');
  const debrief = await submit(page, 'Caller verified with her employee ID. I did a password reset and gave her a temporary password by phone.');
  await expect(debrief).toBeVisible();
  // Nothing of it is in the learner's progress.
  const saved = await storage(page);
  expect(saved['firstline.scenarios'] ?? '').not.toContain('my-password-reset');

  // A reload keeps the files; the preview opens by itself.
  await open(page, '/author');
  await expect(page.getByRole('article', { name: 'Your file my-broken-call.json' })).toBeVisible();

  // The broken scenario's map shows its dangling link.
  await page.getByRole('link', { name: 'Map of my-broken-call.json' }).click();
  await expect(page.getByRole('list', { name: 'Scenario outline' })).toContainText('to nothing on the map');

  // Removed by keyboard, and gone after a reload too.
  await open(page, '/author');
  const remove = page.getByRole('button', { name: 'Remove my-broken-call.json' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Your file my-broken-call.json' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('article', { name: 'Your file my-questions.json' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Your file my-broken-call.json' })).toHaveCount(0);
});

test('a content pack is checked file by file, each named inside the pack', async ({ page }) => {
  const pack = {
    format: 'firstline-pack',
    version: 1,
    files: [
      { path: 'questions/my-questions.json', text: readFileSync(join(fixtures, 'my-questions.json'), 'utf8') },
      { path: 'scenarios/my-broken-call.json', text: readFileSync(join(fixtures, 'my-broken-call.json'), 'utf8') },
    ],
  };
  await open(page, '/author');
  await page.getByRole('button', { name: 'Open the preview' }).click();
  await page.getByLabel('Content files', { exact: true }).setInputFiles([
    { name: 'course.firstline-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) },
    { name: 'bad.firstline-pack.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "zip"}') },
  ]);
  const inside = 'course.firstline-pack.json/scenarios/my-broken-call.json';
  await expect(page.getByRole('list', { name: `Problems in ${inside}` })).toContainText(`${inside}:167:19`);
  await expect(page.getByRole('article', { name: 'Your file course.firstline-pack.json/questions/my-questions.json' })).toContainText('2 item(s) loaded');
  await expect(page.getByRole('alert')).toContainText('bad.firstline-pack.json');
  await expect(page.getByRole('alert')).toContainText('not a FirstLine pack');
});

test("a link to an instructor's file in a browser that keeps none says so and leads to the Author page", async ({ page }) => {
  await open(page, '/author/yours?do=play&file=my-password-reset.json');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your file');
  await expect(page.getByText('This device keeps none of your own files.')).toBeVisible();
  await axeClean(page);
  await page.getByRole('link', { name: 'Go to the Author page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Content for instructors');
  await expect(page.getByRole('button', { name: 'Open the preview' })).toBeVisible();
});
