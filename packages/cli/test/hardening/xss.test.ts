// The XSS corpus through the real build: a report carrying every payload in every kind of
// text field is built by `kommunrapport build` into every format. The HTML is opened in
// Chromium, every element is sent the events inline handlers wait for, and nothing may
// run (no dialog, console message, page error, request, and the global flag never set);
// the PDF (pdftotext), the text and the JSON carry the payloads as inert text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodeReport, plainText, removeInvisible, type Report } from '@kommunrapport/model';
import { launchChromium, type Browser } from '../../../../plugins/html/test/chromium.js';
import { runMain } from '../cli-helpers.js';
import { PAYLOADS, xssReport } from './xss-corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'kr-xss-'));
const out = join(dir, 'out');
const reportDir = join(out, '0999-xss-2022');
let browser: Browser;
/** Bidi controls and zero-width characters: none may be in any output. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
/** Markers of payloads seen running, by any channel. */
const executed = new Set<string>();
const figures = { payloads: PAYLOADS.length, controlDetected: 0 };

beforeAll(async () => {
  writeFileSync(join(dir, 'rapport.yaml'), xssReport().yaml);
  const run = await runMain(['build', 'rapport.yaml', '--out', 'out'], dir);
  if (run.code !== 0) throw new Error(`build failed: ${run.stdout}\n${run.stderr}`);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`hardening: XSS payloads tried: ${figures.payloads} (in every kind of text field), executed in Chromium: ${executed.size} (control: ${figures.controlDetected} of them run when injected as raw markup)`);
});

/** Records everything a running payload could do: dialogs, console messages, page errors, requests. */
function watch(page: Page): string[] {
  const events: string[] = [];
  page.on('dialog', (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => events.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => events.push(`error: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(data|about):/.test(r.url())) events.push(`request: ${r.url()}`);
  });
  return events;
}

/** Sends every element the events inline handlers and SVG animations wait for, then reads the flag. */
async function provoke(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle', 'load', 'error', 'begin', 'animationstart'])
        el.dispatchEvent(new Event(type, { bubbles: false }));
      if (el instanceof HTMLElement) el.focus();
    }
    await new Promise((r) => setTimeout(r, 300));
    return (window as unknown as { __xss?: unknown }).__xss;
  });
}

const markersIn = (events: string[], flag: unknown): string[] =>
  [...new Set([...events.join('\n').matchAll(/xss\d\d/g)].map((m) => m[0]).concat(typeof flag === 'string' ? [flag] : []))];

describe('the watch', () => {
  it('sees payloads that do run when they are put into a page as markup (control)', async () => {
    const page = await browser.page(1280);
    const events = watch(page);
    await page.setContent(`<!doctype html><title>x</title><body>${PAYLOADS.map((p) => `<div>${p.text}</div>`).join('')}</body>`, { waitUntil: 'load' });
    const flag = await provoke(page);
    await page.close();
    const seen = markersIn(events, flag);
    figures.controlDetected = seen.length;
    // Raw markup runs many of them (script tags, handlers, requests): the watch must see them.
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(events.some((e) => e.startsWith('dialog: xss'))).toBe(true);
    expect(events.some((e) => e.startsWith('request: https://evil.example/'))).toBe(true);
  });
});

describe('the built HTML in Chromium', () => {
  it('runs none of the payloads and shows each of them as text', async () => {
    const html = readFileSync(join(reportDir, 'index.html'), 'utf8');
    const page = await browser.page(1280);
    const events = watch(page);
    await page.setContent(html, { waitUntil: 'load' });
    const flag = await provoke(page);
    for (const m of markersIn(events, flag)) executed.add(m);
    expect(events).toEqual([]);
    expect(flag).toBeUndefined();

    const dom = await page.evaluate(() => ({
      active: document.querySelectorAll('script, iframe, object, embed, base, meta[http-equiv], form, math, link[rel~="stylesheet"], img[src^="http"]').length,
      handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      urls: Array.from(document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]'))
        .flatMap((e) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((n) => e.getAttribute(n) ?? ''))
        .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u.replace(/[\s\u0000-\u001f]/g, ''))),
      text: document.body.innerText,
      headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, caption, th')).map((h) => h.textContent ?? ''),
    }));
    await page.close();
    expect(dom.active).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.urls).toEqual([]);
    for (const p of PAYLOADS) {
      expect(dom.text, p.marker).toContain(p.marker);
      // Area titles are plain text: the heading holds the payload exactly.
      // (As published: without bidi controls and zero-width characters.)
      expect(dom.headings.some((h) => h.includes(removeInvisible(p.text).normalize('NFC'))), p.marker).toBe(true);
    }
    expect(html).not.toMatch(INVISIBLE);
  });
});

describe('the other formats carry the payloads as inert text', () => {
  it('PDF: pdftotext shows every payload marker; no JavaScript, launch or script URL in the file', () => {
    const pdf = join(reportDir, 'rapport.pdf');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const p of PAYLOADS) expect(text, p.marker).toContain(p.marker);
    expect(text).not.toMatch(INVISIBLE);
    const raw = readFileSync(pdf).toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia)\b/);
    expect(raw).not.toMatch(/\/URI\s*\(\s*(javascript|data|vbscript):/i);
  });

  it('text: every payload marker is there, and the area titles are the payloads as written', () => {
    const text = readFileSync(join(reportDir, 'rapport.txt'), 'utf8');
    for (const p of PAYLOADS) expect(text, p.marker).toContain(p.marker);
    expect(text).not.toMatch(INVISIBLE);
  });

  it('JSON: report.json decodes, and its plain text fields are the payloads exactly as published (without bidi controls and zero-width characters)', () => {
    const json = JSON.parse(readFileSync(join(reportDir, 'open-data/report.json'), 'utf8')) as unknown;
    const decoded = decodeReport(json);
    expect(decoded.diagnostics).toEqual([]);
    const report = decoded.report as Report;
    const perspective = report.sections.find((s) => s.type === 'perspective');
    expect(perspective?.type).toBe('perspective');
    const areas = perspective!.type === 'perspective' ? perspective!.areas : [];
    const published = PAYLOADS.map((p) => removeInvisible(p.text));
    expect(areas.map((a) => a.title)).toEqual(published);
    expect(areas.map((a) => a.goals![0]!.indicators![0]!.name)).toEqual(published);
    expect(report.decision!.signatories!.map((s) => s.name)).toEqual(published);
    expect(report.organisations.bodies.slice(1).map((b) => b.name)).toEqual(published);
    // Markdown keeps raw HTML as literal text: the marker survives in the rich text.
    const summary = plainText(report.summary);
    for (const p of PAYLOADS) expect(summary, p.marker).toContain(p.marker);
  });
});
