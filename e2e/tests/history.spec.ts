import { test, expect } from '@playwright/test';
import { open, seedDocument, storage, storedAnswers, storedQuestions } from './helpers';

// The answer history lives in IndexedDB, one record per answer; the
// progress document in localStorage keeps the review schedule and a count.

function answer(question: string, at: number, score: number) {
  return { question, exam: '220-1201', domain: '2.0', objective: '2.1', score, at, mode: 'practice', confidence: null, wrong_picks: [] };
}

test('answers saved in localStorage by an earlier FirstLine move to the database, and none is lost', async ({ page }) => {
  const now = Date.now();
  await seedDocument(page, 'firstline.progress', 'firstline-progress', 2, {
    attempts: [answer('c1-net-001', now - 3000, 1), answer('c1-net-002', now - 2000, 0), answer('c1-net-003', now - 1000, 1)],
    review: { cards: {} },
  });
  await open(page, '/progress');
  await expect(page.getByText(/2 of 3 answers correct/)).toBeVisible();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001', 'c1-net-002', 'c1-net-003']);
  // Once stored there, the document no longer carries them, but counts them.
  await expect.poll(async () => JSON.parse((await storage(page))['firstline.progress']).data.attempts ?? []).toEqual([]);
  expect(JSON.parse((await storage(page))['firstline.progress']).data.kept_apart).toBe(3);
  await page.reload();
  await expect(page.getByText(/2 of 3 answers correct/)).toBeVisible();
  await open(page, '/');
  await expect(page.getByText('3 answers recorded so far.')).toBeVisible();
});

test('a damaged answer record is kept aside unchanged, said so, and the others load', async ({ page }) => {
  await page.goto('/404-seed');
  const good = JSON.stringify({ format: 'firstline-answer', version: 1, saved_at: 1, data: answer('c1-net-001', 1_700_000_000_000, 1) });
  await page.evaluate(
    ([good]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('firstline', 1);
        request.onupgradeneeded = () => {
          request.result.createObjectStore('answers');
          request.result.createObjectStore('damaged');
        };
        request.onsuccess = () => {
          const tx = request.result.transaction('answers', 'readwrite');
          tx.objectStore('answers').put(good, '00000001700000000000|c1-net-001');
          tx.objectStore('answers').put('{"format": broken', 'zz-broken');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [good],
  );
  await open(page, '/progress');
  const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(warning).toContainText('kept aside unchanged');
  await expect(page.getByText(/1 of 1 answers correct/)).toBeVisible();
  await expect.poll(() => storedAnswers(page, 'damaged')).toEqual([{ key: 'zz-broken', text: '{"format": broken' }]);
  expect((await storedAnswers(page)).map((r) => r.key)).toEqual(['00000001700000000000|c1-net-001']);
});

test('an answer is saved as one record, and the backup waits for the history and includes it', async ({ page }) => {
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await expect.poll(() => storedQuestions(page)).toEqual(['c1-net-001']);
  await open(page, '/progress/backup');
  await expect(page.getByText(/1 answer is kept in its database/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const path = await (await downloading).path();
  const { readFileSync } = await import('fs');
  expect(readFileSync(path!, 'utf8')).toContain('c1-net-001');
});
