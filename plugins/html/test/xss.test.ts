// A report whose text fields carry script payloads, rendered and opened in Chromium:
// nothing runs (no dialog, no console message, no page error) and the payloads are
// shown as text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium.js';
import { render } from './render.js';

const fixture = fileURLToPath(new URL('./fixtures/xss/rapport.yaml', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Records dialogs, console messages and page errors. */
function watch(page: Page): string[] {
  const events: string[] = [];
  page.on('dialog', (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => events.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => events.push(`error: ${e.message}`));
  return events;
}

describe('script payloads in the report', () => {
  test('the watch sees a payload that does run (control)', async () => {
    const page = await browser.page(1280);
    const events = watch(page);
    await page.setContent('<p>x</p><img src="data:," onerror="console.log(\'xss-control\')"><script>alert("xss-dialog")</script>');
    await page.waitForTimeout(300);
    expect(events).toEqual(['dialog: xss-dialog', 'console: xss-control']);
  });

  test('none runs in Chromium, and the payloads are visible as text', async () => {
    const { html } = await render(fixture);
    const page = await browser.page(1280);
    const events = watch(page);
    await page.setContent(html, { waitUntil: 'load' });
    // Hover and click everything, so handlers that wait for a person would fire too.
    for (const el of await page.locator('main *, header *').all()) {
      await el.hover({ timeout: 200, force: true }).catch(() => {});
    }
    await page.locator('main p, main h3, caption, th').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
    await page.waitForTimeout(300);
    expect(events).toEqual([]);

    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script, iframe, img, math, svg:not([aria-hidden]):not([role="img"])').length,
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      hrefs: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#')),
      styles: document.querySelectorAll('style').length,
      title: document.title,
      text: document.body.innerText,
      visible: getComputedStyle(document.body).display,
    }));
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.hrefs).toEqual([]);
    expect(dom.styles).toBe(1);
    expect(dom.visible).toBe('block');
    expect(dom.title).toContain('<script>alert("xss-title")</script>');
    for (const payload of [
      '<script>alert("xss-title")</script> Delårsrapport',
      '"><svg onload=alert("xss-kommun")>',
      '<img src=x onerror=alert("xss-period")>',
      '</title><script>console.log("xss-case")</script>',
      '<script>console.log("xss-summary")</script>',
      'Text med <img src=x onerror=console.log("xss-inline")> inuti',
      '<a href="javascript:alert(\'xss-a\')">länk</a>',
      '<b><i>trasig markup <div',
      '<style>body{display:none}</style>Perspektiv',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-mxss")>',
      '</caption><script>console.log("xss-caption")</script>',
      '<script>console.log("xss-row")</script>',
      'Stadsbyggnads"><img src=x onerror=console.log("xss-abbr")>nämnden (SBN)',
    ])
      expect(dom.text).toContain(payload);
    // A javascript: link keeps its words and loses its target.
    expect(dom.text).toContain('Klicka här och');
    // The abbreviation's full name is an attribute value, not markup.
    const titles = await page.locator('abbr').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(titles[0]).toBe('Stadsbyggnads"><img src=x onerror=console.log("xss-abbr")>nämnden');
  });
});
