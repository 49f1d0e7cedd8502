// Offline use and updates: the service worker (pwa/sw.js, generated into the
// site by `cargo xtask pwa`) precaches the app and its content on the first
// visit; after that FirstLine works with no network, and a new build is
// announced with a notice instead of replacing the running app.
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { test, expect, Page, BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, storage } from './helpers';

// The other specs block service workers (playwright.config.ts); these are
// about the worker.
test.use({ serviceWorkers: 'allow' });

/** The names of FirstLine's caches in this browser context. */
async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('firstline:')));
}

/**
 * Waits until a service worker is active, controls the page and has its
 * precache filled. A worker only activates after every file was stored, so
 * the checks on the cache are a guard against a worker that caches nothing.
 */
async function waitUntilReadyOffline(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker claims open pages when it activates; reload once if this page
  // was not claimed in time.
  const controlled = await page
    .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const names = (await caches.keys()).filter((n) => n.startsWith('firstline:'));
        if (names.length !== 1) return `caches: ${names.join(', ') || 'none'}`;
        const cache = await caches.open(names[0]);
        const urls = (await cache.keys()).map((r) => r.url);
        const scope = (await navigator.serviceWorker.ready).scope;
        const has = (path: string) => urls.includes(new URL(path, scope).href);
        const wasm = urls.some((u) => u.startsWith(new URL('pkg/', scope).href) && u.endsWith('.wasm'));
        const content = urls.filter((u) => u.startsWith(new URL('content/', scope).href)).length;
        return has('./') && has('content/manifest.json') && wasm && content > 1
          ? 'ready'
          : `shell ${has('./')}, manifest ${has('content/manifest.json')}, wasm ${wasm}, content ${content}`;
      }),
    )
    .toBe('ready');
}

/** Whether a request the cache cannot answer reaches a server. */
async function networkReachable(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    fetch(`content/not-cached-${Date.now()}.json`).then(
      () => true,
      () => false,
    ),
  );
}

async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  // The page and the worker are both cut off: an uncached file fails.
  expect(await networkReachable(page)).toBe(false);
}

test('after one visit, a question and a scenario turn work with no network', async ({ page, context }) => {
  await open(page, '/');
  await waitUntilReadyOffline(page);
  await goOffline(context, page);

  // A deep link and a query string: the worker answers with the app shell.
  await open(page, '/practice/session?mode=practice&seed=1&ids=c1-net-001');
  await page.getByRole('radio', { name: 'DNS', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();

  // Scenarios load their own code and content, also from the cache.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scenarios' }).click();
  await page.getByRole('list', { name: 'Scenarios' }).getByRole('link').first().click();
  const lines = page.getByRole('log', { name: 'Conversation' }).getByRole('listitem');
  await expect(lines.first()).toBeVisible();
  const before = await lines.count();
  await page.getByRole('region', { name: 'Your move' }).getByRole('button').first().click();
  await expect.poll(() => lines.count()).toBeGreaterThan(before);
  await expect(lines.nth(before)).toContainText('You');

  // The answer was saved while offline, where progress always lives.
  expect(Object.keys(await storage(page))).toContain('firstline.progress');
});

/**
 * A second address for the site under test: a reverse proxy that can swap
 * in another version of the worker, as a deployment of a new build would.
 * (Requests for the worker script are made by the browser itself, which
 * Playwright's routing does not see; a real server in between does.)
 */
async function publisher(upstream: string) {
  let nextVersion = false;
  const server = http.createServer((incoming, outgoing) => {
    const target = new URL(incoming.url ?? '/', upstream);
    const isWorker = target.pathname.endsWith('/sw.js');
    const headers = { ...incoming.headers, host: target.host };
    // Plain text, so the worker can be edited below.
    if (isWorker) delete headers['accept-encoding'];
    const request = http.request(target, { method: incoming.method, headers }, (response) => {
      if (!(isWorker && nextVersion)) {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        // What `cargo xtask pwa` writes when any file of the site changes.
        const body = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'");
        const headers = { ...response.headers };
        for (const stale of ['content-length', 'etag', 'last-modified']) delete headers[stale];
        outgoing.writeHead(response.statusCode ?? 502, headers);
        outgoing.end(body);
      });
    });
    request.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    publishNextVersion: () => {
      nextVersion = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The browser keeps connections open; they would hold close() up.
        server.closeAllConnections();
      }),
  };
}

test('a new version is announced, installs on request, and leaves progress alone', async ({ page, baseURL }) => {
  // The whole site is precached twice, once per version.
  test.slow();
  const site = await publisher(baseURL!);
  try {
    await open(page, `${site.origin}/practice/session?mode=practice&seed=1&ids=c1-net-001`);
    await page.getByRole('radio', { name: 'DNS', exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByText('Correct.')).toBeVisible();
    await waitUntilReadyOffline(page);
    const [oldCache] = await cacheNames(page);
    const saved = await storage(page);
    expect(Object.keys(saved).length).toBeGreaterThan(0);

    // A new build is published; the browser finds it on its next check.
    site.publishNextVersion();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });

    const notice = page.getByRole('complementary', { name: 'Update' });
    await expect(notice.getByRole('status')).toHaveText('A new version of FirstLine is ready.');
    const reload = notice.getByRole('button', { name: 'Reload to update' });
    await expect(reload).toBeVisible();
    // The old version keeps running until the user chooses.
    expect(await cacheNames(page)).toContain(oldCache);

    // Accessible in both themes, and it fits a phone screen.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('.fl-update').analyze();
      expect(results.violations, `${colorScheme}: ${JSON.stringify(results.violations, null, 1)}`).toEqual([]);
    }
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = (await notice.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(box.y + box.height).toBeLessThanOrEqual(740);

    // By keyboard: the button takes focus and Enter applies the update.
    await reload.focus();
    await expect(reload).toBeFocused();
    await Promise.all([page.waitForEvent('load'), reload.press('Enter')]);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(notice).toHaveCount(0);

    // The new version runs from its own cache; the old cache is gone, and
    // the progress saved before the update is exactly as it was.
    await expect.poll(() => cacheNames(page)).toEqual([`${oldCache}-next`]);
    expect(await storage(page)).toEqual(saved);
  } finally {
    await site.close();
  }
});
