// The Eskilstuna report's page in real headless Chromium: zero axe violations at 1280 px
// and at 320 px, and the project's own checks for what axe cannot see.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDocument, createRenderContext, decimalsOf, walkSections, type ChartModel } from '@kommunrapport/core';
import { cellNumber, type DataTable, type Report } from '@kommunrapport/model';
import { launchChromium, type Browser } from './chromium.js';
import { runAxe, formatViolations } from './axe.js';
import { render, load, eskilstuna, allSiblings, csvSiblings } from './render.js';

let browser: Browser;
let html: string;
let report: Report;

beforeAll(async () => {
  // As a build of every format gives it: with the links to the other formats and, beside each table, to its CSV.
  const loaded = load(eskilstuna);
  ({ html, report } = await render(loaded, {}, [...allSiblings, ...csvSiblings(loaded)]));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(width: number): Promise<Page> {
  const page = await browser.page(width);
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

describe.each([1280, 320])('Eskilstuna page at %i px', (width) => {
  test('has zero axe violations (WCAG 2.0/2.1 A and AA, best-practice)', async () => {
    const page = await open(width);
    const { violations, passes } = await runAxe(page);
    console.log(`axe at ${width} px: ${violations.length} violations, ${passes} rules passed`);
    expect(passes).toBeGreaterThan(20);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

describe('Eskilstuna page: what axe cannot see', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(1280);
  });

  test('has lang, a title with kommun, body and period, and the four landmarks as children of body', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    const title = await page.title();
    for (const part of [report.municipality.name, report.body.name, report.period.label]) expect(title).toContain(part);
    const landmarks = await page.evaluate(() => Array.from(document.body.children).map((e) => e.tagName.toLowerCase()));
    expect(landmarks).toEqual(['a', 'header', 'nav', 'main', 'footer']);
  });

  test('the skip link is the first thing Tab reaches, becomes visible and leads to main', async () => {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, top: document.activeElement!.getBoundingClientRect().top }));
    expect(focused.cls).toBe('skip');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  test('headings run from one h1 without skipped levels, and the contents list links to them in order', async () => {
    const levels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((e) => Number(e.getAttribute('aria-level') ?? e.tagName.slice(1))),
    );
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => {
      if (i > 0) expect(l, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    const toc = await page.evaluate(() => {
      const order = Array.from(document.querySelectorAll('main :is(h2,h3,h4,h5,h6)')).map((e) => e.id);
      return Array.from(document.querySelectorAll('nav[aria-labelledby="toc"] a')).map((a) => order.indexOf(a.getAttribute('href')!.slice(1)));
    });
    expect(toc.length).toBeGreaterThan(10);
    expect(toc.every((i) => i >= 0)).toBe(true);
    expect([...toc].sort((a, b) => a - b)).toEqual(toc);
  });

  test('every symbol of the vocabulary stands beside its words and is hidden from assistive technology', async () => {
    const g = report.governance;
    const symbols = [...new Set([...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion].map((s) => s.symbol))];
    const problems = await page.evaluate((symbols) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.nodeValue ?? '';
        if (!symbols.some((s) => text.includes(s))) continue;
        count++;
        const el = n.parentElement!;
        const badge = el.closest('.badge');
        const words = badge?.querySelector('.words')?.textContent?.trim() ?? '';
        const legendHeader = el.closest('th[scope=row]')?.parentElement?.querySelector('.badge .words')?.textContent?.trim() ?? '';
        if (el.matches('.badge > .sym')) {
          if (el.getAttribute('aria-hidden') !== 'true') out.push(`symbol ${text} not aria-hidden`);
          if (!words) out.push(`symbol ${text} without words`);
        } else if (!legendHeader) out.push(`symbol in "${text}" outside a badge`);
      }
      return { out, count };
    }, symbols);
    expect(problems.count).toBeGreaterThan(50);
    expect(problems.out).toEqual([]);
    // The words are the vocabulary's, for every badge.
    const labels = new Set([...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion].map((s) => s.label).concat(g.terms.notStated));
    const words = await page.locator('.badge .words').allTextContents();
    expect(words.length).toBeGreaterThan(50);
    for (const w of words) expect(labels, w).toContain(w);
  });

  test("the browser names each table's CSV link by its words and the table's caption", async () => {
    const links = page.locator('p.csv > a');
    const captions = await page.locator('.tw > table > caption').allTextContents();
    expect(await links.count()).toBe(captions.length);
    // Playwright finds a link by its computed accessible name: one per table of that caption.
    for (const caption of new Set(captions)) {
      const named = page.getByRole('link', { name: `Ladda ner tabellen som CSV ${caption}`, exact: true });
      expect(await named.count(), caption).toBe(captions.filter((c) => c === caption).length);
    }
  });

  test('every table has a caption, scoped column and row headers, and sits in a labelled focusable region', async () => {
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const t of Array.from(document.querySelectorAll('table'))) {
        const cap = t.querySelector(':scope > caption')?.textContent?.trim();
        const where = cap ?? t.outerHTML.slice(0, 60);
        if (!cap) out.push(`no caption: ${where}`);
        for (const th of Array.from(t.querySelectorAll('thead th'))) if (th.getAttribute('scope') !== 'col') out.push(`thead th without scope=col: ${where}`);
        for (const tr of Array.from(t.querySelectorAll('tbody tr'))) {
          const first = tr.firstElementChild!;
          if (first.tagName !== 'TH' || first.getAttribute('scope') !== 'row') out.push(`row without th scope=row: ${where}`);
          if (tr.querySelectorAll('th').length !== 1) out.push(`row with ${tr.querySelectorAll('th').length} th: ${where}`);
        }
        const region = t.parentElement!;
        if (region.getAttribute('role') !== 'region' || region.getAttribute('tabindex') !== '0' || !region.getAttribute('aria-labelledby')) out.push(`no region: ${where}`);
      }
      return { out, tables: document.querySelectorAll('table').length };
    });
    expect(problems.tables).toBeGreaterThan(10);
    expect(problems.out).toEqual([]);
  });

  test('captions of tables with a unit state it, and number cells are right-aligned in tabular figures', async () => {
    const ctx = createRenderContext(report, {});
    const doc = buildDocument(report, ctx.vocabulary, ctx.format);
    const tables = [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])));
    // Counts say their unit in the caption's words ("Antal …"); amounts and percentages name it.
    const withUnit = tables.filter((t) => t.unit && t.unit !== 'count' && ctx.vocabulary.unit(t.unit).long);
    expect(withUnit.length).toBeGreaterThan(3);
    for (const t of withUnit) {
      const caption = await page.locator(`#${t.id} caption`).textContent();
      expect(caption).toContain(ctx.vocabulary.unit(t.unit!).long);
    }
    const styles = await page.evaluate(() => {
      const td = document.querySelector('td.num')!;
      const s = getComputedStyle(td);
      return { align: s.textAlign, numeric: s.fontVariantNumeric };
    });
    expect(styles).toEqual({ align: 'end', numeric: 'tabular-nums' });
  });

  test('every figure of the income statement appears in its cell, written sv-SE', async () => {
    const income: DataTable[] = [];
    const find = (u: unknown): void => {
      if (Array.isArray(u)) u.forEach(find);
      else if (typeof u === 'object' && u !== null) {
        if ((u as DataTable).role === 'incomeStatement' && Array.isArray((u as DataTable).rows)) income.push(u as DataTable);
        else Object.values(u).forEach(find);
      }
    };
    find(report.sections);
    expect(income.length).toBeGreaterThan(0);
    let checked = 0;
    for (const t of income) {
      const d = t.decimals ?? decimalsOf(t.rows.flatMap((r) => Object.values(r.values).map(cellNumber)));
      const nf = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d });
      const cells = await page.locator(`#${t.id} tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')));
      t.rows.forEach((row, i) => {
        expect(cells[i]![0]).toBe(row.label);
        t.columns.forEach((col, j) => {
          const v = cellNumber(row.values[col.key]);
          if (v == null) return;
          expect(cells[i]![j + 1], `${t.id} ${row.id} ${col.key}`).toBe(nf.format(v).replace('-', '\u2212'));
          checked++;
        });
      });
    }
    expect(checked).toBeGreaterThan(10);
  });

  test('abbreviations are marked up with their full name and written out at their first use in running text', async () => {
    const abbrs = await page.evaluate(() =>
      Array.from(document.querySelectorAll('p abbr, li abbr, dd abbr')).map((a) => ({ text: a.textContent!, title: (a as HTMLElement).title, before: a.previousSibling?.textContent ?? '', after: a.nextSibling?.textContent ?? '' })),
    );
    expect(abbrs.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    for (const a of abbrs) {
      const body = report.organisations.bodies.find((b) => a.text === b.abbreviation || a.text.startsWith(`${b.abbreviation}:`) || a.text.startsWith(`${b.abbreviation}-`));
      expect(a.title).toBe(body?.name);
      const key = body!.abbreviation;
      // Written out at first use: by the page before or after it, or by the author ("Name (KLK)", "EEM (Name)").
      const byPage = a.before.endsWith(`${a.title} (`) || a.after.startsWith(` (${a.title})`);
      const byAuthor = a.before.endsWith('(') || a.after.startsWith(' (');
      if (!seen.has(key)) expect(byPage || byAuthor, a.text).toBe(true);
      seen.add(key);
    }
  });

  test('every chart is one image named by a text that points to the table right before it, which holds all its labels', async () => {
    const ctx = createRenderContext(report, {});
    const doc = ctx.document;
    const charts: ChartModel[] = [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])));
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      const name = await page.locator(`#${c.id} > svg`).evaluate((svg) => {
        if (svg.getAttribute('role') !== 'img') return '';
        return (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      });
      expect(name, c.id).toContain(c.description);
      expect(c.valuesInTable, c.id).toBeDefined();
      const table = await page.locator(`#${c.valuesInTable}`).textContent();
      for (const s of c.series) for (const p of s.points) expect(table, c.id).toContain(p.label);
      // The labels drawn at the points are the table's texts, with the indicator's decimals.
      const drawn = await page.locator(`#${c.id} svg text`).allTextContents();
      for (const s of c.series) for (const p of s.points) expect(drawn, c.id).toContain(p.label);
    }
  });

  test('the print stylesheet uses A4, hides navigation and keeps rows and headings together', async () => {
    const print = await browser.page(1280);
    await print.setContent(html);
    await print.emulateMedia({ media: 'print' });
    const s = await print.evaluate(() => {
      const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      const pageRule = Array.from(document.styleSheets).flatMap((sh) => Array.from(sh.cssRules)).find((r) => r instanceof CSSPageRule) as CSSPageRule | undefined;
      return {
        nav: css('nav').display,
        skip: css('.skip').display,
        row: css('tbody tr').breakInside,
        region: css('.tw').breakInside,
        caption: css('caption').breakAfter,
        heading: css('main h2').breakAfter,
        size: pageRule?.style.getPropertyValue('size').toUpperCase(),
      };
    });
    expect(s).toEqual({ nav: 'none', skip: 'none', row: 'avoid', region: 'avoid', caption: 'avoid', heading: 'avoid', size: 'A4' });
  });
});

