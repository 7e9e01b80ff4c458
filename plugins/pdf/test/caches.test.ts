// The writer's caches and fast paths give what the slow path gives, on many strings
// (fast-check): the characters a font lacks, read by code unit with a cache per font.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFonts, missingGlyphs } from '../src/fonts.js';

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
