// Performance budgets measured in the browser, against budgets.json at the
// repository root (the Lighthouse figures are checked by `cargo xtask test`'s
// lighthouse step). Every run prints the figures, so a change that costs
// bytes or time shows up even while it is within budget.
import { test, expect, Browser, Locator, Page, Request } from '@playwright/test';
import { readFileSync } from 'fs';
import { join } from 'path';

const BUDGETS_FILE = join(__dirname, '..', '..', 'budgets.json');

interface FirstVisitLimit {
  max_bytes: number;
  max_requests?: number;
}
interface InteractionLimit {
  check_answer_under_ms: number;
  scenario_choice_under_ms: number;
}
interface Budgets {
  pages: string[];
  first_visit: { target: Record<string, FirstVisitLimit>; enforced: Record<string, FirstVisitLimit> };
  interaction: { target: InteractionLimit; enforced: InteractionLimit };
}

/** The pages whose first visit is measured: the Lighthouse pages, then
 * any other page with a first_visit budget (the deeper pages a shared link
 * or a bookmark opens first: an exam, a scenario, a mock interview). */
function firstVisitPages(budgets: Budgets): string[] {
  const deeper = Object.keys(budgets.first_visit?.enforced ?? {}).filter((p) => !budgets.pages.includes(p));
  return [...budgets.pages, ...deeper];
}

