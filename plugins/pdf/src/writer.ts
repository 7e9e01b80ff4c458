// The page writer: a cursor on the current page, line breaking with measured widths, and
// drawing that is always inside marked content: tagged with an MCID for a structure
// element, or an artifact. Nothing is painted outside one of the two.
import type { Font } from 'fontkit';
import type { FontKey } from './fonts.js';
import { LONG_WORD, useFastLayout, useSubsetCache, type EmbeddedFontInternals, type SubsetInternals } from './fast-layout.js';
import { missingGlyphs, sharedLayoutCache } from './fonts.js';
import { drawTextRun, type TextRunDoc } from './text-run.js';
import { HYPHEN, hyphenPoints } from './hyphenate.js';
import { markArtifact, markStructureContent, type MarkingDoc } from './marked-content.js';
import type { MarkedContent, PdfDoc, StructElement } from './pdfkit-api.js';

/** A link target inside running text: one per link of the source, shared by its pieces. */
export interface LinkTarget {
  url: string;
  /** A named destination inside the document (a note's heading): the link goes there instead of to `url`. */
  dest?: string;
  /** The annotation's description (/Contents): the link's text. */
  contents: string;
  /** A reference to content elsewhere in the document (a note): the Link stands inside a `Reference` element. */
  reference?: boolean;
}

/** A run of text in one style. */
export interface Run {
  text: string;
  font: FontKey;
  colour?: string;
  link?: LinkTarget;
  /** Decoration that repeats what the words say (a status symbol): drawn as an artifact. */
  artifact?: boolean;
  /** What an abbreviation stands for: written as the /E of a Span around it. */
  expansion?: string;
  /** The words a symbol stands for: written as the /ActualText of a Span around it. */
  actual?: string;
  /** The language of text in another language than the document's: written as the /Lang of a Span around it. */
  lang?: string;
}

/** A run placed on a line. */
export interface Piece extends Run {
  x: number;
  width: number;
}

/** A laid-out line. */
export interface Line {
  pieces: Piece[];
  width: number;
}

/** The printable area of a page, in points from the top-left corner. */
export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * One thing placed on a page, in drawing order: what the typesetting rules are checked
 * against (headings kept with what follows, no lone lines, no small table fragments).
 */
export interface LayoutRecord {
  /** Zero-based page index. */
  page: number;
  kind: 'heading' | 'line' | 'caption' | 'head' | 'row';
  /** Serial number of the block (paragraph, table, heading) the record belongs to. */
  block: number;
  /** A table row's emphasis. */
  emphasis?: 'subtotal' | 'total';
  /** A caption drawn again at the top of a continuation page. */
  continued?: boolean;
  /** The text of a heading or caption. */
  text?: string;
  /** A table header row's column edges, from the text column's left edge. */
  columns?: number[];
}

/**
 * Where a block of `count` lines of height `h` breaks, from a cursor with `first` points
 * left on its page and `page` points on each following page: the number of lines on each
 * page, with at least two lines on each side of every break (no orphan, no widow) when
 * the block has more than one line. A first entry of 0 means: start on a new page.
 */
export function splitLines(count: number, h: number, first: number, page: number): number[] {
  const perPage = Math.max(1, Math.floor(page / h + 1e-9));
  const parts: number[] = [];
  let left = count;
  let room = Math.floor(first / h + 1e-9);
  while (left > room) {
    let take = room;
    if (count > 1) {
      if (left - take < 2) take = left - 2;
      if (take < 2) take = 0;
    }
    // A page that holds fewer than two lines anyway takes what it can.
    if (take <= 0 && room === perPage) take = Math.max(1, room);
    parts.push(Math.max(0, take));
    left -= Math.max(0, take);
    room = perPage;
  }
  parts.push(left);
  return parts;
}

const TEXT = '#1a1a1a';

/** Space, tab, line feed, vertical tab, form feed, carriage return: where lines may break. */
function isBreakingSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Text widths at size 1 by font and text, shared by every document of the process (fonts are shared too). */
const WIDTHS = new Map<FontKey, Map<string, number>>();
const WIDTHS_LIMIT = 100_000;

