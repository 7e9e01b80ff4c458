// Draws one run of text in the current font, size and colour: the same content operators
// (and so the same bytes) that pdfkit's doc.text(text, x, y, { lineBreak: false }) writes
// for left-aligned text without spacing options, without its general path (option merging,
// line splitting, alignment and two more layouts of the string per call), which was about
// a quarter of a PDF's render time.

/** The pdfkit internals one run needs (pdfkit 0.20). */
export interface TextRunDoc {
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  _font: EncodingFont;
  _fontSize: number;
  _textOptions?: unknown;
  _fillColor?: unknown;
  addContent(data: string | Uint8Array): unknown;
  fillColor(colour: string): unknown;
  text(text: string, x: number, y: number, options?: object): unknown;
}

/** A glyph's position after layout, scaled as pdfkit scales it. */
interface ScaledPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The parts of pdfkit's EmbeddedFont (internal) that encoding a run uses. */
interface EncodingFont {
  id: string;
  ascender: number;
  scale: number;
  subset: { includeGlyph(id: number): number; mapping: Record<number, number | undefined> };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  layout(text: string): LaidOut;
}

/** Four hex digits per subset glyph id, made once (pdfkit makes a new string for every glyph drawn). */
const HEX: string[] = [];

/** A glyph of a laid-out text (the fields used here). */
interface LaidOutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** A laid-out text as the font's layout returns it. */
interface LaidOut {
  glyphs: LaidOutGlyph[];
  positions: ScaledPosition[];
  advanceWidth: number;
}

/**
 * The subset glyph id of `glyph` in hex, with pdfkit's bookkeeping for the glyph (its subset
 * entry, width and characters for the ToUnicode map), as pdfkit's EmbeddedFont.encode does it.
 */
function glyphCode(font: EncodingFont, glyph: LaidOutGlyph): string {
  const gid = font.subset.includeGlyph(glyph.id);
  if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
  if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  return (HEX[gid] ??= `0000${gid.toString(16)}`.slice(-4));
}

/**
 * How the glyphs of a laid-out text without offsets are grouped in its TJ array: where each
 * group ends (after a glyph whose advance differs from its width, and at the end) and what
 * follows its hex codes (the difference, as pdfkit writes it). Null for a text with a glyph
 * placed off its origin (a mark), which is drawn the general way.
 */
interface Groups {
  ends: number[];
  tails: string[];
  /** The subset glyph ids of the last drawing and its TJ array: the same again while the document's subset numbers the glyphs so. */
  gids?: number[];
  tj?: string;
}

/**
 * True when the document's subset already holds every glyph under the subset id `gids`
 * records, with its width and characters: drawing the glyphs again would change nothing and
 * write the same hex codes. (Documents built one after another from similar text number
 * their glyphs alike.)
 */
function sameGlyphs(font: EncodingFont, glyphs: readonly LaidOutGlyph[], gids: readonly number[] | undefined): boolean {
  if (gids === undefined) return false;
  const { mapping } = font.subset;
  for (let i = 0; i < glyphs.length; i++) {
    const gid = gids[i]!;
    if (mapping[glyphs[i]!.id] !== gid || font.widths[gid] == null || font.unicode[gid] == null) return false;
  }
  return true;
}

/** The groups of each laid-out text, kept as long as its layout is (fast-layout.ts keeps layouts per font and text). */
const GROUPS = new WeakMap<LaidOut, Groups | null>();

function groupsOf(laidOut: LaidOut): Groups | null {
  let groups = GROUPS.get(laidOut);
  if (groups !== undefined) return groups;
  const { positions } = laidOut;
  groups = { ends: [], tails: [] };
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      groups = null;
      break;
    }
    const advance = pos.xAdvance - pos.advanceWidth;
    if (advance !== 0 || i === positions.length - 1) {
      groups.ends.push(i + 1);
      groups.tails.push(`> ${number(-advance)}`);
    }
  }
  GROUPS.set(laidOut, groups);
  return groups;
}

/** The operators pdfkit's fillColor writes, by colour (a handful per document). */
const FILLS = new Map<string, string>();

/**
 * The operators pdfkit's fillColor writes for a colour `#rrggbb` (the colour space, then
 * the components as JavaScript prints them), or undefined for another form of colour.
 */