function loadBudgets(): Budgets {
  let budgets: Budgets;
  try {
    budgets = JSON.parse(readFileSync(BUDGETS_FILE, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${BUDGETS_FILE}: ${e}`);
  }
  if (!Array.isArray(budgets.pages) || budgets.pages.length === 0) {
    throw new Error(`${BUDGETS_FILE}: "pages" must be a list of paths`);
  }
  // A missing entry would otherwise leave a page silently unchecked.
  for (const path of firstVisitPages(budgets)) {
    for (const set of ['target', 'enforced'] as const) {
      const limit = budgets.first_visit?.[set]?.[path];
      if (typeof limit?.max_bytes !== 'number') {
        throw new Error(`${BUDGETS_FILE}: first_visit.${set}["${path}"].max_bytes must be a number`);
      }
      if (limit.max_requests !== undefined && typeof limit.max_requests !== 'number') {
        throw new Error(`${BUDGETS_FILE}: first_visit.${set}["${path}"].max_requests must be a number`);
      }
    }
  }
  for (const set of ['target', 'enforced'] as const) {
    for (const key of ['check_answer_under_ms', 'scenario_choice_under_ms'] as const) {
      if (typeof budgets.interaction?.[set]?.[key] !== 'number') {
        throw new Error(`${BUDGETS_FILE}: interaction.${set}.${key} must be a number`);
      }
    }
  }
  return budgets;
}

const budgets = loadBudgets();

// Bytes and requests do not depend on CPU, but the interaction timings do:
// the tests in this file run one after another so they never compete with
// each other (and, unlike serial mode, a failure does not skip the rest).
test.describe.configure({ mode: 'default' });

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Encoded body plus response headers: what came over the wire. A response
 * from the HTTP cache has no encoded body; a fresh context has no cache. */
async function wireBytes(request: Request): Promise<number> {
  const sizes = await request.sizes();
  return Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
}

// Timings are single clicks on a shared two-core machine while another
// worker drives the browser: one sample can land on a busy moment (a clean
// clone measured 30.7 ms once for a click that measures 5-7 ms). A timing
// that misses its budget gets one more run; missing twice fails.
test.describe.configure({ retries: 1 });

const isHttp = (request: Request) => /^https?:/.test(request.url());

/** Follows the requests a page makes, and apart from them its service
 * worker's own fetches (precaching). */
function trackRequests(page: Page) {
  const pending = new Set<Request>();
  const sizes: Promise<number>[] = [];
  const workerSizes: Promise<number>[] = [];
  let lastActivity = Date.now();
  const urls: string[] = [];
  const started = (request: Request) => {
    pending.add(request);
    if (!request.serviceWorker()) urls.push(request.url());
    lastActivity = Date.now();
  };
  const ended = (request: Request, into?: Promise<number>[]) => {
    if (!pending.delete(request)) return;
    if (into) {
      const bytes = wireBytes(request);
      // Read by `bytes()` before the page closes, which then fails on an
      // error; a test that reads no bytes must not fail on a request
      // finishing as its context closes (a scenario page fetches its
      // scoring code after the first move, while the test closes it).
      bytes.catch(() => {});
      into.push(bytes);
    }
    lastActivity = Date.now();
  };
  page.on('request', (request) => {
    if (isHttp(request) && !request.serviceWorker()) started(request);
  });
  page.on('requestfinished', (request) => ended(request, sizes));
  page.on('requestfailed', (request) => ended(request));
  // Chromium reports a service worker's fetches on the context, not the page.
  const context = page.context();
  context.on('request', (request) => {
    if (isHttp(request) && request.serviceWorker()) started(request);
  });
  context.on('requestfinished', (request) => {
    if (request.serviceWorker()) ended(request, workerSizes);
  });
  context.on('requestfailed', (request) => {
    if (request.serviceWorker()) ended(request);
  });
  const sum = async (all: Promise<number>[]) => (await Promise.all(all)).reduce((a, b) => a + b, 0);
  return {
    /** The page's finished requests; read once the network is quiet. */
    count: () => sizes.length,
    /** Addresses the page requested more than once: a preload the app's
     * own fetch did not reuse downloads its file twice. */
    repeated: () => [...new Set(urls.filter((url, i) => urls.indexOf(url) !== i))],
    /** The file names the page requested, in order. */
    files: () => urls.map((url) => new URL(url).pathname.split('/').pop() ?? ''),
    bytes: () => sum(sizes),
    workerCount: () => workerSizes.length,
    workerBytes: () => sum(workerSizes),
    /** Waits until nothing has loaded for a second. The load state
     * "networkidle" cannot do this: it is reached once, and the app goes on
     * fetching (code chunks, content) after the load event. */
    quiet: async (what: string) => {
      const deadline = Date.now() + 30_000;
      while (pending.size > 0 || Date.now() - lastActivity < 1_000) {
        if (Date.now() > deadline) {
          const urls = [...pending].map((r) => r.url()).join(', ');
          throw new Error(`${what}: the network never went quiet; still loading: ${urls || '(nothing)'}`);
        }
        await page.waitForTimeout(100);
      }
    },
  };
}

type Tracker = ReturnType<typeof trackRequests>;

/** Runs `body` on `path` opened in a fresh context (no cache, no storage),
 * once the main heading shows and the network is quiet.
 *
 * The service worker is blocked unless `worker` is set. Once it is active
 * it answers the app's later requests from its precache, so how much of a
 * page's own download goes over the wire would depend on a race between
 * the app's lazy loading and the worker's install: counting with it blocked
 * gives the same figure every run. Its precache traffic is measured apart. */
async function onFreshPage<T>(
  browser: Browser,
  baseURL: string,
  path: string,
  body: (page: Page, requests: Tracker) => Promise<T>,
  { worker = false } = {},
): Promise<T> {
  const context = await browser.newContext({ baseURL, serviceWorkers: worker ? 'allow' : 'block' });
  try {
    const page = await context.newPage();
    const requests = trackRequests(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
    await requests.quiet(path);
    if (worker) {
      // Registered after the load event; wait for its install (precaching)
      // to finish, then for its downloads to end.
      const state = await page.evaluate(async () => {
        const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
        if (!registration) return 'none';
        const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still installing after 30 s'), 30_000));
        return Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), timeout]);
      });
      if (state !== 'none' && state !== 'ready') throw new Error(`${path}: the service worker is ${state}`);
      await requests.quiet(`${path} (service worker)`);
    }
    return await body(page, requests);
  } finally {
    await context.close();
  }
}

interface Visit {
  repeated: string[];
  path: string;
  requests: number;
  bytes: number;
}

function overFirstVisit(visit: Visit, limit: FirstVisitLimit): string[] {
  const out: string[] = [];
  if (visit.bytes > limit.max_bytes) out.push(`${kb(visit.bytes)} > ${kb(limit.max_bytes)}`);
  if (limit.max_requests !== undefined && visit.requests > limit.max_requests) {
    out.push(`${visit.requests} requests > ${limit.max_requests}`);
  }
  return out;
}

const limitText = (limit: FirstVisitLimit) =>
  `<= ${kb(limit.max_bytes)}` + (limit.max_requests !== undefined ? `, <= ${limit.max_requests} req` : '');

test('a first visit to each page stays within its download budget', async ({ browser, baseURL }) => {
  const pages = firstVisitPages(budgets);
  test.setTimeout(90_000 + pages.length * 45_000);
  const visits: Visit[] = [];
  for (const path of pages) {
    visits.push(
      await onFreshPage(browser, baseURL!, path, async (_page, requests) => ({
        path,
        requests: requests.count(),
        bytes: await requests.bytes(),
        repeated: requests.repeated(),
      })),
    );
  }
  // Shown, not budgeted: what the service worker downloads after the first
  // page has loaded, so the app works offline.
  const precache = await onFreshPage(
    browser,
    baseURL!,
    '/',
    async (_page, requests) => ({ requests: requests.workerCount(), bytes: await requests.workerBytes() }),
    { worker: true },
  );

  const failures: string[] = [];
  const rows = [
    `${'page'.padEnd(30)} ${'requests'.padStart(8)} ${'on the wire'.padStart(12)}  ${'target'.padEnd(24)} ${'enforced'.padEnd(24)} verdict`,
  ];
  for (const visit of visits) {
    const target = budgets.first_visit.target[visit.path];
    const enforced = budgets.first_visit.enforced[visit.path];
    const over = overFirstVisit(visit, enforced);
    if (visit.repeated.length > 0) over.push(`fetched twice: ${visit.repeated.join(', ')}`);
    if (over.length > 0) failures.push(`${visit.path}: ${over.join(', ')}`);
    const verdict = over.length > 0 ? 'FAIL' : overFirstVisit(visit, target).length > 0 ? 'ok, misses target' : 'ok';
    rows.push(
      `${visit.path.padEnd(30)} ${String(visit.requests).padStart(8)} ${kb(visit.bytes).padStart(12)}  ${limitText(target).padEnd(24)} ${limitText(enforced).padEnd(24)} ${verdict}`,
    );
  }
  const worker =
    precache.requests > 0
      ? `Then the service worker precaches ${precache.requests} files, ${kb(precache.bytes)} (after load; not budgeted).`
      : 'No service worker registered.';
  console.log(
    `First visit, fresh browser, requests the page makes and their bytes on the wire (compressed, with headers):\n${rows.join('\n')}\n${worker}`,
  );
  expect(failures, 'over the enforced first_visit budget in budgets.json').toEqual([]);
});

// The release build packs each route's code into one file
// (xtask/src/pwa/preload.rs), which index.html's loader fetches beside the
// main module on a first visit; the split loader then takes every module
// from it. A route whose table entry named the wrong area would fetch its
// real code module by module once the app ran, after the pack.
const PACKED: [string, string, string][] = [
  ['/scenarios', 'split_scenario_list', 'route-scenarios.pack'],
  ['/scenarios/account-locked-payroll', 'split_scenarios', 'route-scenarios-any.pack'],
  ['/practice', 'split_practice_setup', 'route-practice.pack'],
  ['/progress', 'split_progress', 'route-progress.pack'],
];

test("a first visit fetches the page's code in one pack with the main module, and no file twice", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  for (const [path, area, pack] of PACKED) {
    await onFreshPage(browser, baseURL!, path, async (_page, requests) => {
      const files = requests.files();
      expect(files, `${path}: its pack`).toContain(pack);
      expect(files, `${path}: its area's module, fetched on its own`).not.toContain(`${area}.wasm`);
      expect(
        files.filter((file) => file.endsWith('.wasm')),
        `${path}: modules fetched on their own`,
      ).toEqual(['firstline-app_bg.wasm']);
      expect(requests.repeated(), `${path}: files fetched twice`).toEqual([]);
    });
  }
});