/** A piece of a kept line: the index of the run it was made from, its text and place. */
interface KeptPiece {
  run: number;
  text: string;
  x: number;
  width: number;
}

/** A kept line: its width and pieces. */
interface KeptLine {
  width: number;
  pieces: KeptPiece[];
}

/** Wrapped lines by {@link wrapKey}, shared by every document of the process (the fonts are shared too). */
const WRAPS = new Map<string, KeptLine[]>();
const WRAPS_LIMIT = 10_000;

// Plain loops in the two functions below, not arrows made per call: V8 would compile those
// again after every full collection of a batch.

/** Wrapped lines as kept: each piece with the index of its run (`sources`, in order) instead of its style. */
function keptLines(lines: readonly Line[], sources: readonly number[]): KeptLine[] {
  const kept: KeptLine[] = [];
  let k = 0;
  for (const line of lines) {
    const pieces: KeptPiece[] = [];
    for (const p of line.pieces) pieces.push({ run: sources[k++]!, text: p.text, x: p.x, width: p.width });
    kept.push({ width: line.width, pieces });
  }
  return kept;
}

/** Kept lines with their pieces made anew from `runs`. */
function linesFromKept(kept: readonly KeptLine[], runs: readonly Run[]): Line[] {
  const lines: Line[] = [];
  for (const line of kept) {
    const pieces: Piece[] = [];
    for (const p of line.pieces) pieces.push({ ...runs[p.run]!, text: p.text, x: p.x, width: p.width });
    lines.push({ width: line.width, pieces });
  }
  return lines;
}

/**
 * What the lines of `runs` depend on: width, size, and each run's style and text, with its
 * link as the number of its first run with that link (pieces join only within one link).
 * Texts are written with their lengths, so no text can pass for a separator.
 */
function wrapKey(runs: readonly Run[], width: number, size: number): string {
  let key = `${width}/${size}`;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const link = run.link === undefined ? -1 : runs.findIndex((other) => other.link === run.link);
    key += `|${run.font}/${run.artifact}/${link}/${text(run.colour)}/${text(run.expansion)}/${text(run.actual)}/${text(run.lang)}/${text(run.text)}`;
  }
  return key;
}

/** An optional text written with its length (`-` when there is none). */
function text(value: string | undefined): string {
  return value === undefined ? '-' : `${value.length}:${value}`;
}
const REPLACEMENT = '\u25a1';

/** Writes tagged content onto pages, breaking lines and pages. */
export class Writer {
  /** The cursor: top of the next thing drawn on the current page. */
  y: number;
  /** Number of pages so far; the current page is `pageCount - 1`. */
  pageCount = 0;
  private readonly links = new Map<LinkTarget, { el: StructElement; page: number; wrapper?: StructElement }>();
  /** Characters no font had a glyph for: shown as □ with the real text as ActualText. */
  readonly missing = new Set<string>();
  /** What was placed where, in drawing order. */
  readonly records: LayoutRecord[] = [];
  private blocks = 0;

  constructor(
    readonly doc: PdfDoc,
    readonly frame: Frame,
    readonly fonts: Record<FontKey, Font>,
    /** The document's language (BCP 47), for hyphenation. */
    readonly language = '',
  ) {
    this.y = frame.top;
    for (const key of Object.keys(fonts) as FontKey[]) {
      const embedded = doc.font(key)._font;
      embedded.layoutCache = sharedLayoutCache(key);
      useFastLayout(embedded as unknown as EmbeddedFontInternals, key);
      useSubsetCache((embedded as unknown as { subset: SubsetInternals }).subset, key);
    }
  }

  /** The width of the text column. */
  get width(): number {
    return this.frame.right - this.frame.left;
  }

