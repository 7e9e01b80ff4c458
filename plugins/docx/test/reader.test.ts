// An independent DOCX reader, mammoth (DOCX to HTML by Word's style names), reads both
// examples without a warning: the title, the outline as h1–h6 in the document's order,
// captions, every table with its header row as th cells, and lists as lists.
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { walkSections } from '@kommunrapport/core';
import { EXAMPLES, documentOf, load, renderReport, unescapeXml } from './helpers.js';

const styleMap = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='caption'] => p.caption:fresh"];
const text = (html: string) => unescapeXml(html.replace(/<[^>]+>/g, ''));

describe.each(EXAMPLES)('%s read by mammoth', (_, file) => {
  it('gives the title, every heading in order, and tables with a header row of th cells', async () => {
    const report = load(file);
    const doc = documentOf(report);
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(await renderReport(report)) }, { styleMap });
    expect(messages).toEqual([]);
    expect(text(/<h1 class="title">([\s\S]*?)<\/h1>/.exec(html)![1]!)).toBe(doc.title);
    const headings = [...html.matchAll(/<h([1-6])>([\s\S]*?)<\/h\1>/g)].map((m) => [Number(m[1]), text(m[2]!)]);
    expect(headings).toEqual([...walkSections(doc.sections)].map((s) => [Math.min(s.level - 1, 6), s.title]));
    const tables = [...html.matchAll(/<p class="caption">([\s\S]*?)<\/p><table>([\s\S]*?)<\/table>/g)];
    expect(tables.length).toBe((html.match(/<table>/g) ?? []).length);
    expect(tables.length).toBeGreaterThan(5);
    for (const [, , table] of tables) {
      expect(table).toMatch(/^<thead><tr>(<th>[\s\S]*?<\/th>)+<\/tr><\/thead><tbody>/);
      expect(table).not.toMatch(/<tbody>[\s\S]*<th>/);
    }
    expect(html).toMatch(/<ul><li>/);
  });
});