test('a page whose pack does not download fetches its modules one by one and still shows', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const packs: string[] = [];
    await page.route('**/*.pack', (route) => {
      packs.push(route.request().url());
      return route.abort('connectionreset');
    });
    const files: string[] = [];
    page.on('requestfinished', (request) => files.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
    await page.goto('/progress');
    // index.html's frame has the page's title; this section is the area's
    // code drawing.
    await expect(page.getByRole('heading', { level: 2, name: 'Keep your progress safe' })).toBeVisible({
      timeout: 30_000,
    });
    expect(packs).toHaveLength(1);
    expect(files).toContain('split_progress.wasm');
  } finally {
    await context.close();
  }
});

/** Clicks `button` inside the page and resolves with the milliseconds until
 * the result is in the DOM, measured with performance marks. The click is
 * dispatched synchronously in the page, so no Playwright round trip is
 * included; the result is `text` appearing, or `list` gaining an item. */
async function timeClick(
  button: Locator,
  name: string,
  done: { text: string } | { list: Locator },
): Promise<number> {
  const list = 'list' in done ? await done.list.elementHandle() : null;
  return button.evaluate(
    (element, { name, text, list }) =>
      new Promise<number>((resolve, reject) => {
        const items = () => (list ? list.querySelectorAll('li').length : 0);
        const before = items();
        // textContent, not innerText: innerText would force a layout and
        // add its cost to what is measured.
        const finished = () => (list ? items() > before : (document.body.textContent ?? '').includes(text!));
        if (finished()) {
          reject(new Error(`${name}: the result was on the page before the click`));
          return;
        }
        const start = `${name}-start`;
        const end = `${name}-end`;
        let settled = false;
        const observer = new MutationObserver(() => {
          if (settled || !finished()) return;
          settled = true;
          observer.disconnect();
          performance.mark(end);
          resolve(performance.measure(name, start, end).duration);
        });
        setTimeout(() => {
          if (settled) return;
          settled = true;
          observer.disconnect();
          reject(new Error(`${name}: nothing appeared within 5 s of the click`));
        }, 5_000);
        performance.mark(start);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        (element as HTMLElement).click();
      }),
    { name, text: 'text' in done ? done.text : undefined, list },
  );
}

