// The text says the same headings as the HTML page: both plugins render the example and
// the h2–h6 of the page's main content are compared with the numbered headings.
import { describe, expect, it } from 'vitest';
import { createRenderContext } from '@kommunrapport/core';
// Read from the other plugin's sources for this comparison only; the plugin itself never imports it.
import html, { HtmlOptions } from '../../html/src/index.js';
import { CASES, headings, loadFile, PLAIN, render, unexpand } from './helpers.js';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? m),
  );

describe.each(CASES)('headings of %s', (_name, file) => {
  it('are the same, in the same order and at the same levels, as the HTML output’s h2–h6', async () => {
    const report = loadFile(file);
    const options = HtmlOptions.decode({});
    if (options._tag === 'Left') throw new Error('HTML options do not decode');
    const [page] = await html.render(report, createRenderContext(report, options.right, { env: {} }));
    const source = String(page!.contents);
    const main = source.slice(source.indexOf('<main'));
    const fromHtml = [...main.matchAll(/<h([2-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map(
      (m) => `${m[1]} ${unexpand(decode(m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim(), report)}`,
    );
    const fromText = headings((await render(report, PLAIN)).txt).map((h) => `${Math.min(h.depth + 1, 6)} ${unexpand(h.title, report)}`);
    expect(fromHtml.length).toBeGreaterThan(5);
    expect(fromText).toEqual(fromHtml);
  });
});
