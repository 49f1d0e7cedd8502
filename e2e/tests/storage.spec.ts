import { test, expect } from '@playwright/test';
import { open, storage } from './helpers';

test('garbage in storage: the app starts, warns, and keeps the garbage under a backup key', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('firstline.progress', '{"this is": not json');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page, '/');
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
  const after = await storage(page);
  expect(JSON.parse(after['firstline.progress']).data.attempts).toHaveLength(1);
  expect(after[backups[0]]).toBe('{"this is": not json');
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