// Five runs and the median: two garbage collections or scheduler hiccups
// on a busy CI machine must not fail the build (a clean-clone run here had
// 18.2 and 148.5 ms beside 13.3 ms while other tests shared both cores; the
// same build measured 9.6-11.2 ms alone); a consistently slow update must.
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(name: string, runs: number[], target: number, enforced: number): number {
  const m = median(runs);
  const verdict = m >= enforced ? 'FAIL' : m >= target ? 'ok, misses target' : 'ok';
  console.log(
    `${name}: median ${m.toFixed(1)} ms of ${runs.map((r) => r.toFixed(1)).join(', ')} ms (target < ${target} ms, enforced < ${enforced} ms) ${verdict}`,
  );
  return m;
}

test('checking an answer shows the feedback within budget', async ({ browser, baseURL }) => {
  test.setTimeout(RUNS * 45_000);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh page each time: a one-question session is checked only once.
    runs.push(
      await onFreshPage(browser, baseURL!, '/practice/session?mode=practice&seed=1&ids=c1-net-001', async (page) => {
        await page.getByRole('radio', { name: 'DNS' }).check();
        const ms = await timeClick(page.getByRole('button', { name: 'Check answer' }), 'check-answer', { text: 'Correct.' });
        await expect(page.getByText('Correct.')).toBeVisible();
        return ms;
      }),
    );
  }
  const { target, enforced } = budgets.interaction;
  const m = report('Check answer to feedback', runs, target.check_answer_under_ms, enforced.check_answer_under_ms);
  expect(m, 'interaction.enforced.check_answer_under_ms in budgets.json').toBeLessThan(enforced.check_answer_under_ms);
});