  /** Starts a new page and puts the cursor at its top. */
  newPage(): void {
    // Link elements end on the page of their annotation, so /Pg of the annotation is right.
    this.endLinks();
    this.doc.addPage();
    this.pageCount++;
    this.y = this.frame.top;
  }

  /** Breaks the page when `height` does not fit below the cursor; true when it broke. */
  ensure(height: number): boolean {
    if (this.y + height <= this.frame.bottom || this.y === this.frame.top) return false;
    this.newPage();
    return true;
  }

  /** A new block serial number for `record`. */
  nextBlock(): number {
    return ++this.blocks;
  }

  /** Notes that something of `kind` was placed on the current page. */
  record(kind: LayoutRecord['kind'], block: number, extra: Omit<LayoutRecord, 'page' | 'kind' | 'block'> = {}): void {
    this.records.push({ page: this.pageCount - 1, kind, block, ...extra });
  }

  /** Line height for a font size. */
  lineHeight(size: number): number {
    return size * 1.4;
  }

  /** Width of `text` in `font` at `size`, cached per font and text. */
  measure(text: string, font: FontKey, size: number): number {
    let widths = WIDTHS.get(font);
    if (!widths || widths.size >= WIDTHS_LIMIT) {
      widths = new Map();
      WIDTHS.set(font, widths);
    }
    let w = widths.get(text);
    if (w === undefined) {
      // Measured on the font object: the document's current font size stays as it is.
      w = this.doc.font(font)._font.widthOfString(text, 1);
      widths.set(text, w);
    }
    return w * size;
  }

  /**
   * True when `text` is certainly wider than `width`: its first characters, measured one by
   * one, already take twice the width (kerning never makes up that much). Looks at no more
   * characters than that, so it is cheap for a word of any length.
   */
  surelyWider(text: string, font: FontKey, size: number, width: number): boolean {
    if (text.length < 64) return false;
    let sum = 0;
    for (let i = 0; i < text.length; ) {
      const n = text.codePointAt(i)! > 0xffff ? 2 : 1;
      sum += this.measure(text.slice(i, i + n), font, size);
      if (sum > 2 * width) return true;
      i += n;
    }
    return false;
  }

  /**
   * Breaks runs into lines no wider than `width`; white space folds to one space. The lines
   * of runs with the same texts and styles (and links in the same places) at the same width
   * and size are kept for the process (a paragraph measured for its keep and then drawn, a
   * caption, a report built again): the pieces are made anew from the runs given.
   */
  wrap(runs: readonly Run[], width: number, size: number): Line[] {
    const key = wrapKey(runs, width, size);
    const known = WRAPS.get(key);
    if (known) return linesFromKept(known, runs);
    const sources: number[] = [];
    const lines = this.wrapRuns(runs, width, size, sources);
    if (sources.length > 0) {
      // Lines with a broken word are not kept (their pieces carry ActualText of their own; they are rare).
      const stored = keptLines(lines, sources);
      if (WRAPS.size >= WRAPS_LIMIT) WRAPS.clear();
      WRAPS.set(key, stored);
    }
    return lines;
  }

