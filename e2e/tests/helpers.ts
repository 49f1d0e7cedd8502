import { expect, Locator, Page } from '@playwright/test';

/** Opens a page and waits until the app has mounted and content loaded. */
/** How the page's "Leave site?" prompts are answered, and how many came. */
type LeavePrompts = { stay: boolean; asked: number };
const leavePrompts = new WeakMap<Page, LeavePrompts>();

/**
 * The app asks before the page goes while work exists only in it (a move
 * made while the code that keeps it downloads: `state/keeper.rs`). Tests
 * answer "Leave", as a learner who meant to reload would, unless they set
 * `stay`; `asked` counts the prompts.
 */
export function leaving(page: Page): LeavePrompts {
  let prompts = leavePrompts.get(page);
  if (!prompts) {
    const state: LeavePrompts = { stay: false, asked: 0 };
    page.on('dialog', async (dialog) => {
      if (dialog.type() !== 'beforeunload') return dialog.dismiss();
      state.asked += 1;
      await (state.stay ? dialog.dismiss() : dialog.accept());
    });
    leavePrompts.set(page, state);
    prompts = state;
  }
  return prompts;
}

export async function open(page: Page, path: string) {
  leaving(page);
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // index.html paints the same navigation before the app starts; the app
  // replaces that frame, status line and all. Keys pressed before then go
  // to the frame and are lost (the skip-link test failed so under load).
  await expect(page.getByRole('status').filter({ hasText: 'Loading your help-desk trainer' })).toHaveCount(0);
}

/**
 * Holds the app's main module back until the returned function is called,
 * so a test can act on index.html's frame before the app replaces it.
 */
export async function holdAppCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route('**/pkg/firstline-app_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The modules split off the main one: each page's code and code fetched on demand. */
export const SPLIT_CODE = /\/pkg\/(split_|chunk_).*\.wasm$/;

/**
 * Holds every split module back until the returned function is called
 * (the test then stops routing with `page.unroute(SPLIT_CODE)`).
 */
export async function holdSplitCode(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(SPLIT_CODE, async (route) => {
    await held;
    await route.continue();
  });
  return release;
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
  // Simulations: a command in a terminal, a piece in every slot (each its
  // own, for sims where a piece sits in one slot);
  // forms and firewall tables are answered by the inputs and selects above.
  for (const command of await q.getByLabel('Command', { exact: true }).all()) {
    await command.fill('help');
    await command.press('Enter');
  }
  const pieces = q.getByRole('list', { name: 'Pieces' }).getByRole('button');
  const slots = q.getByRole('list', { name: 'Slots' });
  const places = await slots.getByRole('button', { name: /^Place/ }).all();
  for (const [i, place] of places.entries()) {
    // Each step waits for the page to show it: both lists are drawn again
    // after every placement, and a key pressed on a button being replaced
    // is lost (a loaded machine showed it).
    const piece = pieces.nth(i % (await pieces.count()));
    await piece.press('Enter');
    await expect(piece).toHaveAttribute('aria-pressed', 'true');
    await place.press('Enter');
    await expect(slots.getByRole('listitem').nth(i)).not.toContainText(/\bempty\b/);
  }
  // Leave the page focused, so a page key (Enter for Next in an exam)
  // reaches the page, not the last control answered: a terminal's
  // command line keeps Enter for its own commands, and a placement puts
  // focus back on its Place button in the next frame, so let that
  // happen first.
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            (document.activeElement as HTMLElement | null)?.blur();
            done();
          }),
        ),
      ),
  );
}

/** Writes a saved document (the envelope the app writes) before the app reads it: call before `open`. */
export async function seedDocument(page: Page, key: string, format: string, version: number, data: unknown) {
  await page.goto('/404-seed');
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key as string, text as string),
    [key, JSON.stringify({ format, version, saved_at: Date.now(), data })],
  );
}

/** The answer history the app keeps in IndexedDB: each record's key and text (or [] if none yet). */
export async function storedAnswers(page: Page, store = 'answers'): Promise<{ key: string; text: string }[]> {
  return page.evaluate(
    (store) =>
      new Promise<{ key: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('firstline');
        // Opening without a version must not create the database the app makes.
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const objects = db.transaction(store).objectStore(store);
          const keys = objects.getAllKeys();
          const values = objects.getAll();
          values.onsuccess = () => {
            resolve((keys.result as string[]).map((key, i) => ({ key, text: String(values.result[i]) })));
            db.close();
          };
          values.onerror = () => reject(values.error);
        };
      }),
    store,
  );
}

/** The questions of the stored answers, sorted. */
export async function storedQuestions(page: Page): Promise<string[]> {
  return (await storedAnswers(page)).map((r) => JSON.parse(r.text).data.question).sort();
}

/// Starts a shorter timed exam on A+ Core 1 by keyboard: `count` questions
/// in `minutes`, and waits for the question navigation.
export async function startShortExam(page: Page, count: string, minutes: string) {
  await open(page, '/practice/exam');
  await page.getByLabel('Exam', { exact: true }).selectOption({ label: '220-1201 CompTIA A+ Core 1' });
  await page.getByRole('radio', { name: 'Shorter exam' }).press('Space');
  await page.getByLabel('Questions', { exact: true }).fill(count);
  await page.getByLabel('Minutes').fill(minutes);
  await page.getByRole('button', { name: 'Start exam' }).press('Enter');
  await expect(page.getByRole('navigation', { name: 'Questions' })).toBeVisible();
}

/** The choices a scenario offers now. */
export function moves(page: Page): Locator {
  return page.getByRole('region', { name: 'Your move' }).getByRole('button');
}

/** Picks the choice whose words match, by keyboard. */
export async function pick(page: Page, text: RegExp) {
  const choice = moves(page).filter({ hasText: text });
  await choice.focus();
  await page.keyboard.press('Enter');
}

/** Sets a ticket's impact and urgency. */
export async function setPriority(page: Page, impact: string, urgency: string) {
  await page.getByLabel(/^Impact/).selectOption(impact);
  await page.getByLabel(/^Urgency/).selectOption(urgency);
}

/** Once the call has ended, writes the notes and submits; gives the debrief. */
export async function submit(page: Page, notes: string): Promise<Locator> {
  await expect(page.getByText('The conversation has ended.')).toBeAttached();
  await page.getByLabel('Ticket notes: symptoms, steps taken, result').fill(notes);
  await page.getByRole('button', { name: 'Submit ticket and see the debrief' }).press('Enter');
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toBeVisible();
  return debrief;
}

/** The debrief's overall score. */
export async function score(debrief: Locator): Promise<number> {
  return Number(await debrief.locator('.big-score').evaluate((e) => e.firstChild!.textContent));
}