test('a scenario choice shows the next line within budget', async ({ browser, baseURL }) => {
  test.setTimeout(RUNS * 45_000);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh page each time, so every run times the opening move.
    runs.push(
      await onFreshPage(browser, baseURL!, '/scenarios/password-reset-contractor', async (page) => {
        const conversation = page.getByRole('log', { name: 'Conversation' });
        const first = page.getByRole('region', { name: 'Your move' }).getByRole('button').first();
        await expect(first).toBeVisible();
        const lines = await conversation.locator('li').count();
        const ms = await timeClick(first, 'scenario-choice', { list: conversation });
        expect(await conversation.locator('li').count()).toBeGreaterThan(lines);
        return ms;
      }),
    );
  }
  const { target, enforced } = budgets.interaction;
  const m = report('Scenario choice to next line', runs, target.scenario_choice_under_ms, enforced.scenario_choice_under_ms);
  expect(m, 'interaction.enforced.scenario_choice_under_ms in budgets.json').toBeLessThan(enforced.scenario_choice_under_ms);
});

test('with 20,000 answers saved, checking an answer still shows the feedback within budget', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto('/404-seed');
    await page.evaluate(() => {
      const attempts = [];
      for (let i = 0; i < 20_000; i++) {
        attempts.push({
          question: `c1-net-${String(i % 400).padStart(3, '0')}`, exam: '220-1201', domain: '2.0', objective: '2.1',
          score: i % 3 === 0 ? 0 : 1, at: 1_700_000_000_000 + i * 60_000, mode: 'practice', confidence: null, wrong_picks: [],
        });
      }
      localStorage.setItem('firstline.progress', JSON.stringify({ format: 'firstline-progress', version: 2, saved_at: 1, data: { attempts, review: { cards: {} } } }));
    });
    const stored = await page.evaluate(() => localStorage.getItem('firstline.progress')!.length);
    const t0 = Date.now();
    await page.goto('/practice/session?mode=practice&seed=1&ids=c1-net-001');
    await page.getByRole('radio', { name: 'DNS' }).check();
    // The first visit moves the history into IndexedDB, then writes the
    // document without it.
    const kept = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('firstline.progress')))!).data.kept_apart ?? 0;
    await expect.poll(kept, { timeout: 60_000 }).toBe(20_000);
    const moved = Date.now() - t0;
    const left = await page.evaluate(() => localStorage.getItem('firstline.progress')!.length);
    // Time each write of the progress document (it follows the feedback, in the next task).
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      (window as unknown as { writes: number[] }).writes = [];
      Storage.prototype.setItem = function (key: string, value: string) {
        const t0 = performance.now();
        original.call(this, key, value);
        if (key === 'firstline.progress') (window as unknown as { writes: number[] }).writes.push(performance.now() - t0);
      };
    });
    await page.evaluate(() => {
      (window as unknown as { longest: number }).longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const w = window as unknown as { longest: number };
          w.longest = Math.max(w.longest, e.duration);
        }
      }).observe({ type: 'longtask' });
    });
    const ms = await timeClick(page.getByRole('button', { name: 'Check answer' }), 'check-answer-20k', { text: 'Correct.' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { writes: number[] }).writes.length)).toBeGreaterThan(0);
    const [write] = await page.evaluate(() => (window as unknown as { writes: number[] }).writes);
    await page.waitForTimeout(500);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(
      `With 20,000 saved answers (${(stored / 1e6).toFixed(1)} M characters in localStorage before, moved to IndexedDB in ${moved} ms from opening the page, ${(left / 1e3).toFixed(1)} K characters left there): Check answer to feedback ${ms.toFixed(1)} ms; the save that follows, localStorage.setItem alone: ${write.toFixed(1)} ms; longest task after the click (the whole save): ${longest.toFixed(0)} ms`,
    );
    // The save writes one record, not the history: it fits in a frame or
    // two of a phone (4x slower) rather than the 140 ms whole rewrite.
    expect(longest, 'the save after an answer, with 20,000 stored').toBeLessThan(50);
    expect(await page.evaluate(() => new Promise<number>((resolve) => {
      const r = indexedDB.open('firstline');
      r.onsuccess = () => { const c = r.result.transaction('answers').objectStore('answers').count(); c.onsuccess = () => resolve(c.result); };
    }))).toBe(20_001);
    expect(ms, 'interaction.enforced.check_answer_under_ms in budgets.json').toBeLessThan(budgets.interaction.enforced.check_answer_under_ms);
  } finally {
    await context.close();
  }
});
