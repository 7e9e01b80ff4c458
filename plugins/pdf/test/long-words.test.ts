// Pathological text in the PDF writer: a word wider than its column is broken between
// characters into lines no wider than the column, keeping every character in order, and
// the work grows linearly with the word (each character measured once, not every prefix).
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../src/fonts.js';
import { createPdfDoc } from '../src/pdfkit-api.js';
import { Writer } from '../src/writer.js';

function writer(): Writer {
  const fonts = loadFonts();
  const doc = createPdfDoc({ size: [595, 842], margin: 0, autoFirstPage: false, bufferPages: true, font: null });
  for (const key of ['regular', 'bold', 'italic'] as const) doc.registerFont(key, fonts[key]);
  const w = new Writer(doc, { left: 62, right: 533, top: 78, bottom: 776 }, fonts);
  w.newPage();
  return w;
}

/** A word of `n` letters without a repeating short pattern. */
const word = (n: number) => Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyzåäöMW'[(i * 7919) % 31]).join('');

describe('pdf: long words', () => {
  it('a word wider than the column is broken between characters into lines within the column, every character kept in order', () => {
    const w = writer();
    for (const [n, width] of [[300, 100], [2000, 60], [5000, 471]] as const) {
      const text = word(n);
      const lines = w.wrap([{ text: `Före ${text} efter`, font: 'regular' }], width, 10);
      expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('').replace(/ /g, '')).toBe(`Före${text}efter`);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + 1e-9);
      // Full lines: each broken line but the last of the word is filled to within one character.
      const broken = lines.slice(1, -2);
      for (const l of broken) expect(l.width).toBeGreaterThan(width - 20);
    }
  });

  it('measures a word of 200 000 characters in linear work: at most a few measurements per character', () => {
    const w = writer();
    let calls = 0;
    let chars = 0;
    const measure = w.measure.bind(w);
    w.measure = (text, font, size) => {
      calls++;
      chars += text.length;
      return measure(text, font, size);
    };
    const n = 200_000;
    const lines = w.wrap([{ text: word(n), font: 'regular' }], 471, 10);
    expect(lines.length).toBeGreaterThan(1000);
    // Quadratic work would measure about n²/2 = 2·10¹⁰ characters.
    expect(chars).toBeLessThan(10 * n);
    expect(calls).toBeLessThan(10 * n);
    expect(w.widestWord([{ text: word(n), font: 'regular' }], 10)).toBe(2 * w.width);
  });
});
