import { test } from '@playwright/test';
test('requests', async ({ page }) => {
  const seen: string[] = [];
  let hdr = 0;
  page.on('requestfinished', async (r) => {
    const s = await r.sizes();
    hdr += s.responseHeadersSize + s.requestHeadersSize;
    seen.push(`${(s.responseBodySize / 1000).toFixed(1)}\t${r.url().replace(/^https?:\/\/[^/]+/, '')}`);
  });
  await page.goto(process.env.PAGE || '/progress');
  await page.waitForTimeout(6000);
  seen.sort((a, b) => parseFloat(b) - parseFloat(a));
  console.log(seen.length + ' bodies ' + seen.reduce((a, l) => a + parseFloat(l), 0).toFixed(1) + ' headers ' + (hdr / 1000).toFixed(1));
});
