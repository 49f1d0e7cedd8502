import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { answerCurrent, open, seedDocument } from './helpers';

// Each simulation kind worked to full marks by keyboard, with its Reset,
// and axe run on the sim before and after checking.

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function openSim(page: Page, exam: string, id: string) {
  await open(page, `/practice/session?mode=practice&seed=1&exam=${exam}&ids=${id}`);
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
}

async function check(page: Page) {
  const button = page.getByRole('button', { name: 'Check answer' });
  await button.focus();
  await page.keyboard.press('Enter');
}

test('terminal: commands give authored output, unknown ones an error, Reset clears, and the steps score', async ({ page }) => {
  await openSim(page, '220-1202', 'c2-sim-dns-terminal');
  const command = page.getByLabel('Command', { exact: true });
  const log = page.getByRole('log', { name: 'Terminal session' });
  await command.focus();
  await page.keyboard.type('ipconfig /release');
  await page.keyboard.press('Enter');
  await expect(log).toContainText('remote support session has disconnected');
  await page.getByRole('button', { name: 'Reset simulation' }).press('Enter');
  await expect(log).not.toContainText('ipconfig /release');

  await command.focus();
  for (const line of ['dig intranet', 'IPCONFIG  /ALL', 'nslookup intranet.corp.example', 'nslookup intranet.corp.example 10.10.5.10']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await expect(log).toContainText("'dig' is not recognized as an internal or external command");
  await expect(log).toContainText('DNS Servers . . . . . . . . . . . : 10.10.5.99');
  await expect(log).toContainText('Address:  10.10.8.25');
  await expect(command).toBeFocused();
  await axeClean(page);

  const key = page.getByRole('radio', { name: "Set the adapter's DNS server to 10.10.5.10" });
  await key.focus();
  await page.keyboard.press('Space');
  await expect(key).toBeChecked();
  await check(page);
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.sim-steps .step.right')).toHaveCount(3);
  await axeClean(page);
});

test('settings form: fields by keyboard, each rule judged', async ({ page }) => {
  await openSim(page, '220-1201', 'c1-sim-soho-router');
  await page.getByLabel('Wireless security', { exact: true }).selectOption('WPA3-Personal');
  // exact: the prompt (the question's accessible name) mentions the passphrase too.
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await passphrase.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('blue-molar-lantern-42');
  const wps = page.getByLabel('WPS (push button and PIN)', { exact: true });
  await wps.focus();
  await page.keyboard.press('Space');
  await expect(wps).not.toBeChecked();
  for (const [label, value] of [
    ['DHCP start address', '192.168.1.100'],
    ['DHCP end address', '192.168.1.199'],
    ['Port forward: external TCP port', '443'],
    ['Port forward: internal host', '192.168.1.20'],
  ]) {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  }
  await axeClean(page);
  const key = page.getByRole('radio', { name: 'WPA3/WPA2 transition (mixed) mode' });
  await key.focus();
  await page.keyboard.press('Space');
  await check(page);
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.sim-steps .step.right')).toHaveCount(8);
  await axeClean(page);
});

test('select-to-place: VLANs onto ports with buttons, Clear and Reset, each placement judged', async ({ page }) => {
  await openSim(page, 'N10-009', 'np-sim-vlan-ports');
  const slots = page.getByRole('list', { name: 'Slots' });
  const place = async (piece: string, slot: string) => {
    await page.getByRole('button', { name: piece, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Place ${piece} in ${slot}` }).focus();
    await page.keyboard.press('Enter');
    await expect(slots.getByRole('listitem').filter({ hasText: slot })).toContainText(piece);
    // Focus comes back to the slot in the next frame: wait for it, or the
    // next piece's focus and Enter can land on the slot instead (CI did).
    await expect(page.getByRole('button', { name: `Place in ${slot}`, exact: true })).toBeFocused();
  };
  await place('Access VLAN 99 (Management)', 'Gi1/0/1: reception PC');
  await page.getByRole('button', { name: 'Clear Gi1/0/1: reception PC' }).press('Enter');
  await expect(slots.getByRole('listitem').filter({ hasText: 'Gi1/0/1: reception PC' })).toContainText('empty');
  await expect(page.getByRole('button', { name: 'Place in Gi1/0/1: reception PC', exact: true })).toBeFocused();
  await place('Access VLAN 10 (Staff)', 'Gi1/0/1: reception PC');
  await place('Access VLAN 10 (Staff)', 'Gi1/0/2: nurses\' station PC');
  await place('Access VLAN 20 (Guest)', 'Gi1/0/3: lobby guest kiosk');
  await place('Access VLAN 30 (Printers)', 'Gi1/0/4: network printer');
  await place('802.1Q trunk', 'Gi1/0/23: ceiling access point');
  await place('Access VLAN 10 (Staff)', 'Gi1/0/24: uplink to the router');
  await axeClean(page);
  // Checking now would score 5 of 6; put the trunk on the uplink instead.
  await place('802.1Q trunk', 'Gi1/0/24: uplink to the router');
  await check(page);
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.sim-steps .step.right')).toHaveCount(6);
  await axeClean(page);
});

test('firewall table: rules moved by keyboard with focus following, blanks filled, judged by traffic', async ({ page }) => {
  await openSim(page, 'N10-009', 'np-sim-dmz-acl');
  const table = page.getByRole('table', { name: /Firewall rules/ });
  // The scanner's deny opens last; three presses take it to the top, focus staying on it.
  await page.getByRole('button', { name: 'Move rule 4 up' }).focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter');
    // Focus follows the rule (in the next frame, once the table is drawn
    // again); the next press waits for it, as a learner's eyes would.
    if (i < 2) await expect(page.getByRole('button', { name: `Move rule ${3 - i} up` })).toBeFocused();
  }
  await expect(table.locator('tbody tr').first()).toContainText('Scanner');
  await expect(page.getByRole('button', { name: 'Move rule 1 down' })).toBeFocused();
  await page.getByRole('button', { name: 'Move rule 3 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(table.locator('tbody tr').nth(1)).toContainText('Web server HTTPS');
  await page.getByLabel('Rule 2 destination').selectOption('203.0.113.10');
  await expect(page.getByLabel('Rule 2 destination')).toBeFocused();
  await page.getByLabel('Rule 3 port').selectOption('22');
  await page.getByLabel('Rule 4 action').selectOption('allow');
  await axeClean(page);
  await check(page);
  await expect(page.locator('.verdict')).toHaveText('Correct.');
  await expect(page.locator('.sim-steps .step.right')).toHaveCount(7);
  await axeClean(page);
});

test('a firewall table that lets the scanner in earns partial credit, and Reset puts the table back', async ({ page }) => {
  await openSim(page, 'N10-009', 'np-sim-dmz-acl');
  await page.getByLabel('Rule 2 destination').selectOption('any');
  await page.getByRole('button', { name: 'Reset simulation' }).press('Enter');
  await expect(page.getByLabel('Rule 2 destination')).toHaveValue('');
  await page.getByLabel('Rule 1 port').selectOption('22');
  await page.getByLabel('Rule 2 destination').selectOption('203.0.113.10');
  await page.getByLabel('Rule 3 action').selectOption('allow');
  await check(page);
  await expect(page.locator('.verdict')).toContainText('Partly correct');
  await expect(page.locator('.sim-steps .step.wrong')).toContainText(['The scanner (192.0.2.66) connects to the website over HTTPS']);
});

test('no simulation makes the page scroll sideways at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const [exam, id] of [
    ['220-1202', 'c2-sim-dns-terminal'],
    ['220-1201', 'c1-sim-soho-router'],
    ['N10-009', 'np-sim-vlan-ports'],
    ['N10-009', 'np-sim-dmz-acl'],
  ]) {
    await openSim(page, exam, id);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, id).toBeLessThanOrEqual(375);
  }
});

test('in an exam a simulation can be skipped and returned to as it was left', async ({ page }) => {
  const item = (question: string) => ({ question, presentation: { tasks: [[]] }, response: [], flagged: false, confidence: null });
  await seedDocument(page, 'firstline.exam', 'firstline-exam', 1, {
    session: {
      exam: 'N10-009', seed: 1, started_at: Date.now(), current: 0, limit_ms: 600000, elapsed_ms: 0, submitted: null,
      items: [item('np-sim-dmz-acl'), item('np-sim-vlan-ports')],
    },
  });
  await open(page, '/practice/exam');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  await page.getByRole('button', { name: 'Move rule 4 up' }).press('Enter');
  await page.getByLabel('Rule 1 port').selectOption('22');
  // Skip to the next simulation, leave it untouched, and come back.
  await page.getByRole('button', { name: 'Next' }).press('Enter');
  await expect(page.getByText('Question 2 of 2')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Slots' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous' }).press('Enter');
  await expect(page.getByText('Question 1 of 2')).toBeVisible();
  const rows = page.getByRole('table', { name: /Firewall rules/ }).locator('tbody tr');
  await expect(rows.nth(2)).toContainText('Scanner');
  await expect(page.getByLabel('Rule 1 port')).toHaveValue('22');
});

test('the shared answerCurrent helper answers every simulation kind', async ({ page }) => {
  for (const [exam, id] of [
    ['220-1202', 'c2-sim-dns-terminal'],
    ['220-1201', 'c1-sim-soho-router'],
    ['N10-009', 'np-sim-vlan-ports'],
    ['N10-009', 'np-sim-dmz-acl'],
  ]) {
    await openSim(page, exam, id);
    await answerCurrent(page);
    await expect(page.getByRole('button', { name: 'Check answer' }), id).toBeEnabled();
  }
});

// A sim's code is fetched when a page first shows one (most questions are
// not sims): if it cannot download, the question says so and tries again.
test('a sim whose code cannot be downloaded says so, and opens when tried again', async ({ page }) => {
  // Only the sim views' own module: the file's reader (with the sim
  // model) is a chunk fetched on demand too, and must arrive.
  const code = /\/pkg\/split_question_sim\.wasm$/;
  await page.route(code, (route) => route.abort('internetdisconnected'));
  await open(page, '/practice/session?mode=practice&seed=1&exam=220-1202&ids=c2-sim-dns-terminal');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not download the simulation' });
  await expect(alert).toBeVisible();
  await expect(page.getByRole('region', { name: 'Simulation' })).toHaveCount(0);
  await page.unroute(code);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'Simulation' })).toBeVisible();
  await expect(page.getByLabel('Command', { exact: true })).toBeVisible();
});
