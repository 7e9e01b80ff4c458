// Faster text layout for pdfkit's embedded fonts, with the same result. pdfkit lays a string
// out word by word, concatenating arrays for every word, and does it twice for every string
// it draws (once for the width, once for the glyphs); measuring line breaks does it again.
// Here the layout of a whole string is kept, per font, for the life of the process, and the
// words of a new string are joined without repeated concatenation. A font subset already
// encoded for the same glyphs is reused. Text with a word longer than LONG_WORD (a broken
// run of pathological length) is laid out without being cached, so memory stays linear.

/** A laid-out string as pdfkit's EmbeddedFont.layout returns it. */
export interface LaidOut {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** The part of pdfkit's EmbeddedFont (internal) this module replaces and uses. */
export interface EmbeddedFontInternals {
  layout(text: string, features?: unknown, onlyWidth?: boolean): LaidOut;
  layoutCached(text: string): { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
  layoutRun(text: string, features?: unknown): LaidOut;
}

const LIMIT = 50_000;
/**
 * Words longer than this are laid out each time, not cached: words of a report's language
 * are far shorter, and caching the glyphs of every piece of a broken run of megabytes would
 * hold about 100 bytes per character for the life of the process.
 */
export const LONG_WORD = 64;

/** Whole-string layouts per cache key (one per font), shared by every document of the process. */
const strings = new Map<string, Map<string, LaidOut>>();

/** The whole-string layout cache for `key` (emptied when it grows past a limit, so memory stays bounded). */
function cacheFor(key: string): Map<string, LaidOut> {
  let cache = strings.get(key);
  if (!cache || cache.size >= LIMIT) {
    cache = new Map();
    strings.set(key, cache);
  }
  return cache;
}

/** Splits `text` after every space or tab, as pdfkit does: each piece is a word with its trailing blank. */
function words(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      out.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** An embedded font laying out through the cache shared under its `_fastLayoutKey`. */
interface FastFont extends EmbeddedFontInternals {
  _fastLayoutKey: string;
}

/**
 * The replacement of the font's layout: a module-level function working on `this`, not a
 * closure made per font and document, so that V8 keeps its optimised code through a batch.
 */
function layout(this: FastFont, text: string, features?: unknown, onlyWidth?: boolean): LaidOut {
  if (features) return this.layoutRun(text, features);
  const cache = cacheFor(this._fastLayoutKey);
  const known = cache.get(text);
  if (known) return known;
  const glyphs: unknown[] = [];
  const positions: unknown[] = [];
  let advanceWidth = 0;
  let long = false;
  for (const word of words(text)) {
    const isLong = word.length > LONG_WORD;
    long ||= isLong;
    const r = isLong ? (this.layoutRun(word) as { glyphs: unknown[]; positions: unknown[]; advanceWidth: number }) : this.layoutCached(word);
    for (let i = 0; i < r.glyphs.length; i++) {
      glyphs.push(r.glyphs[i]);
      positions.push(r.positions[i]);
    }
    advanceWidth += r.advanceWidth;
  }
  const laidOut: LaidOut = { glyphs, positions, advanceWidth };
  if (!long) cache.set(text, laidOut);
  return onlyWidth ? { glyphs: null, positions: null, advanceWidth } : laidOut;
}

/**
 * Makes `font` (a pdfkit EmbeddedFont) lay out strings through a cache shared under `key`.
 * Callers get the cached arrays: pdfkit only reads them when no word spacing is set, which
 * this renderer never sets.
 */
export function useFastLayout(font: EmbeddedFontInternals, key: string): void {
  const fast = font as FastFont;
  fast._fastLayoutKey = key;
  fast.layout = layout;
}

/** The part of fontkit's font subset (internal) that pdfkit embeds. */
export interface SubsetInternals {
  glyphs: number[];
  encode(): Uint8Array;
}

/** Encoded font subsets by font and glyph list, shared by every document of the process. */
const subsets = new Map<string, Uint8Array>();
const SUBSETS_LIMIT = 64;

/**
 * Makes `subset` (the embedded font's subset) reuse the bytes of an earlier document whose
 * text used the same glyphs in the same order (reports built in a batch mostly do): encoding
 * a subset is the same work each time and gives the same bytes.
 */
export function useSubsetCache(subset: SubsetInternals, key: string): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const id = `${key}:${subset.glyphs.join(',')}`;
    let bytes = subsets.get(id);
    if (!bytes) {
      bytes = encode();
      if (subsets.size >= SUBSETS_LIMIT) subsets.clear();
      subsets.set(id, bytes);
    }
    return bytes;
  };
}
