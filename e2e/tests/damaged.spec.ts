import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'fs';
import { open, storage } from './helpers';

const DAMAGED = '{not json';
const SECTION = 'Damaged data kept aside';

/** Puts `text` under `key` before the app first reads storage; a reload does not put it back. */
async function seedOnce(page: Page, key: string, text: string) {
  await page.addInitScript(({ key, text }) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, text);
      sessionStorage.setItem('seeded', '1');
    }
  }, { key, text });
}

/** Clicks the Download button named `name` and returns the file's name and text. */
async function download(page: Page, name: RegExp): Promise<{ file: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const got = await downloading;
  const path = await got.path();
  return { file: got.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/** Discards with the button named `name` (enabled only after a download) and checks what the user is told. */
async function discard(page: Page, name: RegExp) {
  const section = page.getByRole('region', { name: SECTION });
  await section.getByRole('button', { name }).click();
  await expect(section.getByRole('status')).toContainText('Discarded');
  await expect(page.getByRole('heading', { name: SECTION })).toBeFocused();
  await expect(section.getByText('Nothing is kept aside')).toBeVisible();
}

test('damaged data kept aside is downloaded unchanged, then discarded, and saving goes on', async ({ page }) => {
  await seedOnce(page, 'firstline.progress', DAMAGED);
  await open(page, '/progress');
  const warning = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(warning).toContainText('firstline.progress.backup.');
  await warning.getByRole('link', { name: 'Download or discard the damaged data' }).click();
  const section = page.getByRole('region', { name: SECTION });
  await expect(section).toBeVisible();

  // Discarding waits for a download of that backup.
  const discardButton = section.getByRole('button', { name: /^Discard damaged progress kept aside on .*firstline\.progress\.backup\.\d+/ });
  await expect(discardButton).toBeDisabled();
  const got = await download(page, /^Download damaged progress kept aside on .*firstline\.progress\.backup\.\d+/);
  expect(got.text).toBe(DAMAGED);
  expect(got.file).toMatch(/^firstline-damaged-progress-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(discardButton).toBeEnabled();
  await discard(page, /^Discard damaged progress kept aside/);

  // Gone for good: a reload neither lists it nor keeps the damage aside again.
  await page.reload();
  await expect(page.getByRole('region', { name: SECTION }).getByText('Nothing is kept aside')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
  const after = await storage(page);
  expect(Object.keys(after).filter((k) => k.startsWith('firstline.progress.backup.'))).toEqual([]);
  expect(after['firstline.progress']).not.toBe(DAMAGED);

  // Answering saves a readable progress document.
  await page.goto('/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect
    .poll(async () => JSON.parse((await storage(page))['firstline.progress'] ?? '{}').format)
    .toBe('firstline-progress');
  expect(Object.keys(await storage(page)).filter((k) => k.includes('.backup.'))).toEqual([]);
});

test('damage that could not be copied aside pauses saving until it is downloaded and discarded', async ({ page }) => {
  // The storage is full for the copy, not for the document itself.
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('firstline.backup.backup.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.call(this, key, value);
    };
  });
  await seedOnce(page, 'firstline.backup', DAMAGED);
  await open(page, '/progress/backup');
  const warning = page.getByRole('alert').filter({ hasText: 'could not be copied aside' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('link', { name: 'Download or discard the damaged data' })).toBeVisible();

  // Saving the backup reminder is refused while the damage is in place.
  await page.getByRole('button', { name: 'Download a backup' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'was not saved' })).toBeVisible();
  expect((await storage(page))['firstline.backup']).toBe(DAMAGED);

  const section = page.getByRole('region', { name: SECTION });
  await expect(section.getByText('Saving your backup reminder is paused')).toBeVisible();
  const got = await download(page, /^Download damaged backup reminder that could not be kept aside/);
  expect(got.text).toBe(DAMAGED);
  expect(got.file).toMatch(/^firstline-damaged-backup-log-\d{4}-\d{2}-\d{2}\.json$/);
  await discard(page, /^Discard damaged backup reminder that could not be kept aside/);
  expect((await storage(page))['firstline.backup']).toBeUndefined();

  // Saving goes on in the same visit: making a backup records it.
  await page.getByRole('button', { name: 'Download a backup' }).click();
  await expect
    .poll(async () => JSON.parse((await storage(page))['firstline.backup'] ?? '{}').format)
    .toBe('firstline-backup-log');
});
