// Swedish hyphenation of long words in narrow table columns: a generated report whose
// table has seven columns and row headers of long compounds. The words break only at
// points of the Swedish patterns, with a hyphen drawn at the break; no text crosses its
// cell; and the text extracted by pdftotext (poppler) still holds every word whole,
// because a broken word's first piece carries the word as ActualText and its later pieces
// an empty one.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderContext } from '@kommunrapport/core';
import type { PdfOptions } from '../src/index.js';
import { hyphenPoints } from '../src/hyphenate.js';
import { renderPdf } from '../src/render.js';
import type { LayoutRecord } from '../src/writer.js';
import { ARTIFACTS, ROOT, context, load } from './render.js';
import { requireTools, run } from './tools.js';

const WORDS = ['verksamhetsuppföljningsrapporten', 'socialförvaltningens', 'investeringsredovisning'] as const;
/** The words as a Swedish dictionary hyphenates them (Svenska Akademiens ordlista's syllables). */
const DICTIONARY: Record<(typeof WORDS)[number], string> = {
  verksamhetsuppföljningsrapporten: 'verk-sam-hets-upp-följ-nings-rap-por-ten',
  socialförvaltningens: 'so-ci-al-för-valt-ning-ens',
  investeringsredovisning: 'in-ve-ste-rings-re-do-vis-ning',
};
const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** The minimal report with a table of seven narrow columns whose headers and row headers are long compounds. */
function narrowReport(): string {
  const base = readFileSync(join(ROOT, 'packages/model/test/fixtures/valid/minimal.yaml'), 'utf8');
  const columns = Array.from({ length: 7 }, (_, i) => `        - { key: k${i}, label: ${cap(WORDS[i % 3]!)} ${i + 1}, kind: outcome, year: 2022 }`);
  const labels = [`${cap(WORDS[1])} ${WORDS[0]}`, cap(WORDS[2]), `${WORDS[1]} ${WORDS[2]}`, 'Övrigt'];
  const rows = labels.map((label, r) => `        - { id: r${r}, label: ${label}, kind: item, values: { ${Array.from({ length: 7 }, (_, i) => `k${i}: ${100 * (r + 1) + i}`).join(', ')} } }`);
  const section = [
    '  - id: smala-kolumner',
    '    type: table',
    '    title: Smala kolumner',
    '    table:',
    '      id: smala',
    `      title: ${cap(WORDS[0])} per område`,
    '      unit: tkr',
    '      decimals: 0',
    `      rowHeader: ${cap(WORDS[2])}`,
    '      columns:',
    ...columns,
    '      rows:',
    ...rows,
  ].join('\n');
  return base.replace('sections:\n', `sections:\n${section}\n`);
}

describe('hyphenPoints (hyphen 1.14.1, Swedish patterns)', () => {
  it('breaks the long compounds only where the dictionary does, two letters before and three after at least', () => {
    for (const word of WORDS) {
      const points = hyphenPoints(word, 'sv-SE');
      let shown: string = word;
      for (const p of [...points].reverse()) shown = `${shown.slice(0, p)}-${shown.slice(p)}`;
      expect(shown).toBe(DICTIONARY[word]);
    }
    // Punctuation stays with the word; offsets count it.
    expect(hyphenPoints('(socialförvaltningens),', 'sv-SE')).toEqual(hyphenPoints('socialförvaltningens', 'sv-SE').map((p) => p + 1));
  });

  it('never breaks numbers, abbreviations in capitals, short words or words of languages without patterns', () => {
    for (const token of ['KLK:s', 'SKR', '2022', '1 266,8', 'år', 'ekonomi2', 'Ukraina-kriget']) expect(hyphenPoints(token, 'sv-SE'), token).toEqual([]);
    expect(hyphenPoints(WORDS[1], 'fi')).toEqual([]);
  });
});

describe('a report with long compounds in narrow table columns', () => {
  let bytes: Uint8Array;
  let records: readonly LayoutRecord[] = [];
  let file: string;
  beforeAll(async () => {
    const report = load(join(ARTIFACTS, 'narrow-columns.yaml'), narrowReport());
    const { ctx } = context(report);
    bytes = await renderPdf(ctx.document, ctx as RenderContext<PdfOptions, never>, (r) => {
      records = r;
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    file = join(ARTIFACTS, 'narrow-columns.pdf');
    writeFileSync(file, bytes);
  }, 60_000);

  it('breaks the words at valid points with a hyphen drawn, and no text crosses its cell', async () => {
    const head = records.find((r) => r.kind === 'head' && r.columns?.length === 8)!;
    expect(head).toBeDefined();
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true }).promise;
    const page = await pdf.getPage(head.page + 1);
    const items = ((await page.getTextContent()).items as { str: string; transform: number[]; width: number }[]).filter((i) => i.str.trim());
    // The text column of an A4 page starts 62 pt from the edge and is 471 pt wide (render.ts).
    const left = 62;
    const edges = [...head.columns!.map((c) => left + c), left + 471];
    // Everything below the caption (which spans the table) down to the last row.
    const caption = items.find((i) => i.str.startsWith(`${cap(WORDS[0])} per`))!;
    const last = items.find((i) => i.str.startsWith('Övrigt'))!;
    const inTable = items.filter((i) => i.transform[5]! < caption.transform[5]! - 1 && i.transform[5]! >= last.transform[5]! - 1);
    expect(inTable.length).toBeGreaterThan(40);
    // Pieces drawn with a hyphen: each ends where the dictionary allows a break.
    const pieces = items.map((i) => i.str).filter((s) => /\p{L}-$/u.test(s));
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      const words = piece.slice(0, -1).split(' ');
      const stem = words[words.length - 1]!.toLowerCase();
      const ok = WORDS.some((w) => {
        // The piece is a part of the word that ends at one of the dictionary's breaks.
        const breaks = DICTIONARY[w].split('-').map((_, k, all) => all.slice(0, k + 1).join('').length);
        return breaks.some((b) => b < w.length && w.slice(0, b).endsWith(stem) && w.includes(stem));
      });
      expect(ok, piece).toBe(true);
    }
    // Every piece of text lies inside one column: it does not cross a column edge.
    for (const item of inTable) {
      const x0 = item.transform[4]!;
      const x1 = x0 + item.width;
      const column = edges.findIndex((e, k) => k < edges.length - 1 && x0 >= e - 0.5 && x0 < edges[k + 1]!);
      expect(column, item.str).toBeGreaterThanOrEqual(0);
      expect(x1, `${item.str} crosses into the next column`).toBeLessThanOrEqual(edges[column + 1]! + 0.5);
    }
  });

  it('pdftotext extracts every broken word whole, and no piece with its hyphen', () => {
    requireTools(['pdftotext']);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const folded = text.toLowerCase();
    for (const w of WORDS) {
      // In the caption or row header and in every column header of the word (7 columns: 3, 2, 2).
      expect(folded.split(w).length - 1, w).toBeGreaterThanOrEqual(3);
    }
    for (const w of WORDS) for (const part of DICTIONARY[w].split('-').slice(0, -1)) expect(folded, `${w}: "${part}-" at a line end`).not.toMatch(new RegExp(`${part}-\\n`, 'u'));
  });

  it('is deterministic', async () => {
    const report = load(join(ARTIFACTS, 'narrow-columns.yaml'), narrowReport());
    const { ctx } = context(report);
    const again = await renderPdf(ctx.document, ctx as RenderContext<PdfOptions, never>);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