export function fillColourOperators(colour: string): string | undefined {
  let ops = FILLS.get(colour);
  if (ops === undefined && /^#[0-9a-f]{6}$/i.test(colour)) {
    const hex = parseInt(colour.slice(1), 16);
    ops = `/DeviceRGB cs\n${[hex >> 16, (hex >> 8) & 0xff, hex & 0xff].map((part) => part / 255).join(' ')} scn`;
    if (FILLS.size >= 256) FILLS.clear();
    FILLS.set(colour, ops);
  }
  return ops;
}

/** A number as pdfkit writes it in content streams (rounded to 6 decimals). */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/**
 * Draws `text` with its top-left corner at `x`, `y` (page coordinates from the top), as pdfkit
 * would; with `colour`, as pdfkit would after `fillColor(colour)`.
 */
export function drawTextRun(doc: TextRunDoc, text: string, x: number, y: number, colour?: string): void {
  const fill = colour === undefined ? undefined : fillColourOperators(colour);
  if (colour !== undefined && fill === undefined) doc.fillColor(colour);
  if (doc._textOptions || text.includes('\n')) {
    // Continued text or several lines: pdfkit's own path.
    if (fill !== undefined) doc.fillColor(colour!);
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  if (fill !== undefined) doc._fillColor = [colour, undefined];
  doc.x = x;
  doc.y = y;
  if (text.length === 0) {
    if (fill !== undefined) doc.addContent(fill);
    return;
  }
  const font = doc._font;
  const size = doc._fontSize;
  const dy = (font.ascender / 1000) * size;
  // pdfkit writes each operator as its own chunk followed by a newline; one chunk with the
  // same lines gives the same bytes with far fewer small buffers. save, transform and
  // restore leave the graphics state as it was, so they are written, not called.
  // The fill colour's operators come first in the same chunk, as fillColor would have written them.
  const ops: string[] = fill === undefined ? [] : [fill];
  ops.push('q', `1 0 0 -1 0 ${number(doc.page.height)} cm`);
  const top = doc.page.height - y - dy;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  ops.push('BT', `1 0 0 1 ${number(x)} ${number(top)} Tm`, `/${font.id} ${number(size)} Tf`);
  const laidOut = font.layout(text);
  const groups = groupsOf(laidOut);
  if (groups !== null) {
    // No glyph off its origin: one TJ array, its groups known from the layout.
    const { glyphs } = laidOut;
    if (!sameGlyphs(font, glyphs, groups.gids)) {
      const { ends, tails } = groups;
      const gids: number[] = new Array(glyphs.length);
      let tj = '[';
      let hex = '';
      let group = 0;
      for (let i = 0; i < glyphs.length; i++) {
        hex += glyphCode(font, glyphs[i]!);
        gids[i] = font.subset.mapping[glyphs[i]!.id]!;
        if (i + 1 === ends[group]) {
          tj += `${group === 0 ? '<' : ' <'}${hex}${tails[group]}`;
          hex = '';
          group++;
        }
      }
      groups.gids = gids;
      groups.tj = `${tj}] TJ`;
    }
    if (glyphs.length > 0) ops.push(groups.tj!);
  } else drawGlyphsWithOffsets(ops, font, laidOut, x, top, size);
  ops.push('ET', 'Q');
  // One string: the content stream adds the last line end (fast-output.ts keeps strings as
  // strings and turns the whole stream into bytes once).
  doc.addContent(ops.join('\n'));
  // The cursor moves by the text's width, computed as pdfkit's widthOfString computes it.
  doc.x = x + ((laidOut.advanceWidth * (size / 1000) + 0) * 100) / 100;
}

/** The TJ arrays and text matrices of a text with glyphs off their origin, as pdfkit's _fragment writes them. */
function drawGlyphsWithOffsets(ops: string[], font: EncodingFont, laidOut: LaidOut, x: number, top: number, size: number): void {
  const { glyphs, positions } = laidOut;
  const encoded = glyphs.map((glyph) => glyphCode(font, glyph));
  const scale = size / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let cx = x;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${hex}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      ops.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i: number;
  for (i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops.push(`1 0 0 1 ${number(cx + pos.xOffset * scale)} ${number(top + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        ops.push(`1 0 0 1 ${number(cx)} ${number(top)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(i);
}
