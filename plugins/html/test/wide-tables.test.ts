// Wide tables on the bundled examples in real headless Chromium: at 1280 px a table may
// leave the text column and use the window's width (less its margins), so no table is
// clipped while paragraphs keep their measure; at 320 px the page reflows (no sideways
// scrolling of the page; a table too wide even then scrolls inside its labelled region).
// axe finds nothing at either width (the Eskilstuna page's axe run is in eskilstuna.test.ts), nor on a page with images.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type Browser } from './chromium.js';
import { runAxe, formatViolations } from './axe.js';
import { render, root } from './render.js';
import { renderWith } from '@kommunrapport/core/testing';
import plugin from '../src/index.js';

const EXAMPLES = ['eskilstuna-ks-2022-delar2', 'ekdala-kf-2024-delar2', 'norrvik-bun-2024-malmodell', 'solberga-son-2024-delar'];
/** The text column's width at 16 px per rem (`--measure`, 50rem). */
const MEASURE = 800;

let browser: Browser;
const pages = new Map<string, string>();

beforeAll(async () => {
  for (const name of EXAMPLES) pages.set(name, (await render(`${root}examples/${name}/rapport.yaml`)).html);
  // A report with images of its text (a figure with alt text and caption, a decorative image), built as the CLI builds it.
  pages.set('images', (await renderWith(plugin, { file: `${root}packages/core/test/fixtures/images/rapport.yaml` })).text('index.html'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(name: string, width: number) {
  const page = await browser.page(width);
  await page.setContent(pages.get(name)!, { waitUntil: 'load' });
  return page;
}

describe.each(EXAMPLES)('%s at 1280 px', (name) => {
  test('no table is clipped: every region holds its table, inside the window; text keeps its measure', async () => {
    const page = await open(name, 1280);
    const r = await page.evaluate(() => {
      const regions = Array.from(document.querySelectorAll<HTMLElement>('.tw'));
      return {
        clipped: regions.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.id}: ${e.scrollWidth} > ${e.clientWidth}`),
        outside: regions.filter((e) => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > innerWidth).map((e) => e.id),
        widestTable: Math.max(...regions.map((e) => e.querySelector('table')!.getBoundingClientRect().width)),
        widestParagraph: Math.max(...Array.from(document.querySelectorAll('main p')).map((e) => e.getBoundingClientRect().width)),
        // A table that fits the text column starts where the text of its section starts.
        misaligned: regions.flatMap((e) => {
          const table = e.querySelector('table')!.getBoundingClientRect();
          const column = e.parentElement!.getBoundingClientRect();
          const left = column.left + parseFloat(getComputedStyle(e.parentElement!).paddingLeft) + parseFloat(getComputedStyle(e.parentElement!).borderLeftWidth);
          return table.right <= column.right && Math.abs(table.left - left) > 0.5 ? [`${e.id}: ${table.left} ≠ ${left}`] : [];
        }),
        page: document.documentElement.scrollWidth,
      };
    });
    console.log(`${name} at 1280 px: widest table ${Math.round(r.widestTable)} px, widest paragraph ${Math.round(r.widestParagraph)} px, page ${r.page} px`);
    expect(r.clipped).toEqual([]);
    expect(r.outside).toEqual([]);
    expect(r.misaligned).toEqual([]);
    expect(r.widestParagraph).toBeLessThanOrEqual(MEASURE);
    expect(r.page).toBeLessThanOrEqual(1280);
    await page.close();
  });
});

test('the widest tables of the examples use more than the text column at 1280 px', async () => {
  // The resultaträkning of Eskilstuna and the monthly indicators of Ekdala were clipped in a 50rem column.
  for (const [name, id] of [['eskilstuna-ks-2022-delar2', 'resultatrakning'], ['ekdala-kf-2024-delar2', 'foljs-varje-manad-1-indicators']] as const) {
    const page = await open(name, 1280);
    const width = await page.locator(`#${id} > table`).evaluate((t) => t.getBoundingClientRect().width);
    console.log(`${name} #${id}: ${Math.round(width)} px wide at 1280 px`);
    expect(width).toBeGreaterThan(MEASURE);
    await page.close();
  }
});

describe.each(EXAMPLES)('%s at 320 px', (name) => {
  test('reflows: the page does not scroll sideways; only table regions may', async () => {
    const page = await open(name, 320);
    const r = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wideOutsideRegions: Array.from(document.querySelectorAll('body *'))
        .filter((e) => !e.closest('.tw') && e.getBoundingClientRect().right > 320.5)
        .map((e) => e.tagName),
      regionsOutside: Array.from(document.querySelectorAll('.tw')).filter((e) => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > 320).map((e) => e.id),
    }));
    console.log(`${name} at 320 px: page ${r.page} px`);
    expect(r.page).toBeLessThanOrEqual(320);
    expect(r.wideOutsideRegions).toEqual([]);
    expect(r.regionsOutside).toEqual([]);
    await page.close();
  });
});

describe.each(EXAMPLES.filter((name) => name !== 'eskilstuna-ks-2022-delar2').flatMap((name) => [1280, 320].map((width) => [name, width] as const)))('%s at %i px', (name, width) => {
  test('has zero axe violations', async () => {
    const page = await open(name, width);
    const { violations, passes } = await runAxe(page);
    console.log(`axe ${name} at ${width} px: ${violations.length} violations, ${passes} rules passed`);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });
});

describe('a page with images in its text', () => {
  test('has zero axe violations at 1280 px', async () => {
    const page = await open('images', 1280);
    expect(await page.locator('figure.image img').getAttribute('alt')).toBe('Karta över industriområdet Kjula, där tre nya företag etablerat sig');
    const { violations, passes } = await runAxe(page);
    console.log(`axe images at 1280 px: ${violations.length} violations, ${passes} rules passed`);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });
});
