import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, seedDocument } from './helpers';

// The Progress dashboard: each chart has an accessible summary and a table
// of the same figures, and nothing overflows a phone's width.

const DAY = 86_400_000;
const now = Date.now();

function exam(scaled: number, daysAgo: number) {
  const at = now - daysAgo * DAY;
  return { exam: '220-1201', started_at: at - 3_600_000, finished_at: at, reason: 'learner', elapsed_ms: 3_000_000, limit_ms: 5_400_000, items: [], scaled, passing_score: 675 };
}

function play(technical: number, service: number, daysAgo: number) {
  return {
    scenario: 'account-locked-payroll', seed: 7, caller: 'Ana', outcome: 'resolved', ending: 'done', overall: 70,
    dimensions: [['technical', technical], ['service', service], ['process', 60], ['documentation', 50], ['time', 80]],
    critical: 0, minutes: 12, choices: [], notes_share: 0.5, at: now - daysAgo * DAY, scoring: 2, mistakes: 0, harm: [],
  };
}

// Answers on some 220-1201 objectives: mostly right on networking, mostly
// wrong on troubleshooting (the heaviest domain), nothing on the rest.
function attempts() {
  const out = [];
  for (let i = 0; i < 24; i++) {
    const networking = i % 2 === 0;
    out.push({
      question: `q${i}`, exam: '220-1201', domain: networking ? '2.0' : '5.0', objective: networking ? '2.1' : '5.2',
      score: networking ? (i % 6 === 0 ? 0 : 1) : i % 6 === 1 ? 1 : 0, at: now - (24 - i) * 3_600_000, mode: 'practice',
      confidence: null, wrong_picks: [],
    });
  }
  return out;
}

test.beforeEach(async ({ page }) => {
  // Two questions in the review queue: one due now, one in three days.
  const card = (due: number) => ({ due, stability: 3, difficulty: 6, reps: 1, lapses: 1, last_reviewed: now - DAY });
  await seedDocument(page, 'firstline.progress', 'firstline-progress', 2, {
    attempts: attempts(),
    review: { cards: { q1: card(now - 60_000), q3: card(now + 3 * DAY) } },
  });
  await seedDocument(page, 'firstline.exams', 'firstline-exams', 1, { records: [exam(540, 20), exam(690, 5), exam(760, 1)] });
  await seedDocument(page, 'firstline.scenarios', 'firstline-scenarios', 1, { plays: [play(40, 55, 9), play(85, 70, 2)] });
  await seedDocument(page, 'firstline.interview', 'firstline-interview', 1, {
    stories: [], mocks: [],
    answers: [
      { question: 'tech-dns', score: 45, words: 80, at: now - 3 * DAY, criteria: [['key-points', 40], ['length', 60]] },
      { question: 'tech-dns', score: 72, words: 120, at: now - DAY, criteria: [['key-points', 70], ['length', 90]] },
    ],
  });
});

test('charts say what they show and give their figures as tables', async ({ page }) => {
  await open(page, '/progress');
  const examChart = page.getByRole('img', { name: /220-1201 exam simulation scores/ });
  await expect(examChart).toBeVisible();
  await expect(examChart).toHaveAccessibleName(/3 points, first 540, latest 760, best 760; pass line at 675/);

  const roleplay = page.getByRole('img', { name: /Role-play scores by dimension/ });
  await expect(roleplay).toHaveAccessibleName(/Technical resolution: 2 points, first 40 \/ 100, latest 85 \/ 100/);
  await expect(page.getByRole('list', { name: 'Legend' }).first()).toContainText('Customer service');

  // The figures, as a table anyone can open.
  await page.getByText('The figures: role-play scores by dimension').click();
  const table = page.getByRole('table', { name: 'Role-play scores by dimension' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('columnheader', { name: 'Technical resolution' })).toBeVisible();
  await expect(table).toContainText('85 / 100');

  await expect(page.getByRole('img', { name: /Interview practice scores. Practice answers: 2 points, first 45 \/ 100, latest 72 \/ 100/ })).toBeVisible();
  // Each scoring criterion over time, its own line.
  const criteria = page.getByRole('img', { name: /Interview criteria over time/ });
  await expect(criteria).toHaveAccessibleName(/Key points covered: 2 points, first 40 \/ 100, latest 70 \/ 100/);
  await expect(criteria).toHaveAccessibleName(/Length: 2 points, first 60 \/ 100, latest 90 \/ 100/);

  // The review forecast, as a chart and a table.
  await expect(page.getByRole('heading', { name: 'Review forecast' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^2 reviews due in the next 14 days/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reviews due per day' })).toBeAttached();

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('readiness gives an estimate with its band, says why not yet, and what to study next', async ({ page }) => {
  await open(page, '/progress');
  const panel = page.getByRole('region', { name: /Readiness for 220-1201/ });
  await expect(panel).toContainText(/Estimated score \d{3} \(likely \d{3}\u2013\d{3}, 80% band\); pass line 675\./);
  await expect(panel).toContainText('Not ready yet.');
  const why = panel.getByRole('list', { name: 'Why not yet' });
  await expect(why).toContainText('2 of 27 objectives');
  await expect(why).toContainText('0 of the 2 full timed exam simulations');
  // What is worth most: unseen objectives of the small, heavy-per-objective
  // domain 4.0 and the weak 5.2, never the strong 2.1; biggest gain first.
  const next = panel.getByRole('list', { name: 'Study next for 220-1201' }).getByRole('listitem');
  await expect(next).toHaveCount(3);
  const items = await next.allInnerTexts();
  expect(items.join(' ')).not.toContain('2.1 ');
  const points = items.map((t) => Number(/worth up to (\d+) points/.exec(t)![1]));
  expect([...points].sort((a, b) => b - a)).toEqual(points);
  const weak = next.filter({ hasText: '5.2' });
  await expect(weak).toHaveCount(1);
  await expect(weak.getByRole('link', { name: 'Practise objective 5.2' })).toHaveAttribute('href', /objectives=5\.2/);
  const domains = panel.getByRole('table', { name: /220-1201 mastery by domain/ });
  await expect(domains.getByRole('row')).toHaveCount(6);
  await expect(domains.getByRole('row', { name: /2\.0 Networking/ })).toContainText('12 questions');
});

test('the dashboard fits a phone and prints its charts', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '/progress');
  await expect(page.getByRole('img', { name: /exam simulation scores/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('img', { name: /exam simulation scores/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
});

test('a week of work not backed up brings a gentle reminder, which a backup or "later" puts away', async ({ page }) => {
  await open(page, '/progress');
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await expect(reminder).toContainText('exist only in this browser');
  await reminder.getByRole('button', { name: 'Remind me in a week' }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
  await expect(page.getByRole('img', { name: /exam simulation scores/ })).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // A fresh browser state: the reminder again, then a backup clears it.
  await page.evaluate(() => localStorage.removeItem('firstline.backup'));
  await page.reload();
  await reminder.getByRole('link', { name: 'Back up now' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download a backup/ }).click();
  await download;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('img', { name: /exam simulation scores/ })).toBeVisible();
  await expect(reminder).toHaveCount(0);
});
