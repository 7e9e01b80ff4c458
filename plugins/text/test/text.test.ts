// The rules of the plain text output, each tested on the Eskilstuna example and on the
// plugin's small fixture: title and cover first, numbered headings, no bare symbols,
// tables row by row with their headers, abbreviations once, NFC and LF.
import { describe, expect, it } from 'vitest';
import { phraseText, walkSections, type DocBlock, type DocSection, type Inline, type TableModel } from '@kommunrapport/core';
import { CASES, headings, loadFile, PLAIN, render, unexpand, type Rendered } from './helpers.js';

/** Every block of the document in reading order, sections included. */
function* blocks(sections: readonly DocSection[]): Generator<DocBlock> {
  for (const s of walkSections(sections)) yield* s.blocks;
}
const tables = (r: Rendered): TableModel[] => [...blocks(r.doc.sections)].flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const lines = (r: Rendered): string[] => r.txt.split('\n').map((l) => unexpand(l, r.report));
const fold = (s: string) => s.replace(/[ \t\r\n]+/g, ' ').trim();

/** Characters a plain text file may hold: letters, digits, punctuation, spaces, U+2212, NBSP, %. */
const ALLOWED = /^[\p{L}\p{Nd}\p{Zs}\n.,;:!?()"'’‘”“«»\-–—/%&+§@…\u2212]$/u;

describe.each(CASES)('rapport.txt of %s', (_name, file) => {
  const report = loadFile(file);
  const rendered = render(report, PLAIN);

  it('starts with the title, then the cover facts with the date', async () => {
    const r = await rendered;
    const [title, blank, ...rest] = r.txt.split('\n');
    expect(title).toBe(r.doc.title);
    expect(blank).toBe('');
    const dateTerm = r.ctx.vocabulary.term('date');
    const cover = r.doc.cover.some((f) => f.term === dateTerm)
      ? r.doc.cover
      : [...r.doc.cover, { term: dateTerm, value: r.ctx.format.date(r.ctx.documentDate.toISOString().slice(0, 10)) }];
    expect(rest.slice(0, cover.length).map((l) => unexpand(l, report))).toEqual(cover.map((f) => unexpand(`${f.term}: ${f.value}`, report)));
    expect(rest[cover.length]).toBe('');
  });

  it('numbers headings by nesting, with two blank lines before and one after, never skipping a level', async () => {
    const r = await rendered;
    const found = headings(r.txt);
    const all = r.txt.split('\n');
    expect(found.length).toBeGreaterThan(5);
    let previous: number[] = [];
    for (const h of found) {
      expect(h.number, `line ${h.line + 1}: "${all[h.line]}" follows two blank lines but is no numbered heading`).not.toBe('');
      const parts = h.number.split('.').map(Number);
      const expected = [...previous.slice(0, parts.length - 1), (previous[parts.length - 1] ?? 0) + 1];
      expect(parts, `heading ${h.number} after ${previous.join('.')}`).toEqual(expected);
      expect(parts.length).toBeLessThanOrEqual(previous.length + 1);
      expect(all[h.line + 1]).toBe('');
      // One blank line after, unless a subheading follows with its own two.
      if (all[h.line + 2] === '') expect(found.some((g) => g.line === h.line + 3)).toBe(true);
      expect(all[h.line - 3]).not.toBe('');
      previous = parts;
    }
  });

  it('has the same sequence of headings as the document, at the same levels', async () => {
    const r = await rendered;
    const fromDoc = [...walkSections(r.doc.sections)].map((s) => ({ depth: s.level - 1, title: unexpand(fold(s.title), report) }));
    const fromText = headings(r.txt).map((h) => ({ depth: h.depth, title: unexpand(h.title, report) }));
    expect(fromText).toEqual(fromDoc);
  });

  it('holds no bare symbol: every character is a letter, digit, punctuation, space, U+2212, NBSP or %', async () => {
    const r = await rendered;
    const bad = [...new Set([...r.txt].filter((ch) => !ALLOWED.test(ch)))];
    expect(bad.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${ch}`)).toEqual([]);
    // A symbol made of text characters (a dash for "no value") cannot be told from text; every other must be absent.
    for (const scale of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const)
      for (const step of r.ctx.vocabulary.steps(scale)) if (![...step.symbol].every((ch) => ALLOWED.test(ch))) expect(r.txt).not.toContain(step.symbol);
  });

  it('draws no grid: no pipes, no rules, no alignment by spaces', async () => {
    const r = await rendered;
    expect(r.txt).not.toContain('|');
    expect(r.txt).not.toContain('\t');
    for (const line of r.txt.split('\n')) {
      expect(line, line).not.toMatch(/\S {2,}/);
      expect(line, line).not.toMatch(/^[-=_+*]{3,}/);
      expect(line, line).not.toMatch(/ $/);
    }
  });

  it('reads every table row by row: every cell on its row header’s line, after its column header, caption first', async () => {
    const r = await rendered;
    const text = lines(r);
    const all = tables(r);
    expect(all.length).toBeGreaterThan(0);
    let cursor = 0;
    let cells = 0;
    for (const t of all) {
      const at = text.indexOf(unexpand(fold(t.caption), report), cursor);
      expect(at, `caption "${t.caption}" after line ${cursor}`).toBeGreaterThanOrEqual(0);
      t.rows.forEach((row, i) => {
        const line = text[at + 1 + i]!;
        const first = row.cells[0];
        const header = unexpand(fold(first?.badge?.symbol !== undefined && row.header === first.badge.symbol ? first.badge.label : row.header), report);
        expect(line.startsWith(`${header}: `), `"${line}" starts with "${header}: "`).toBe(true);
        row.cells.forEach((cell, c) => {
          expect(line).toContain(unexpand(`${fold(t.columns[c]!.label)} ${fold(cell.spoken)}`, report));
          cells++;
        });
      });
      cursor = at + 1 + t.rows.length;
    }
    expect(cells).toBeGreaterThan(0);
  });

  it('says every badge in the vocabulary’s words: "Term: text alternative."', async () => {
    const r = await rendered;
    const text = lines(r);
    const badges = [...blocks(r.doc.sections)].flatMap((b) => (b.kind === 'badges' ? [b.items] : []));
    expect(badges.length).toBeGreaterThan(0);
    for (const items of badges) expect(text).toContain(unexpand(items.map((i) => `${i.term}: ${i.badge.textAlternative}.`).join(' '), report));
  });

  it('explains each abbreviation at most once, where the document flags its first use, and keeps every paragraph as the author wrote it', async () => {
    const r = await rendered;
    const firsts = new Map<string, number>();
    const visit = (nodes: readonly Inline[]): void => {
      for (const n of nodes) {
        if (n.type === 'abbreviation' && n.first) firsts.set(n.abbreviation, (firsts.get(n.abbreviation) ?? 0) + 1);
        if ('children' in n) visit(n.children);
      }
    };
    const paragraphs = [...blocks(r.doc.sections)].flatMap((b) => (b.kind === 'richText' ? b.blocks.flatMap((x) => (x.type === 'paragraph' ? [x.children] : [])) : []));
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) {
      visit(p);
      // Paragraphs without links (which the text writes with their address) read exactly as the document says.
      if (p.every((n) => n.type === 'text' || n.type === 'abbreviation')) expect(r.txt).toContain(phraseText(p).replace(/\s+/g, ' ').trim());
    }
    for (const [abbreviation, count] of firsts) expect(count, abbreviation).toBe(1);
  });

  it('turns every chart into its text alternative, which points to the table right before it', async () => {
    const r = await rendered;
    const charts = [...blocks(r.doc.sections)].flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(r.txt).toContain(chart.description);
      const at = r.txt.indexOf(chart.description);
      // The table's lines stand before it and hold every value of the chart, in words.
      const before = r.txt.slice(0, at);
      for (const s of chart.series) for (const p of s.points) expect(before).toContain(p.spoken);
    }
  });

  it('is NFC with LF line ends, one newline at the end, and deterministic', async () => {
    const r = await rendered;
    expect(r.txt.normalize('NFC')).toBe(r.txt);
    expect(r.txt).not.toContain('\r');
    expect(r.txt.endsWith('\n')).toBe(true);
    expect(r.txt.endsWith('\n\n')).toBe(false);
    expect((await render(report, PLAIN)).txt).toBe(r.txt);
    expect(r.artifacts.map((a) => [a.path, a.mediaType])).toEqual([['rapport.txt', 'text/plain; charset=utf-8']]);
  });
});
