// Renders the PNG app icons in pwa/icons/ from style/favicon.svg, in the
// Chromium the browser tests use. Run it again after changing the favicon:
//
//   node pwa/render-icons.mjs
//
// Installed apps need PNGs (some platforms ignore SVG icons). The maskable
// icon fills the whole square and keeps the letters inside the central 80%
// "safe zone", because launchers crop it to their own shape.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const favicon = readFileSync(`${root}style/favicon.svg`, 'utf8');
// A full-bleed version of the same mark for launchers that crop icons.
const maskable = favicon
  .replace(/<rect [^>]*\/>/, '<rect width="32" height="32" fill="#1f5fbf"/>')
  .replace(/<text /, '<text transform="translate(16 16) scale(0.8) translate(-16 -16)" ');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const [name, svg, size] of [
  ['icon-192.png', favicon, 192],
  ['icon-512.png', favicon, 512],
  ['icon-maskable-512.png', maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  writeFileSync(`${root}pwa/icons/${name}`, await page.screenshot({ omitBackground: true }));
  console.log(`wrote pwa/icons/${name}`);
}
copyFileSync(`${root}style/favicon.svg`, `${root}pwa/icons/icon.svg`);
console.log('wrote pwa/icons/icon.svg');
await browser.close();