describe('Eskilstuna page at 320 px', () => {
  test('reflows: the page does not scroll sideways; only table regions may', async () => {
    const page = await open(320);
    const r = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      wideOutsideRegions: Array.from(document.querySelectorAll('body *'))
        .filter((e) => !e.closest('.tw') && e.getBoundingClientRect().right > 320.5)
        .map((e) => e.tagName),
      scrollingRegions: Array.from(document.querySelectorAll('.tw')).filter((e) => e.scrollWidth > e.clientWidth).length,
    }));
    expect(r.page).toBeLessThanOrEqual(320);
    expect(r.wideOutsideRegions).toEqual([]);
    // Some tables are wider than 320 px: they scroll inside their region with headers intact.
    expect(r.scrollingRegions).toBeGreaterThan(0);
  });

  test('a table scrolled to its end still shows its caption and row headers', async () => {
    const page = await open(320);
    const lost = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.tw'))
        .filter((region) => region.scrollWidth > region.clientWidth)
        .flatMap((region) => {
          region.scrollLeft = region.scrollWidth;
          const box = region.getBoundingClientRect();
          const outside = (e: Element) => {
            const r = e.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5;
          };
          return [region.querySelector('caption')!, ...Array.from(region.querySelectorAll('tbody th'))].filter(outside).map((e) => `${region.id}: ${e.textContent}`);
        }),
    );
    expect(lost).toEqual([]);
  });
});

describe('Eskilstuna page: accessibility tree of the overview tables', () => {
  test('matches the snapshot', async () => {
    const page = await open(1280);
    const regions = page.locator('section[data-role="overview"] .tw');
    expect(await regions.count()).toBeGreaterThan(0);
    const snapshots = [];
    for (const region of await regions.all()) snapshots.push(await region.ariaSnapshot());
    expect(snapshots.join('\n')).toMatchSnapshot();
  });
});
