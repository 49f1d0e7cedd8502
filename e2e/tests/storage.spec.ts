import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'fs';
import { answerCurrent, open, storage, storedQuestions } from './helpers';

test('garbage in storage: the app starts, warns, and keeps the garbage under a backup key', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('firstline.progress', '{"this is": not json');
      sessionStorage.setItem('seeded', '1');
    }
  });
  // The first page that reads progress (the home page only counts it).
  await open(page, '/progress');
  const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('firstline.progress.backup.');
  const saved = await storage(page);
  const backups = Object.keys(saved).filter((k) => k.startsWith('firstline.progress.backup.'));
  expect(backups).toHaveLength(1);
  expect(saved[backups[0]]).toBe('{"this is": not json');

  // The app goes on: answering saves fresh progress.
  await page.goto('/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  // Saved in the next task, once the feedback has painted: the answer in
  // the history, the document beside it.
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  await expect.poll(async () => JSON.parse((await storage(page))['firstline.progress'] ?? '{"data":{}}').data.kept_apart).toBe(1);
  expect((await storage(page))[backups[0]]).toBe('{"this is": not json');
});

test('a failed save (storage full) is reported to the user', async ({ page }) => {
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'firstline.progress') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toContainText('storage is full');
});

test('two tabs answering at the same time both keep every answer', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await open(a, '/practice/session?mode=practice&seed=1&ids=c1-net-001,c1-net-002');
  await open(b, '/practice/session?mode=practice&seed=2&ids=c1-net-003,c1-net-004');
  // Answers alternate between the tabs, each saved at once.
  for (const round of [0, 1]) {
    for (const tab of [a, b]) {
      if (round > 0) await tab.getByRole('button', { name: 'Next question' }).click();
      await expect(tab.getByText(`Question ${round + 1} of 2`)).toBeVisible();
      await answerCurrent(tab);
      await tab.getByRole('button', { name: 'Check answer' }).click();
      await expect(tab.locator('.verdict')).toBeVisible();
    }
  }
  await expect.poll(() => storedQuestions(a)).toEqual(['c1-net-001', 'c1-net-002', 'c1-net-003', 'c1-net-004']);
  // The tab that wrote first has taken in the other's answers without a
  // reload, and a reloaded tab finds them all.
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(a.getByText(/of 4 answers correct/)).toBeVisible();
  await b.reload();
  await b.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(b.getByText(/of 4 answers correct/)).toBeVisible();
});

test('a backup downloaded in one browser restores into a fresh one by merging, and a damaged file is refused', async ({ page, browser, baseURL }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('link', { name: 'Back up or restore your progress' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back up and restore');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const file = await (await downloading).path();
  expect(file).toBeTruthy();

  // A fresh browser with an answer of its own.
  const other = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const fresh = await other.newPage();
  await open(fresh, '/practice/session?mode=practice&seed=1&ids=c1-net-002');
  await fresh.getByRole('radio', { name: '443' }).check();
  await fresh.getByRole('button', { name: 'Check answer' }).click();
  await expect(fresh.getByText('Correct.')).toBeVisible();
  await open(fresh, '/progress/backup');

  // A damaged copy is refused, with the reason.
  const text = readFileSync(file!, 'utf8');
  const restore = fresh.getByLabel('Restore from a backup file');
  await restore.setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(text.replace('c1-net-001', 'c1-net-009')) });
  await expect(fresh.getByRole('alert').filter({ hasText: 'was not restored' })).toContainText('checksum');

  await restore.setInputFiles(file!);
  await expect(fresh.getByRole('status').filter({ hasText: 'would add' })).toContainText('would add 1 question answer');
  await fresh.getByRole('button', { name: 'Add it to this browser' }).click();
  await expect(fresh.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  // The same file again adds nothing.
  await restore.setInputFiles([]);
  await restore.setInputFiles(file!);
  await expect(fresh.getByRole('status').filter({ hasText: 'already here' })).toBeVisible();
  await fresh.getByRole('link', { name: 'Back to your progress' }).click();
  await expect(fresh.getByText(/of 2 answers correct/)).toBeVisible();
  await other.close();
});

test('the backup page says how much space progress takes and can ask the browser to keep it', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await open(page, '/progress/backup');
  await expect(page.getByText(/^Your progress takes [1-9]\d* KB of this browser’s local storage/)).toBeVisible();
  await page.getByRole('button', { name: 'Ask the browser to keep my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: /browser/ })).toContainText(/will keep|did not agree|Not available/);
});

test('an answer checked just before the page goes is kept', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await holdNextTask(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByText('1 of 1 answers correct')).toBeVisible();
});

test('with the answers kept in IndexedDB, an answer checked just before the page goes is kept', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001,c1-net-002');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  // The history is live once an answer is stored as its own record.
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  await page.getByRole('button', { name: 'Next question' }).click();
  await page.getByRole('radio', { name: '443' }).check();
  await holdNextTask(page);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByText('2 of 2 answers correct')).toBeVisible();
  // If the database had not committed the answer when the page went, its
  // copy in localStorage brings it in now.
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001', 'c1-net-002']);
});

test('an answer left waiting for the database when the page closed joins the history on the next visit', async ({ page }) => {
  // One answer stored the usual way, so the history lives in IndexedDB.
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  // What a tab closed before the database committed leaves: the answer's
  // record in localStorage only.
  await page.evaluate(() => {
    const at = Date.now();
    const data = { question: 'c1-net-002', exam: '220-1201', domain: '2.0', objective: '2.1', score: 1, at, mode: 'practice', confidence: null, wrong_picks: [] };
    const key = `firstline.pending-answer.${String(at).padStart(20, '0')}|c1-net-002`;
    localStorage.setItem(key, JSON.stringify({ format: 'firstline-answer', version: 1, saved_at: at, data }));
  });
  await page.goto('/progress');
  await expect(page.getByText('2 of 2 answers correct')).toBeVisible();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001', 'c1-net-002']);
  const waiting = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('firstline.pending-answer.')));
  await expect.poll(waiting).toEqual([]);
});

/** From now on the page goes before its next task: timers of no delay,
 * where the progress document's save waits so that the feedback paints
 * first, never run. Its save must then run as the page is hidden. */
async function holdNextTask(page: Page) {
  await page.evaluate(() => {
    const later = window.setTimeout.bind(window);
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) =>
      delay ? later(handler, delay, ...rest) : 0) as typeof window.setTimeout;
  });
}
