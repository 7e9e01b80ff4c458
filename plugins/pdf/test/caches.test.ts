// The writer's caches and fast paths give what the slow path gives, on many strings
// (fast-check): the characters a font lacks, read by code unit with a cache per font; lines
// kept by content, against wrapping anew.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFonts, missingGlyphs } from '../src/fonts.js';
import { createPdfDoc } from '../src/pdfkit-api.js';
import { Writer, type LinkTarget, type Run } from '../src/writer.js';

/** Characters of a report and the cases around them: symbols, CJK, astral characters and lone surrogates. */
const unit = fc.constantFrom(...'aåÄö 0−●◐✓⚠→\t\n'.split(''), '中', '😀', '𝔸', '\ud800', '\udc00', '\u00ad', '\u0301', ' ');
const texts = fc.array(unit, { maxLength: 16 }).map((parts) => parts.join(''));

describe('pdf: the characters a font has no glyph for', () => {
  it('are those found by going through the text code point by code point, each once, on many strings', () => {
    const fonts = loadFonts();
    fc.assert(
      fc.property(texts, fc.constantFrom('regular', 'bold', 'italic' as const), (text, key) => {
        const font = fonts[key];
        const expected = new Set<string>();
        for (const ch of text) if (ch.codePointAt(0)! > 0x20 && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) expected.add(ch);
        expect(missingGlyphs(font, text)).toEqual([...expected]);
      }),
      { numRuns: 2000 },
    );
    expect(missingGlyphs(fonts.regular, 'a中b😀中 中')).toEqual(['中']);
  });
});

function writer(language = 'sv-SE'): Writer {
  const fonts = loadFonts();
  const doc = createPdfDoc({ size: [595, 842], margin: 0, autoFirstPage: false, bufferPages: true, font: null });
  for (const key of ['regular', 'bold', 'italic'] as const) doc.registerFont(key, fonts[key]);
  return new Writer(doc, { left: 62, right: 533, top: 78, bottom: 776 }, fonts, language);
}

/** Runs as inline text makes them: words and spaces in three fonts, colours, links (some shared by two runs), symbols and abbreviations. */
const runsOf = fc
  .array(
    fc.record({
      words: fc.array(fc.constantFrom('Kommunstyrelsen', 'mål', 'och', '30 210', 'tkr', '●', 'energieffektiviseringsprogrammet', 'a', ' ', '  ', '\n', 'SKR', 'x'), { minLength: 1, maxLength: 12 }),
      font: fc.constantFrom('regular', 'bold', 'italic' as const),
      colour: fc.constantFrom(undefined, '#1a1a1a', '#0b3d6b'),
      link: fc.constantFrom(undefined, 0, 1),
      artifact: fc.constantFrom(undefined, false, true),
      expansion: fc.constantFrom(undefined, 'Sveriges Kommuner och Regioner'),
      actual: fc.constantFrom(undefined, 'uppnått', ''),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs) => {
    const links: LinkTarget[] = [{ url: 'https://a.se', contents: 'a' }, { url: 'https://a.se', contents: 'a' }];
    return specs.map(
      (r): Run => ({
        text: r.words.join(''),
        font: r.font,
        ...(r.colour ? { colour: r.colour } : {}),
        ...(r.link !== undefined ? { link: links[r.link]! } : {}),
        ...(r.artifact !== undefined ? { artifact: r.artifact } : {}),
        ...(r.expansion ? { expansion: r.expansion } : {}),
        ...(r.actual !== undefined ? { actual: r.actual } : {}),
      }),
    );
  });

/** The same runs with new link objects (as a second document makes them). */
const relinked = (runs: readonly Run[]): Run[] => {
  const copies = new Map<LinkTarget, LinkTarget>();
  return runs.map((r) => (r.link ? { ...r, link: copies.get(r.link) ?? copies.set(r.link, { ...r.link }).get(r.link)! } : { ...r }));
};

describe('pdf: wrapped lines kept by content', () => {
  it('equal the lines wrapped anew, pieces made from the runs given (their links), on many runs, widths and sizes', () => {
    const w = writer();
    const fresh = (runs: readonly Run[], width: number, size: number) => (w as any).wrapRuns(runs, width, size, []);
    fc.assert(
      fc.property(runsOf, fc.constantFrom(40, 120.5, 471), fc.constantFrom(8, 10, 10.5), (runs, width, size) => {
        const first = w.wrap(runs, width, size);
        expect(first).toEqual(fresh(runs, width, size));
        const again = relinked(runs);
        const second = w.wrap(again, width, size);
        expect(second).toEqual(fresh(again, width, size));
        // Links are those of the runs given, not of the runs first wrapped.
        const links = new Set(again.map((r) => r.link).filter(Boolean));
        for (const line of second) for (const piece of line.pieces) if (piece.link) expect(links.has(piece.link)).toBe(true);
        // The pieces are new objects: a caller changing them changes no later result.
        if (second[0]) expect(second[0]).not.toBe(first[0]);
      }),
      { numRuns: 1500 },
    );
  });

  it('tell runs apart that differ only in style, link or where a text ends', () => {
    const w = writer();
    const a: LinkTarget = { url: 'https://a.se', contents: 'a' };
    const b: LinkTarget = { url: 'https://a.se', contents: 'a' };
    const cases: Run[][] = [
      [{ text: 'ett två', font: 'regular', link: a }, { text: ' tre', font: 'regular', link: a }],
      [{ text: 'ett två', font: 'regular', link: a }, { text: ' tre', font: 'regular', link: b }],
      [{ text: 'ett två', font: 'regular' }, { text: ' tre', font: 'regular', artifact: false }],
      [{ text: 'ett två', font: 'regular' }, { text: ' tre', font: 'regular' }],
      [{ text: 'ett', font: 'regular' }, { text: 'två tre', font: 'regular' }],
      [{ text: 'ett två', font: 'regular', colour: '#000000' }, { text: ' tre', font: 'regular' }],
    ];
    const results = cases.map((runs) => w.wrap(runs, 400, 10));
    cases.forEach((runs, i) => expect(results[i]).toEqual((w as any).wrapRuns(runs, 400, 10, [])));
    expect(results.map((lines) => lines[0]!.pieces.length)).toEqual([1, 2, 2, 1, 1, 2]);
  });
});
