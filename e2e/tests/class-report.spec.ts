import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'fs';
import { join } from 'path';
import { open } from './helpers';

// Two learners' backups as FirstLine exports them (checksum and all),
// written by `cargo test -p firstline-core class_report -- --ignored`; the
// native test `the_e2e_fixtures_still_read` keeps them readable and checks
// the CSV lines expected below.
const fixtures = join(__dirname, '..', 'fixtures', 'class-report');
const json = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/json', buffer });
const ana = json('ana.json', readFileSync(join(fixtures, 'ana.json')));
const ben = json('ben.json', readFileSync(join(fixtures, 'ben.json')));
const broken = json('broken.json', Buffer.from('{"name": "Maria", "score": 90}'));

/** The text of the CSV a button downloads, without its byte-order mark. */
async function csvOf(page: Page, button: string): Promise<{ name: string; lines: string[] }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  return { name: download.suggestedFilename(), lines: text.split('\r\n') };
}

test('an instructor loads two learners and a broken file, and gets the class report, its errors and CSVs', async ({ page }) => {
  await open(page, '/author');
  await expect(page.getByRole('heading', { level: 2, name: 'Class report' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the class report' }).click();
  await page.getByLabel('Learners’ backup files').setInputFiles([ana, broken, ben]);

  await expect(page.getByRole('status').filter({ hasText: 'in the report' })).toHaveText(
    '2 learners in the report; 1 file could not be used.',
  );

  // The broken file is named, with what is wrong and what to do, and
  // focus is on the summary of problems.
  await expect(page.getByRole('heading', { name: '1 file could not be used' })).toBeVisible();
  const problems = page.getByRole('list', { name: 'Files not used' }).getByRole('listitem');
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('broken.json: not a FirstLine backup');
  await expect(problems.first()).toContainText('export it again from Progress → Back up and restore');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('1 file could not be used');

  // One row per learner, named after the file.
  const learners = page.getByRole('table', { name: /^Learners:/ });
  await expect(learners.getByRole('rowheader', { name: 'ana', exact: true })).toBeVisible();
  await expect(learners.getByRole('rowheader', { name: 'ben', exact: true })).toBeVisible();
  await expect(learners.getByRole('rowheader')).toHaveCount(2);

  // A column per learner and a cell per objective.
  const objectives = page.getByRole('table', { name: 'Answers right per exam objective' });
  await expect(objectives.getByRole('columnheader', { name: 'ana', exact: true })).toBeVisible();
  await expect(objectives.getByRole('columnheader', { name: 'ben', exact: true })).toBeVisible();
  const objective = objectives.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2.1', exact: true }) });
  await expect(objective.getByRole('cell', { name: '50% (1 of 2)' })).toBeVisible();
  await expect(objective.getByRole('cell', { name: '100% (1 of 1)' })).toBeVisible();

  const scenarios = page.getByRole('table', { name: /^Scenario scores per learner/ });
  await expect(scenarios.getByRole('row', { name: /vpn-airport/ })).toContainText('best 81, last 81 (2 tries)');
  await expect(page.getByRole('table', { name: /^Interview answers per question/ }).getByRole('rowheader', { name: 'beh-above-and-beyond' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the class report' })).toBeVisible();

  const learnersCsv = await csvOf(page, 'Download CSV: learners');
  expect(learnersCsv.name).toBe('class-report-learners.csv');
  expect(learnersCsv.lines).toEqual([
    'Learner,File,Answers,220-1201 % right,220-1201 answered,N10-009 % right,N10-009 answered,Exams taken,Exams passed,Scenarios played,Scenario mean score,Interview answers,Interview mean score,Mock interviews,Last activity (UTC),Values ignored',
    'ana,ana.json,3,67,3,,,0,0,1,72,1,64,0,2025-10-11,0',
    'ben,ben.json,2,100,1,0,1,0,0,2,68,0,,0,2025-10-12,0',
    '',
  ]);
  const objectivesCsv = await csvOf(page, 'Download CSV: objectives');
  expect(objectivesCsv.name).toBe('class-report-objectives.csv');
  expect(objectivesCsv.lines.slice(0, 2)).toEqual(['Exam,Objective,ana % right,ana answered,ben % right,ben answered', '220-1201,2.1,50,2,100,1']);

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('the class report fits a phone and, with only good files, focus goes to its heading', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await open(page, '/author');
  await page.getByRole('button', { name: 'Open the class report' }).click();
  // Its code arrives on request; then focus waits on the file input.
  await expect(page.getByLabel('Learners’ backup files')).toBeFocused();
  await page.getByLabel('Learners’ backup files').setInputFiles([ana, ben]);
  await expect(page.getByRole('status').filter({ hasText: 'in the report' })).toHaveText('2 learners in the report.');
  await expect(page.getByRole('heading', { level: 2, name: 'Class report' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Answers right per exam objective' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
