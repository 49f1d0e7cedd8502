import { test, expect, Page } from '@playwright/test';
import { answerCurrent, open, SPLIT_CODE, startShortExam } from './helpers';

/** Every content URL the page requests from now on, relative to /content/. */
function contentRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/content/')) seen.push(path.slice('/content/'.length));
  });
  return seen;
}

test('the home page reads only the manifest; the scenario list adds its catalog of cards', async ({ page }) => {
  const seen = contentRequests(page);
  await open(page, '/');
  await expect(page.getByText(/^[1-9]\d* questions available$/)).toBeVisible();
  await expect(page.getByText(/^[1-9]\d* scenarios$/)).toBeVisible();
  expect(seen).toEqual(['manifest.json']);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shifts' })).toBeVisible();
  expect(seen).toEqual(['manifest.json', 'catalog/scenarios.json']);
});

test('the interview list comes from the catalog; a question reads only the file holding it', async ({ page }) => {
  const seen = contentRequests(page);
  await open(page, '/interview');
  const first = page.getByRole('link', { name: /^Tell me about a time/ }).first();
  await expect(first).toBeVisible();
  expect(seen.sort()).toEqual(['catalog/interview.json', 'manifest.json']);
  await first.click();
  await expect(page.getByLabel(/^Situation/)).toBeVisible();
  const files = seen.filter((p) => p.startsWith('questions/') || p.startsWith('bundles/'));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^questions\/interview\/[^/]+\.json$/);
});

test('a scenario fetches its own file only, and an exam session its exam', async ({ page }) => {
  const seen = contentRequests(page);
  await open(page, '/scenarios/password-reset-contractor?seed=1');
  await expect(page.getByRole('region', { name: 'Your move' }).getByRole('button').first()).toBeVisible();
  expect(seen.filter((p) => p.startsWith('scenarios/'))).toEqual(['scenarios/password-reset-contractor.json']);
  expect(seen.filter((p) => p.startsWith('bundles/'))).toEqual([]);
});

test('the practice setup counts and draws from the catalog; the session fetches only the files holding its questions', async ({ page }) => {
  const seen = contentRequests(page);
  await open(page, '/practice');
  await page.getByLabel('Exam', { exact: true }).selectOption('220-1201');
  await page.getByRole('checkbox', { name: /^2\.0 Networking/ }).check();
  await expect(page.getByText(/^[1-9]\d* questions match\.$/)).toBeVisible();
  expect(seen.sort()).toEqual(['catalog/questions.json', 'manifest.json']);
  await page.getByRole('button', { name: 'Start practice' }).click();
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('exam')).toBe('220-1201');
  // A run from one domain: files holding that domain's questions (its own
  // files and any sims set with one of its items), never the exam's bank.
  const catalog = await (await page.request.get('/content/catalog/questions.json')).json();
  type Set = { file: string; exam: string; questions: { domain: string }[] };
  const sets: Set[] = catalog.sets;
  const holding = sets
    .filter((s) => s.exam === '220-1201' && s.questions.some((q) => q.domain === '2.0'))
    .map((s) => s.file);
  const examFiles = sets.filter((s) => s.exam === '220-1201').length;
  expect(holding.length).toBeLessThan(examFiles);
  const files = seen.filter((p) => p.startsWith('questions/'));
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((p) => !holding.includes(p)), `fetched ${files.join(', ')}`).toEqual([]);
  expect(seen.filter((p) => p.startsWith('bundles/'))).toEqual(['bundles/questions-exams.json']);
});

test('the exam setup reads the catalog; starting fetches the chosen exam only, as do its results', async ({ page }) => {
  const seen = contentRequests(page);
  await startShortExam(page, '2', '5');
  const bundles = () => seen.filter((p) => p.startsWith('bundles/')).sort();
  expect(seen).toContain('catalog/questions.json');
  expect(bundles()).toEqual(['bundles/questions-220-1201.json', 'bundles/questions-exams.json']);
  // A reload resumes the exam from its own exam's bank.
  seen.length = 0;
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Questions' })).toBeVisible();
  expect(bundles()).toEqual(['bundles/questions-220-1201.json', 'bundles/questions-exams.json']);
});