  /** {@link wrap} without the cache; `sources` gets the run index of each piece in order, or is emptied when a word was broken. */
  private wrapRuns(runs: readonly Run[], width: number, size: number, sources: number[]): Line[] {
    const lines: Line[] = [];
    let pieces: Piece[] = [];
    let x = 0;
    let pendingSpace: Run | undefined;
    let pendingSource = 0;
    let broken = false;
    const flush = () => {
      if (pieces.length) lines.push({ pieces, width: x });
      pieces = [];
      x = 0;
      pendingSpace = undefined;
    };
    const place = (run: Run, source: number, text: string, w: number) => {
      const last = pieces[pieces.length - 1];
      if (last && last.font === run.font && last.link === run.link && last.colour === run.colour && last.artifact === run.artifact && last.expansion === run.expansion && last.actual === run.actual && last.lang === run.lang) {
        last.text += text;
        last.width += w;
      } else {
        pieces.push({ ...run, text, x, width: w });
        sources.push(source);
      }
      x += w;
    };
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      // Break only at ordinary white space: no-break spaces inside numbers ("30 210") hold.
      const t = run.text;
      let at = 0;
      while (at < t.length) {
        let end = at + 1;
        if (isBreakingSpace(t.charCodeAt(at))) {
          while (end < t.length && isBreakingSpace(t.charCodeAt(end))) end++;
          at = end;
          if (pieces.length) {
            pendingSpace = run;
            pendingSource = r;
          }
          continue;
        }
        while (end < t.length && !isBreakingSpace(t.charCodeAt(end))) end++;
        const token = t.slice(at, end);
        at = end;
        // A long token is measured whole only when it may fit: laying out a word of
        // megabytes to learn that it is wider than the column would take gigabytes.
        const w = this.surelyWider(token, run.font, size, width) ? Number.POSITIVE_INFINITY : this.measure(token, run.font, size);
        const space = pendingSpace ? this.measure(' ', pendingSpace.font, size) : 0;
        if (pieces.length && x + space + w > width) flush();
        if (pendingSpace && pieces.length) place(pendingSpace, pendingSource, ' ', space);
        pendingSpace = undefined;
        if (w <= width || pieces.length) {
          place(run, r, token, w);
          continue;
        }
        broken = true;
        // A word wider than the column: broken at its hyphenation points (a hyphen drawn at
        // each break), else between characters. Its first piece carries the whole word as
        // ActualText and the later pieces an empty one, so the word is extracted and read whole.
        const parts = this.breakWord(token, run, size, width);
        parts.forEach((part, k) => {
          if (k > 0) flush();
          const piece: Run = run.actual === undefined ? { ...run, actual: k === 0 ? token : '' } : run;
          place(piece, r, part, this.measure(part, run.font, size));
        });
      }
    }
    flush();
    if (broken) sources.length = 0;
    return lines;
  }

  /**
   * The lines a word wider than `width` is broken into: at each line the latest
   * hyphenation point whose piece and hyphen fit (the hyphen is part of the piece), else
   * as many characters as fit. Only runs without ActualText of their own are hyphenated.
   */
  breakWord(token: string, run: Run, size: number, width: number): string[] {
    // A run longer than any word of a language (LONG_WORD) is not hyphenated.
    const points = run.actual === undefined && token.length <= LONG_WORD ? hyphenPoints(token, this.language) : [];
    const out: string[] = [];
    let start = 0;
    // Linear in the word: the rest is measured whole only when it may fit (surelyWider looks
    // at about a line of it), points are tried only up to the first that does not fit, and
    // characters are added one by one, each measured once.
    while (start < token.length && (this.surelyWider(token.slice(start), run.font, size, width) || this.measure(token.slice(start), run.font, size) > width)) {
      let end = 0;
      for (const p of points) {
        if (p <= start) continue;
        if (this.measure(token.slice(start, p) + HYPHEN, run.font, size) > width) break;
        end = p;
      }
      if (end > 0) {
        out.push(token.slice(start, end) + HYPHEN);
        start = end;
        continue;
      }
      // No hyphenation point fits: as many characters as fit (at least one).
      let stop = start;
      let sum = 0;
      while (stop < token.length) {
        const n = token.codePointAt(stop)! > 0xffff ? 2 : 1;
        const cw = this.measure(token.slice(stop, stop + n), run.font, size);
        if (stop > start && sum + cw > width) break;
        sum += cw;
        stop += n;
      }
      out.push(token.slice(start, stop));
      start = stop;
    }
    if (start < token.length) out.push(token.slice(start));
    return out;
  }

  /**
   * Width of the narrowest column the word fits when broken once at a hyphenation point
   * (the wider of its two pieces, hyphen included), or its own width when it has none.
   */
  hyphenatedWidth(word: string, font: FontKey, size: number): number {
    let best = this.measure(word, font, size);
    for (const p of hyphenPoints(word, this.language)) best = Math.min(best, Math.max(this.measure(word.slice(0, p) + HYPHEN, font, size), this.measure(word.slice(p), font, size)));
    return best;
  }

  /** Width of the widest word of the runs (the narrowest column they fit without breaking words). */
  widestWord(runs: readonly Run[], size: number): number {
    let max = 0;
    // A word certainly wider than twice the frame counts as that: it is broken either way.
    const cap = 2 * this.width;
    for (const run of runs)
      for (const word of run.text.split(/[ \t\n\r\f\v]+/)) if (word) max = Math.max(max, this.surelyWider(word, run.font, size, cap) ? cap : this.measure(word, run.font, size));
    return max;
  }

  /** Like {@link widestWord}, with each word hyphenated once where that makes it narrower (symbols and other ActualText runs whole). */
  widestHyphenated(runs: readonly Run[], size: number): number {
    let max = 0;
    for (const run of runs)
      for (const word of run.text.split(/[ \t\n\r\f\v]+/))
        if (word) max = Math.max(max, this.surelyWider(word, run.font, size, 2 * this.width) ? 2 * this.width : run.actual === undefined ? this.hyphenatedWidth(word, run.font, size) : this.measure(word, run.font, size));
    return max;
  }

  /** Draws `draw` as marked content of `el` (tag `type`) on the current page. */
  tagged(el: StructElement, type: string, draw: () => void): void {
    const content: MarkedContent = markStructureContent(this.doc as unknown as MarkingDoc, type);
    draw();
    this.doc.endMarkedContent();
    el.add(content);
  }

  /** Draws `draw` as an artifact (page furniture, layout, decoration). */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    markArtifact(this.doc as unknown as MarkingDoc, type);
    draw();
    this.doc.endMarkedContent();
  }

  /** Draws text in one style at a point (inside marked content opened by the caller). */
  text(text: string, font: FontKey, size: number, x: number, y: number, colour = TEXT): void {
    const fontObj = this.fonts[font];
    const missing = missingGlyphs(fontObj, text);
    this.doc.font(font).fontSize(size);
    if (missing.length === 0) {
      drawTextRun(this.doc as unknown as TextRunDoc, text, x, y, colour);
      return;
    }
    this.doc.fillColor(colour);
    for (const ch of missing) this.missing.add(ch);
    // Characters without a glyph are shown as □; ActualText keeps the real text for extraction.
    let cx = x;
    for (const ch of text) {
      const has = !missing.includes(ch);
      const shown = has ? ch : REPLACEMENT;
      const advance = this.measure(shown, font, size);
      if (!has) this.doc.markContent('Span', { actual: ch });
      this.doc.font(font).fontSize(size).fillColor(colour).text(shown, cx, y, { lineBreak: false });
      if (!has) this.doc.endMarkedContent();
      cx += advance;
    }
  }

  /**
   * Draws a line of pieces at `x`, `y`. Plain pieces become content of `owner` (tag `type`),
   * link pieces content of a `Link` element under `owner` with an annotation, artifact pieces artifacts.
   */
  drawLine(line: Line, x: number, y: number, size: number, owner: StructElement, type: string): void {
    let i = 0;
    const h = this.lineHeight(size);
    const dy = (h - size * 1.16) / 2;
    while (i < line.pieces.length) {
      const first = line.pieces[i]!;
      let j = i + 1;
      while (j < line.pieces.length && line.pieces[j]!.link === first.link && !!line.pieces[j]!.artifact === !!first.artifact) j++;
      const group = line.pieces.slice(i, j);
      // Marked as artifact() and tagged() do, without a closure made per group: V8 would
      // compile it again after every full collection of a batch.
      if (first.artifact) {
        markArtifact(this.doc as unknown as MarkingDoc, 'Layout');
        this.drawPieces(group, size, x, y + dy);
        this.doc.endMarkedContent();
      } else {
        const el = first.link ? this.linkElement(first.link, owner) : owner;
        const content: MarkedContent = markStructureContent(this.doc as unknown as MarkingDoc, first.link ? 'Link' : type);
        this.drawPieces(group, size, x, y + dy);
        this.doc.endMarkedContent();
        el.add(content);
        if (first.link) {
          const gx = x + first.x;
          const gw = group.reduce((s, p) => s + p.width, 0);
          this.artifact(() => {
            this.doc.lineWidth(0.6).strokeColor('#0b4f8a').moveTo(gx, y + dy + size * 1.12).lineTo(gx + gw, y + dy + size * 1.12).stroke();
          });
          if (first.link.dest !== undefined) this.doc.annotate(gx, y, gw, h, { Subtype: 'Link', Dest: first.link.dest, Contents: new String(first.link.contents), structParent: el });
          else this.doc.link(gx, y, gw, h, first.link.url, { structParent: el, Contents: new String(first.link.contents) });
        }
      }
      i = j;
    }
  }

  /** Draws the pieces of a line at `x`, `y` (inside marked content opened by the caller), each with its spans. */
  private drawPieces(pieces: readonly Piece[], size: number, x: number, y: number): void {
    for (const p of pieces) {
      if (p.expansion) this.doc.markContent('Span', { expanded: p.expansion });
      // An empty ActualText (the later pieces of a broken word) is a String object: pdfkit skips a falsy one.
      if (p.actual !== undefined) this.doc.markContent('Span', { actual: p.actual === '' ? (new String('') as unknown as string) : p.actual });
      if (p.lang) this.doc.markContent('Span', { lang: p.lang });
      this.text(p.text, p.font, size, x + p.x, y, p.colour ?? (p.link ? '#0b4f8a' : TEXT));
      if (p.lang) this.doc.endMarkedContent();
      if (p.actual !== undefined) this.doc.endMarkedContent();
      if (p.expansion) this.doc.endMarkedContent();
    }
  }

  /** The Link element for a link on the current page, created under `owner` at first use. */
  private linkElement(target: LinkTarget, owner: StructElement): StructElement {
    const page = this.pageCount - 1;
    const known = this.links.get(target);
    if (known && known.page === page) return known.el;
    if (known) {
      known.el.end();
      known.wrapper?.end();
    }
    const el = this.doc.struct('Link');
    // A note reference: Reference > Link, as PDF 1.7 (14.8.4.4) tags a citation of content elsewhere.
    const wrapper = target.reference ? this.doc.struct('Reference') : undefined;
    if (wrapper) {
      owner.add(wrapper);
      wrapper.add(el);
    } else owner.add(el);
    this.links.set(target, { el, page, ...(wrapper ? { wrapper } : {}) });
    return el;
  }

  /** Ends the Link elements (and the Reference elements around them) opened so far (call when their paragraph is done). */
  endLinks(): void {
    for (const { el, wrapper } of this.links.values()) {
      el.end();
      wrapper?.end();
    }
    this.links.clear();
  }

  /**
   * Draws wrapped lines as one structure element's content, breaking pages between lines
   * so that no page holds a single line of a longer paragraph (widows and orphans).
   */
  paragraph(lines: readonly Line[], x: number, size: number, owner: StructElement, type: string, gapAfter: number, kind: LayoutRecord['kind'] = 'line', text?: string, block = this.nextBlock()): void {
    const h = this.lineHeight(size);
    const atTop = this.y === this.frame.top;
    const page = this.frame.bottom - this.frame.top;
    const parts = splitLines(lines.length, h, atTop ? page : this.frame.bottom - this.y, page);
    let at = 0;
    parts.forEach((n, i) => {
      // A part of 0 lines starts the paragraph on the next page; every later part is a new page.
      if (i === 0 ? n === 0 && !atTop : parts[i - 1] !== 0) this.newPage();
      for (const line of lines.slice(at, at + n)) {
        this.drawLine(line, x, this.y, size, owner, type);
        this.record(kind, block, text !== undefined ? { text } : {});
        this.y += h;
      }
      at += n;
    });
    this.endLinks();
    this.y += gapAfter;
  }
}
