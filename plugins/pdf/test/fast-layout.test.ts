// The fast text layout gives exactly what pdfkit and fontkit give: simple-shaping.ts against
// fontkit's OpenType engine for every word of both examples, every pair of their characters
// and the cases that need shaping (ligatures, combining marks, fractions); fast-layout.ts
// against pdfkit's own EmbeddedFont.layout for whole strings; text-run.ts against doc.text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontFolder } from '../src/fonts.js';
import { simpleLayout, useSimpleShaping, type ShapableFont } from '../src/simple-shaping.js';
import { useFastLayout, useSubsetCache, type EmbeddedFontInternals } from '../src/fast-layout.js';
import { drawTextRun } from '../src/text-run.js';
import { ROOT } from './render.js';

const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'];
const text = ['examples/eskilstuna-ks-2022-delar2/rapport.yaml', 'examples/solberga-son-2024-delar/rapport.yaml'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
const words = [...new Set(text.split(/[ \t\n]+/).filter(Boolean).flatMap((w) => [w, `${w} `]))];
const chars = [...new Set(text)].filter((c) => c >= ' ');
const pairs = chars.flatMap((a) => chars.map((b) => a + b));
const SHAPED = ['fi', 'fl', 'ffi', 'effektiv', 'i\u0301', 'i\u0308x', 'a\u030a', 'ij', 'ĳ', '1⁄2', 'x\u00adx', 'AVAT', 'Tå', 'Vä'];

/** A fresh fontkit font (so the fast path is not in front of it). */
const fontkit = (file: string) => create(readFileSync(join(fontFolder(), file))) as unknown as ShapableFont & { layout(t: string, ...rest: unknown[]): any };

/** Glyph ids, positions and width of a run, for comparing. */
const shape = (run: any) => ({ ids: run.glyphs.map((g: { id: number }) => g.id), positions: run.positions.map((p: object) => ({ ...p })), width: run.advanceWidth });

describe('pdf: simple shaping lays words out as fontkit does', () => {
  for (const file of FILES) {
    it(`${file}: every word and character pair of the examples, and words that need shaping`, () => {
      const reference = fontkit(file);
      const plans = new Map();
      let fast = 0;
      for (const input of [...words, ...pairs, ...SHAPED]) {
        const run = simpleLayout(reference, plans, input);
        if (!run) continue;
        fast++;
        const expected: { glyphs: unknown[] } = reference.layout(input) as never;
        expect(shape(run), input).toEqual(shape(expected));
        expect(run.glyphs.every((g, i) => g === expected.glyphs[i])).toBe(true);
      }
      // Most words take the fast path; the example's words alone are over 90 %.
      expect(fast).toBeGreaterThan(0.9 * (words.length + pairs.length));
    });
  }

  it('words that need more shaping go to fontkit: combining marks, the soft hyphen, fractions', () => {
    const font = fontkit(FILES[0]!);
    const plans = new Map();
    for (const input of ['i\u0301', 'a\u030a', 'x\u00adx', '1⁄2']) expect(simpleLayout(font, plans, input), input).toBeUndefined();
    expect(simpleLayout(font, plans, 'Kommunstyrelsen')).toBeDefined();
  });

  it('ligatures are formed as fontkit forms them (fi, ff, ffi), with the characters they stand for', () => {
    const font = fontkit(FILES[0]!);
    const reference = fontkit(FILES[0]!);
    const plans = new Map();
    for (const input of ['fi', 'effektiv', 'affärsskola', 'ffi', 'fl ']) {
      const run = simpleLayout(font, plans, input)!;
      expect(run, input).toBeDefined();
      const expected: { glyphs: { id: number; codePoints: number[] }[] } = reference.layout(input) as never;
      expect(run.glyphs.length, input).toBeLessThan([...input].length);
      expect(run.glyphs.map((g) => g.id)).toEqual(expected.glyphs.map((g) => g.id));
      expect(run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('')).toBe(input);
    }
  });

  it('useSimpleShaping keeps the result of layout and passes calls with features to fontkit', () => {
    const plain = fontkit(FILES[0]!);
    const fast = fontkit(FILES[0]!);
    useSimpleShaping(fast);
    for (const input of ['Näringsliv och arbete ', 'effektiv', 'AVAT 2022']) expect(shape(fast.layout(input))).toEqual(shape(plain.layout(input)));
    expect(shape((fast.layout as any)('fi', ['liga']))).toEqual(shape((plain.layout as any)('fi', ['liga'])));
  });
});

describe('pdf: fast layout of whole strings equals pdfkit layout', () => {
  it('same glyphs, positions and width as EmbeddedFont.layout, and the second call is served from the cache', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont('a', readFileSync(join(fontFolder(), FILES[0]!)));
    doc.registerFont('b', readFileSync(join(fontFolder(), FILES[0]!)));
    const pdfkitFont = (doc.font('a') as any)._font as EmbeddedFontInternals;
    const fastFont = (doc.font('b') as any)._font as EmbeddedFontInternals;
    useFastLayout(fastFont, 'fast-layout-test');
    for (const input of ['', 'ett', 'Ett tiotal företag har gått energitrappan', 'tab\tseparerad  text ', 'effektiv styrning ']) {
      const mine = fastFont.layout(input);
      const theirs = pdfkitFont.layout(input);
      expect(shape(mine), input).toEqual(shape(theirs));
      expect(fastFont.layout(input, undefined, true).advanceWidth).toBe(theirs.advanceWidth);
    }
    expect(fastFont.layout('Ett tiotal företag')).toBe(fastFont.layout('Ett tiotal företag'));
  });
});