test('an exam whose questions cannot be downloaded does not start empty; starting again once back works', async ({ page }) => {
  const bank = '**/content/bundles/questions-220-1201.json';
  await page.route(bank, (route) => route.abort('internetdisconnected'));
  await open(page, '/practice/exam');
  await page.getByLabel('Exam', { exact: true }).selectOption({ label: '220-1201 CompTIA A+ Core 1' });
  await page.getByRole('button', { name: 'Start exam' }).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Questions' })).toHaveCount(0);
  await page.unroute(bank);
  await page.getByRole('button', { name: 'Start exam' }).press('Enter');
  await expect(page.getByRole('navigation', { name: 'Questions' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
});

test('the review queue fetches only the files holding the questions on its schedule, and so does a review run', async ({ page }) => {
  // A question of 220-1202 answered while guessing joins the schedule.
  await open(page, '/practice/session?mode=practice&seed=1&exam=220-1202&ids=c2-os-121');
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  await answerCurrent(page);
  await page.getByRole('radio', { name: 'Guessing' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('button', { name: 'Next question' })).toBeVisible();

  const seen = contentRequests(page);
  const fetched = () => seen.filter((p) => p.startsWith('bundles/') || p.startsWith('questions/')).sort();
  await open(page, '/practice/review');
  await expect(page.getByRole('heading', { name: /^Coming up: 1$|^Due now: 1$/ })).toBeVisible();
  await expect(page.getByText(/branch office of 60 staff/)).toBeVisible();
  // The index of which file holds each question, not the whole catalog.
  expect(seen).toContain('catalog/question-files.json');
  expect(seen).not.toContain('catalog/questions.json');
  const one = fetched();
  expect(one).toHaveLength(2);
  expect(one[0]).toBe('bundles/questions-exams.json');
  expect(one[1]).toMatch(/^questions\/220-1202\/1-operating-systems[^/]*\.json$/);

  // A review run names no exam: it too fetches only the file holding its question.
  seen.length = 0;
  await open(page, '/practice/session?mode=review&seed=2&ids=c2-os-121');
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  expect(fetched()).toEqual(one);
  expect(seen).not.toContain('catalog/questions.json');
});

test('a run whose file index cannot be downloaded still opens, from its exam\'s bank', async ({ page }) => {
  await page.route(/\/content\/catalog\/question-files\.json$/, (route) => route.abort('internetdisconnected'));
  const seen = contentRequests(page);
  await open(page, '/practice/session?mode=practice&seed=1&exam=220-1202&ids=c2-os-121');
  await expect(page.getByText('Question 1 of 1')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  expect(seen).toContain('bundles/questions-220-1202.json');
});

test('the author page shows the build\'s report without the bank, and reads the bank for item analysis', async ({ page }) => {
  const seen = contentRequests(page);
  await open(page, '/author');
  const files = page.getByRole('table', { name: 'Content files the app loaded' });
  await expect(files).toContainText('questions/exams/a-plus-core-1.json');
  await expect(files).toContainText('scenarios/');
  await expect(page.getByText('No problems found in the content files.')).toBeVisible();
  expect(seen.sort()).toEqual(['manifest.json', 'report.json']);
  // The analysis's code is a chunk of its own, fetched on the first run:
  // offline, the run says so, and running it again once back works.
  const code = /\/pkg\/split_item_analysis\.wasm$/;
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  const run = page.getByRole('button', { name: 'Run item analysis' });
  await run.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not download the item analysis' })).toBeVisible();
  await page.unroute(SPLIT_CODE);
  await run.click();
  await expect(page.getByRole('status').filter({ hasText: 'Item analysis:' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not download the item analysis' })).toHaveCount(0);
  expect(seen.filter((p) => p.startsWith('bundles/questions-')).length).toBe(5);
});

test('a page whose code cannot be downloaded says so and recovers on retry', async ({ page }) => {
  await open(page, '/');
  // Offline for the app's code: the practice area has not been visited yet.
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be downloaded' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certification practice');

  await page.unroute(SPLIT_CODE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start practice' })).toBeVisible();
});

test('a scenario list whose catalog cannot be downloaded says so and recovers on retry', async ({ page }) => {
  const catalog = /\/content\/catalog\/scenarios\.json$/;
  await page.route(catalog, (route) => route.abort('internetdisconnected'));
  await open(page, '/scenarios');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the scenario catalog' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem')).toHaveCount(0);

  await page.unroute(catalog);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shifts' })).toBeVisible();
});

test('the practice setup and the interview list say when their catalog cannot be downloaded, and recover on retry', async ({ page }) => {
  const catalogs = /\/content\/catalog\/(questions|interview)\.json$/;
  await page.route(catalogs, (route) => route.abort('internetdisconnected'));
  await open(page, '/practice');
  let alert = page.getByRole('alert').filter({ hasText: 'Could not load the question catalog' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start practice (questions not loaded)' })).toBeDisabled();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interview' }).click();
  alert = page.getByRole('alert').filter({ hasText: 'Could not load the interview catalog' });
  await expect(alert).toBeVisible();

  await page.unroute(catalogs);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Behavioural questions' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Start practice', exact: true })).toBeEnabled();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load' })).toHaveCount(0);
});

test("an interview answer whose scoring code cannot be downloaded says so, and is scored when asked again", async ({ page }) => {
  await open(page, '/interview/q/tech-no-network');
  // Offline for the code fetched as the learner starts to answer.
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await page.getByLabel('Your answer').fill('DNS turns a name such as intranet.example.com into an IP address; I would test with nslookup.');
  await page.getByRole('button', { name: 'Get feedback' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that scores answers' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('region', { name: 'Feedback' })).toHaveCount(0);

  await page.unroute(SPLIT_CODE);
  await page.getByRole('button', { name: 'Get feedback' }).click();
  await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('one answer text whose part-finding code cannot be downloaded says so, and is split once it arrives', async ({ page }) => {
  await open(page, '/interview/q/beh-frustrated-user');
  await page.route(SPLIT_CODE, (route) => route.abort('internetdisconnected'));
  await page.getByRole('radio', { name: 'One text (parts detected)' }).check();
  await page.getByLabel('Your answer').fill('A lecturer was locked out before an exam. My job was to get her in. So I unlocked her account. As a result the exam started on time.');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the code that finds the parts of your answer' });
  await expect(alert).toBeVisible();

  await page.unroute(SPLIT_CODE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toHaveCount(0);
  const detected = page.locator('.detected');
  await expect(detected).toContainText('My job was to get her in.');
  await expect(detected).toContainText('As a result the exam started on time.');
});
