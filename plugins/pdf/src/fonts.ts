// The embedded fonts: DejaVu Sans (regular, bold, oblique) from the dejavu-fonts-ttf
// package, parsed once per process with fontkit and shared by every document. pdfkit
// re-reads a font given as a path for every font switch; a parsed font object is not re-read.
// Simple words are laid out by simple-shaping.ts in front of fontkit's OpenType engine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import { useSimpleShaping, type ShapableFont } from './simple-shaping.js';

/** The font styles the renderer uses. */
export type FontKey = 'regular' | 'bold' | 'italic';

const FILES: Record<FontKey, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

let cache: Record<FontKey, Font> | undefined;
const layouts = new Map<FontKey, Record<string, unknown>>();
const LAYOUTS_LIMIT = 100_000;
let checks = 0;

/** The folder of the DejaVu TTF files. */
export function fontFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** The parsed fonts, loaded on first use and kept for the life of the process. */
export function loadFonts(): Record<FontKey, Font> {
  if (!cache) {
    const folder = fontFolder();
    const load = (file: string) => {
      const font = create(readFileSync(join(folder, file)));
      keepCharacters(font as unknown as GlyphSource);
      // Words without ligatures or marks skip fontkit's OpenType engine (same layout, far less time).
      useSimpleShaping(font as unknown as ShapableFont);
      return font;
    };
    cache = { regular: load(FILES.regular), bold: load(FILES.bold), italic: load(FILES.italic) };
  }
  return cache;
}

/** The part of a fontkit font that makes glyph objects. */
interface GlyphSource {
  getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null;
}

/**
 * fontkit keeps one glyph object per glyph id and records its characters only when it first
 * makes it. Encoding a document's subset makes the glyphs a composite glyph is built from
 * without characters (the W of a Ẅ), and the fonts are shared by every document of the
 * process: a later document drawing that W would map it to no text in its ToUnicode map, and
 * differ from the same report built alone. A glyph without characters takes those it is
 * next asked for with, as in a font just parsed.
 */
function keepCharacters(font: GlyphSource): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, characters = []) => {
    const glyph = getGlyph(id, characters);
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters;
    return glyph;
  };
}

/** The characters of `text` that `font` has no glyph for (white space aside), each once. */
export function missingGlyphs(font: Font, text: string): string[] {
  let known = hasGlyph.get(font);
  if (!known) {
    known = new Map();
    hasGlyph.set(font, known);
  }
  let out: Set<string> | undefined;
  // By code point, as `for (const ch of text)` goes, without a string per character.
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (cp > 0x20) {
      // fontkit looks a code point up in the cmap table on every call: remember the answer.
      let has = known.get(cp);
      if (has === undefined) {
        has = font.hasGlyphForCodePoint(cp);
        known.set(cp, has);
      }
      if (!has) (out ??= new Set()).add(text.slice(i, i + n));
    }
    i += n;
  }
  return out ? [...out] : [];
}

/** Whether a font has a glyph, by code point, per font. */
const hasGlyph = new WeakMap<Font, Map<number, boolean>>();

/**
 * pdfkit's per-word glyph layout cache for a font, shared by every document of the process.
 * A word's layout depends only on the font, and laying words out is most of the render time.
 */
export function sharedLayoutCache(key: FontKey): Record<string, unknown> {
  let layout = layouts.get(key);
  // Counting the words is not free: the size is checked every 50th document.
  if (!layout || ((checks = (checks + 1) % 50) === 0 && Object.keys(layout).length > LAYOUTS_LIMIT)) {
    layout = Object.create(null) as Record<string, unknown>;
    layouts.set(key, layout);
  }
  return layout;
}
