import { expect, Page } from '@playwright/test';

/** Opens a page and waits until the app has mounted and content loaded. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Every localStorage key and value. */
export async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      out[key] = localStorage.getItem(key)!;
    }
    return out;
  });
}

/** Gives some answer to every task of the current question, by keyboard where it can. */
export async function answerCurrent(page: Page) {
  const q = page.locator('.question');
  const groups = q.locator('fieldset.choices');
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    const legend = await group.locator('legend').innerText();
    const wanted = legend.includes('one') ? 1 : parseInt(legend.replace(/\D/g, ''), 10);
    for (let k = 0; k < wanted; k++) {
      const box = group.locator('input').nth(k);
      await box.focus();
      await page.keyboard.press('Space');
    }
  }
  for (const select of await q.locator('select').all()) {
    await select.selectOption({ index: 1 });
  }
  for (const input of await q.locator('input[type=text]').all()) {
    await input.fill('42');
  }
  for (const confirm of await q.getByRole('button', { name: 'Confirm this order' }).all()) {
    await confirm.press('Enter');
  }
}

/** Writes a saved document (the envelope the app writes) before the app reads it: call before `open`. */
export async function seedDocument(page: Page, key: string, format: string, version: number, data: unknown) {
  await page.goto('/404-seed');
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key as string, text as string),
    [key, JSON.stringify({ format, version, saved_at: Date.now(), data })],
  );
}
