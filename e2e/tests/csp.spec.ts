import { test, expect, Page } from '@playwright/test';
import { open, startShortExam } from './helpers';

// The release build carries a strict Content-Security-Policy (written by
// `cargo xtask pwa`): no inline styles, scripts only by file or hash. Any
// violation anywhere in these flows fails the test.

async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

async function violations(page: Page) {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

async function pick(page: Page, text: RegExp) {
  const choice = page.getByRole('region', { name: 'Your move' }).getByRole('button').filter({ hasText: text });
  await choice.focus();
  await page.keyboard.press('Enter');
}

test('the policy is strict and every page, chart and score bar works under it', async ({ page }) => {
  await watchViolations(page);
  await open(page, '/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('*');

  for (const path of ['/practice', '/scenarios', '/interview', '/progress', '/author', '/practice/review']) {
    await open(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Each visit is a new document: check before leaving it.
    expect(await violations(page), path).toEqual([]);
  }

  // A role-play to its debrief (score bars).
  await open(page, '/scenarios/account-locked-payroll?seed=7');
  for (const step of [/check it's you/, /changed your password lately/, /switch the phone to flight mode/, /turn flight mode off/, /quote the ticket number/]) {
    await pick(page, step);
  }
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');
  await expect(page.getByRole('region', { name: 'Debrief' })).toBeVisible();
  const bar = page.getByRole('region', { name: 'Debrief' }).locator('.bar > span').first();
  // The width comes through the style property, not a blocked attribute.
  expect(await bar.evaluate((e) => (e as HTMLElement).style.width)).toMatch(/^\d+%$/);
  expect(await violations(page), 'debrief').toEqual([]);

  // A short exam to its results (domain bars), then the dashboard's charts.
  await startShortExam(page, '3', '10');
  await page.getByRole('button', { name: 'Review answers' }).first().press('Enter');
  await page.getByRole('button', { name: 'Submit exam' }).press('Enter');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Submit anyway' }).press('Enter');
  await expect(page.getByRole('table', { name: 'Results by domain' })).toBeVisible();
  expect(await violations(page), 'exam results').toEqual([]);
  await open(page, '/progress');
  await expect(page.getByRole('img', { name: /exam simulation scores/ }).first()).toBeVisible();

  expect(await violations(page)).toEqual([]);
});
