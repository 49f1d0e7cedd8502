import { test, expect, Page, Route } from '@playwright/test';
import { open } from './helpers';

// A 10,000-character word in every kind of text (content prose and the
// learner's own answers) never widens the page at 375 px.

const WORD = 'x'.repeat(10_000);
const PROSE_KEYS = /^(title|summary|prompt|stem|text|say|says|line|reply|explanation|why|name|label|detail|advice|point|points|lead|description|opening|note|notes|ending|harm|role|department|temperament)$/;

/** Appends the long word to prose: strings under prose keys that contain a space. */
function lengthen(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return PROSE_KEYS.test(key) && value.includes(' ') ? `${value} ${WORD}` : value;
  if (Array.isArray(value)) return value.map((v) => lengthen(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lengthen(v, k)]));
  }
  return value;
}

async function longContent(page: Page) {
  await page.route(/\/content\/((bundles|scenarios)\/[^/]+|questions\/.+|manifest|catalog\/scenarios)\.json$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.json();
    // In bundles, only the question the test opens: ten thousand
    // characters in every field of every question would be megabytes.
    const one = (file: { questions?: { id: string }[] }) =>
      file.questions ? { ...file, questions: file.questions.map((q) => (q.id === 'c1-net-001' ? lengthen(q) : q)) } : file;
    const url = route.request().url();
    const changed = url.includes('/bundles/')
      ? { ...body, files: body.files.map((f: { name: string; text: string }) => ({ ...f, text: JSON.stringify(one(JSON.parse(f.text)), null, 1) })) }
      : url.includes('/content/questions/')
        ? one(body)
        : lengthen(body);
    await route.fulfill({ response, json: changed });
  });
}

async function fits(page: Page, where: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where}: the page is ${width}px wide at 375`).toBeLessThanOrEqual(375);
}

test.use({ viewport: { width: 375, height: 800 }, serviceWorkers: 'block' });

test('content with a 10,000-character word wraps on every page', async ({ page }) => {
  await longContent(page);
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  await expect(page.locator('.question')).toContainText(WORD.slice(0, 50));
  await fits(page, 'question');
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.verdict')).toBeVisible();
  await fits(page, 'feedback');

  await open(page, '/scenarios');
  await expect(page.getByText(WORD.slice(0, 50)).first()).toBeVisible();
  await fits(page, 'scenario list');
  await open(page, '/scenarios/account-locked-payroll?seed=7');
  await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
  await fits(page, 'scenario play');
  await page.getByRole('region', { name: 'Your move' }).getByRole('button').filter({ hasText: /check it's you/ }).click();
  await expect(page.getByRole('log', { name: 'Conversation' })).toContainText("check it's you");
  await fits(page, 'conversation');

  await open(page, '/interview');
  await fits(page, 'interview');
});

test('the learner’s own long word wraps in answers, notes and feedback', async ({ page }) => {
  await open(page, '/scenarios/account-locked-payroll?seed=7');
  await page.getByLabel('Ticket notes: symptoms, steps taken, result').fill(WORD);
  await fits(page, 'ticket notes');
  for (const step of [/check it's you/, /changed your password lately/, /switch the phone to flight mode/, /turn flight mode off/, /quote the ticket number/]) {
    const choice = page.getByRole('region', { name: 'Your move' }).getByRole('button').filter({ hasText: step });
    await choice.click();
  }
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).click();
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  await fits(page, 'debrief');

  await open(page, '/interview/q/beh-frustrated-user');
  const boxes = page.getByRole('textbox');
  await expect(boxes.first()).toBeVisible();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).fill(`I did ${WORD} and it worked`);
  await fits(page, 'interview answer');
  await page.getByRole('button', { name: 'Get feedback' }).click();
  await expect(page.getByRole('region', { name: 'Feedback' })).toBeVisible();
  await fits(page, 'interview feedback');
});
