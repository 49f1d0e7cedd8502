import { test, expect } from '@playwright/test';
import { readFileSync } from 'fs';
import { join } from 'path';
import { open } from './helpers';

const broken = readFileSync(join(__dirname, '..', 'fixtures', 'broken-question-set.json'), 'utf8');

test('a malformed content file is reported while the good ones still work', async ({ page }) => {
  // Add a broken file to the manifest the build generated.
  await page.route('**/content/manifest.json', async (route) => {
    const response = await route.fetch();
    const manifest = await response.json();
    manifest.files.push('questions/broken-fixture.json');
    await route.fulfill({ response, json: manifest });
  });
  await page.route('**/content/questions/broken-fixture.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: broken }),
  );

  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  const banner = page.getByRole('alert').filter({ hasText: 'Content problem' });
  await expect(banner).toBeVisible();

  // The good questions still load and can be answered.
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();

  // The details name the file, line and column, and what was expected.
  await banner.getByRole('link', { name: /See the details/ }).click();
  const problems = page.getByRole('list', { name: 'Content problems' });
  await expect(problems).toContainText('questions/broken-fixture.json:9:');
  await expect(problems).toContainText('unknown field `anser`');
  await expect(page.getByRole('table', { name: 'Content files the app loaded' })).toContainText('questions/exams/a-plus-core-1.json');
});

// A run reads the files the build passed whole, without the full reader
// (its code stays on the server). A file changed since the build takes the
// full reader, which finds what changed and names it.
test('a question file changed since the build is read by the full reader, which names the problem', async ({ page }) => {
  const file = '220-1201/2-networking.json';
  const code: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (/^split_reader.*\.wasm$/.test(name)) code.push(name);
  });
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  expect(code, 'as built: read whole, by the code that came with the page').toEqual([]);

  // The second question's key now points past its options.
  await page.route(`**/content/questions/${file}`, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    const changed = text.replace('"answer": 1', '"answer": 9');
    expect(changed).not.toBe(text);
    await route.fulfill({ response, body: changed });
  });
  await open(page, '/practice/session?mode=practice&seed=2&ids=c1-net-001');
  const banner = page.getByRole('alert').filter({ hasText: 'Content problem' });
  await expect(banner).toBeVisible();
  expect(code).toContain('split_reader.wasm');
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await banner.getByRole('link', { name: /See the details/ }).click();
  const problems = page.getByRole('list', { name: 'Content problems' });
  await expect(problems).toContainText(`questions/${file}:34:`);
  await expect(problems).toContainText('answer 9 is out of range');
});

test('a file the server does not have is reported, not mistaken for content', async ({ page }) => {
  await page.route('**/content/manifest.json', async (route) => {
    const response = await route.fetch();
    const manifest = await response.json();
    manifest.files.push('questions/missing.json');
    await route.fulfill({ response, json: manifest });
  });
  await open(page, '/author');
  await expect(page.getByRole('list', { name: 'Content problems' })).toContainText('questions/missing.json');
  await expect(page.getByRole('list', { name: 'Content problems' })).toContainText(/instead of JSON|not found/);
});

test('content that could not be downloaded is reported with a retry that recovers it', async ({ page }) => {
  // The connection drops for this exam's question files: the page says so
  // and offers a retry.
  const bank = '**/content/questions/220-1201/*.json';
  await page.route(bank, (route) => route.abort('internetdisconnected'));
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  const banner = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('1 file(s) did not arrive');

  // Back online: trying again loads it, and the question can be answered.
  await page.unroute(bank);
  await banner.getByRole('button', { name: 'Try again' }).click();
  await expect(banner).toBeHidden();
  await page.getByRole('radio', { name: 'DNS' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
});