describe('pdf: a text run is drawn with the bytes pdfkit writes', () => {
  /** A whole uncompressed PDF with a few runs drawn by `draw`. */
  const pdf = async (draw: (doc: any, text: string, x: number, y: number) => void): Promise<string> => {
    const doc: any = new PDFDocument({ size: 'A4', margin: 0, compress: false, info: { CreationDate: new Date(0) } });
    doc.registerFont('regular', readFileSync(join(fontFolder(), FILES[0]!)));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.font('regular').fontSize(10.5).fillColor('#1a1a1a');
    for (const [i, text] of ['Näringsliv och arbete', 'AVAT Tå Vä', 'effektiv', '', '30 210 tkr', 'Cafe\u0301 a\u030a x\u0308y'].entries()) draw(doc, text, 62 + i, 80 + 20 * i);
    doc.end();
    await done;
    return Buffer.concat(chunks).toString('latin1');
  };

  it('same file as doc.text(text, x, y, { lineBreak: false }), and the same cursor after it', async () => {
    const cursors: number[][] = [];
    const theirs = await pdf((doc, text, x, y) => {
      doc.text(text, x, y, { lineBreak: false });
      cursors.push([doc.x, doc.y]);
    });
    const mine = await pdf((doc, text, x, y) => {
      drawTextRun(doc, text, x, y);
      cursors.push([doc.x, doc.y]);
    });
    expect(mine).toBe(theirs);
    expect(mine).toContain('] TJ');
    expect(cursors.slice(6)).toEqual(cursors.slice(0, 6));
    // Combining marks are placed off their origin: a text matrix of their own and one back,
    // besides the one text matrix of each of the five runs that are not empty.
    expect(mine.match(/ Tm\n/g)!.length).toBeGreaterThanOrEqual(5 + 2);
  });

  it('with layouts kept per font and text (fast-layout.ts), each text drawn twice gives the same file as doc.text', async () => {
    const twice = (drawOne: (doc: any, text: string, x: number, y: number) => void) => (doc: any, text: string, x: number, y: number) => {
      drawOne(doc, text, x, y);
      drawOne(doc, text, x + 100, y + 7);
    };
    const theirs = await pdf(twice((doc, text, x, y) => doc.text(text, x, y, { lineBreak: false })));
    const fast = new WeakSet();
    const mine = await pdf(
      twice((doc, text, x, y) => {
        if (!fast.has(doc._font)) useFastLayout(doc._font, 'text-run-test');
        fast.add(doc._font);
        drawTextRun(doc, text, x, y);
      }),
    );
    expect(mine).toBe(theirs);
  });

  it('documents drawing the same texts in other orders (their subsets number the glyphs otherwise) each get the file doc.text gives', async () => {
    const texts = ['Näringsliv och arbete', 'AVAT Tå Vä', 'effektiv', '30 210 tkr', 'Ödeshög'];
    const orders = [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [0, 1, 2, 3, 4], [2, 0, 4, 1, 3]];
    const file = async (order: number[], mine: boolean) =>
      pdf((doc, _text, x, y) => {
        const text = texts[order[x - 62] ?? 0]!;
        if (!mine) doc.text(text, x, y, { lineBreak: false });
        else {
          // One layout cache for all documents, as in a batch.
          if (!doc._font.fastLayout) useFastLayout(doc._font, 'text-run-orders-test');
          doc._font.fastLayout = true;
          drawTextRun(doc, text, x, y);
        }
      });
    for (const order of orders) expect(await file(order, true)).toBe(await file(order, false));
  });

  it('with a colour, the same file as fillColor(colour) and then doc.text, in every form of colour', async () => {
    // Six runs per file (one of them empty); two files each way, so most colours come twice.
    const colours = ['#1a1a1a', '#0B4F8A', '#ffffff', 'red', '#000000', '#b35900', '#abc', '#1A1A1A', 'blue', '#fff'];
    const fills: unknown[] = [];
    let n = 0;
    const file = (mine: boolean, first: number) => {
      n = first;
      return pdf((doc, text, x, y) => {
        const colour = colours[n++ % colours.length]!;
        if (mine) drawTextRun(doc, text, x, y, colour);
        else doc.fillColor(colour).text(text, x, y, { lineBreak: false });
        fills.push(doc._fillColor);
      });
    };
    const theirs = (await file(false, 0)) + (await file(false, 6));
    const mine = (await file(true, 0)) + (await file(true, 6));
    expect(mine).toBe(theirs);
    expect(mine).toContain('0.10196078431372549 0.10196078431372549 0.10196078431372549 scn');
    expect(fills.slice(12)).toEqual(fills.slice(0, 12));
  });
});

describe('pdf: font subsets are encoded once per glyph list', () => {
  it('a second subset with the same glyphs gets the first bytes without encoding; other glyphs are encoded', () => {
    let calls = 0;
    const make = (glyphs: number[]) => ({ glyphs, encode: () => new Uint8Array([++calls, ...glyphs]) });
    const a = make([0, 5, 9]);
    const b = make([0, 5, 9]);
    const c = make([0, 9, 5]);
    for (const s of [a, b, c]) useSubsetCache(s, 'subset-test');
    const first = a.encode();
    expect(b.encode()).toBe(first);
    expect(calls).toBe(1);
    expect([...c.encode()]).toEqual([2, 0, 9, 5]);
  });
});
