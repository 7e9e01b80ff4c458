// Headings, paragraphs, lists, facts and status badges as tagged text: H1–H6, P, L/LI
// with Lbl and LBody, Link with annotations. Status symbols are drawn beside their words
// as decoration (artifacts); the words carry the meaning.
import { abbreviationExplanation, phraseText, symbolColour, type Badge, type Fact, type Inline, type Phrase, type TextBlock } from '@kommunrapport/core';
import type { FontKey } from './fonts.js';
import type { StructElement } from './pdfkit-api.js';
import { assignId, child, type RenderState } from './state.js';
import type { LayoutRecord, LinkTarget, Run } from './writer.js';

/** Font sizes of headings by level, as a factor of the body size. */
const HEADING_SCALE = [0, 2.2, 1.6, 1.35, 1.2, 1.1, 1.05];

/** Runs of inline content; an abbreviation carries its expansion (/E), its first use the document's explanation. */
export function inlineRuns(inlines: readonly Inline[], font: FontKey = 'regular', link?: LinkTarget): Run[] {
  const out: Run[] = [];
  const text = (value: string) => {
    if (value !== '') out.push({ text: value, font, ...(link ? { link } : {}) });
  };
  for (const n of inlines) {
    if (n.type === 'text') text(n.value);
    else if (n.type === 'abbreviation') {
      const e = abbreviationExplanation(n);
      text(e.before);
      out.push({ text: n.text, font, expansion: n.expansion, ...(link ? { link } : {}) });
      text(e.after);
    } else if (n.type === 'strong') out.push(...inlineRuns(n.children, 'bold', link));
    else if (n.type === 'emphasis') out.push(...inlineRuns(n.children, font === 'bold' ? 'bold' : 'italic', link));
    // Text in another language: its runs carry the language, written as /Lang of a Span.
    else if (n.type === 'foreign') out.push(...inlineRuns(n.children, font, link).map((r) => ({ ...r, lang: n.language })));
    else {
      const label = phraseText(n.children, { explain: false }).trim();
      out.push(...inlineRuns(n.children, font, { url: n.url, contents: label || n.url }));
    }
  }
  return out;
}

/** Draws runs as a paragraph-like element of `type` under `parent`, indented by `indent`. */
export function drawRuns(state: RenderState, parent: StructElement, type: string, runs: Run[], options: { indent?: number; size?: number; gap?: number; el?: StructElement; kind?: LayoutRecord['kind']; text?: string; block?: number } = {}): StructElement {
  const w = state.writer;
  const size = options.size ?? state.size;
  const indent = options.indent ?? 0;
  const el = options.el ?? child(state, parent, type);
  const lines = w.wrap(runs, w.width - indent, size);
  w.paragraph(lines, w.frame.left + indent, size, el, type, options.gap ?? size * 0.6, options.kind, options.text, options.block);
  el.end();
  return el;
}

/** A heading's lines, size and the space around it. */
function headingLayout(state: RenderState, level: number, title: string) {
  const w = state.writer;
  const size = state.size * (HEADING_SCALE[Math.min(level, 6)] ?? 1);
  const runs: Run[] = [{ text: title, font: 'bold', colour: level <= 2 ? state.brand.primary : '#1a1a1a' }];
  const lines = w.wrap(runs, w.width, size);
  const before = level <= 2 ? size * 0.6 : size * 0.4;
  const after = size * 0.35;
  return { size, lines, before, after, height: w.lineHeight(size) * lines.length };
}

/** The height a heading takes, space around it included, when it is followed by `follow` points it keeps with it. */
export function headingKeepHeight(state: RenderState, level: number, title: string, follow: number): number {
  const l = headingLayout(state, level, title);
  return l.before + l.height + l.after + follow;
}

/**
 * The height of the lines of a paragraph that must start on one page: two, or all three
 * of a three-line paragraph (it cannot break with two lines on each side), or its one line.
 */
export function firstLinesHeight(state: RenderState, runs: readonly Run[], indent = 0): number {
  const w = state.writer;
  const n = w.wrap(runs, w.width - indent, state.size).length;
  return (n === 3 ? 3 : Math.min(2, n)) * w.lineHeight(state.size);
}

/**
 * A heading: H1–H6 with a structure id, a named destination (two for a link target: also
 * its id) and a bookmark. It starts a new page unless `follow` points of what it heads (two
 * lines, or a table's caption, header and first rows) fit below it.
 */
export function drawHeading(state: RenderState, parent: StructElement, level: number, title: string, id: string, follow = state.writer.lineHeight(state.size) * 2, linkTarget = false): void {
  const w = state.writer;
  const tag = `H${Math.min(Math.max(level, 1), 6)}`;
  const { size, lines, before, after, height: h } = headingLayout(state, level, title);
  w.y += before;
  if (w.y + h + after + follow > w.frame.bottom) w.newPage();
  const el = child(state, parent, tag);
  assignId(state, el, id);
  const destination = `h-${String(state.headings.length + 1).padStart(4, '0')}`;
  state.doc.addNamedDestination(destination, 'XYZ', w.frame.left, w.y, null);
  // A heading that links point to (a note) is also a destination named by its section id.
  if (linkTarget) state.doc.addNamedDestination(id, 'XYZ', w.frame.left, w.y, null);
  state.headings.push({ level, title, page: w.pageCount - 1, destination });
  // Bookmarks nest by level: the nearest open item of a lower level is the parent.
  let parentItem = state.doc.outline;
  for (let l = Math.min(level - 1, state.outline.length - 1); l >= 1; l--) {
    const item = state.outline[l];
    if (item) {
      parentItem = item;
      break;
    }
  }
  // pdfkit computes the left edge as page width minus `left`: passing the width gives x = 0.
  const item = parentItem.addItem(title, { pageNumber: w.pageCount - 1, fit: false, top: w.y, left: state.doc.page.width, zoom: 0 });
  state.outline[level] = item;
  state.outline.length = level + 1;
  w.paragraph(lines, w.frame.left, size, el, tag, after, 'heading', title);
  el.end();
}

/** Rich text blocks: paragraphs and lists. */
export function drawRichText(state: RenderState, parent: StructElement, blocks: readonly TextBlock[], indent = 0): void {
  for (const b of blocks) drawBlock(state, parent, b, indent);
}

function drawBlock(state: RenderState, parent: StructElement, b: TextBlock, indent: number): void {
  if (b.type === 'paragraph') {
    drawRuns(state, parent, 'P', inlineRuns(b.children), { indent });
    return;
  }
  drawList(
    state,
    parent,
    b.items.map((item) => (body: StructElement, bodyIndent: number) => drawRichText(state, body, item, bodyIndent)),
    b.ordered,
    indent,
  );
}

/** A list: L with LI, each with Lbl (bullet or number) and LBody drawn by `items`. */
export function drawList(state: RenderState, parent: StructElement, items: ((body: StructElement, indent: number) => void)[], ordered: boolean, indent = 0): void {
  const w = state.writer;
  const list = child(state, parent, 'L');
  list.dictionary.data.A = { O: 'List', ListNumbering: ordered ? 'Decimal' : 'Disc' };
  const labelWidth = state.size * 1.6;
  items.forEach((drawBody, i) => {
    const li = child(state, list, 'LI');
    const lbl = child(state, li, 'Lbl');
    // Room for two lines: the label never stays behind when its text moves on (widow and orphan control).
    w.ensure(w.lineHeight(state.size) * 2);
    const label = ordered ? `${i + 1}.` : '\u2022';
    const x = w.frame.left + indent;
    const y = w.y;
    w.tagged(lbl, 'Lbl', () => w.text(label, 'regular', state.size, x, y + (w.lineHeight(state.size) - state.size * 1.16) / 2));
    lbl.end();
    const body = child(state, li, 'LBody');
    drawBody(body, indent + labelWidth);
    body.end();
    li.end();
  });
  list.end();
  w.y += state.size * 0.2;
}

/** A list of phrases. */
export function drawStringList(state: RenderState, parent: StructElement, items: readonly Phrase[]): void {
  drawList(
    state,
    parent,
    items.map((item) => (body: StructElement, indent: number) => {
      drawRuns(state, body, 'P', inlineRuns(item), { indent, gap: state.size * 0.2 });
    }),
    false,
  );
}

/** Facts: one paragraph each, the term in bold. */
export function drawFacts(state: RenderState, parent: StructElement, facts: readonly Fact[]): void {
  for (const f of facts) {
    drawRuns(state, parent, 'P', [{ text: `${f.term}: `, font: 'bold' }, ...inlineRuns(f.content)], { gap: state.size * 0.3 });
  }
  state.writer.y += state.size * 0.3;
}

/** The runs of a badge: its symbol (decoration) in its colour, or the text colour where that is too light, and its words. */
export function badgeRuns(badge: Badge): Run[] {
  const runs: Run[] = [];
  const colour = symbolColour(badge);
  // The symbol carries its words as ActualText: a reader that meets it reads the words, not the glyph's name.
  if (badge.symbol) runs.push({ text: `${badge.symbol} `, font: 'regular', artifact: true, actual: `${badge.label} `, ...(colour ? { colour } : {}) });
  runs.push({ text: badge.label, font: 'regular' });
  return runs;
}

/** Status badges: "Term: ◐ Words", one paragraph each. */
export function drawBadges(state: RenderState, parent: StructElement, items: readonly { term: string; badge: Badge }[]): void {
  for (const item of items) {
    drawRuns(state, parent, 'P', [{ text: `${item.term}: `, font: 'bold' }, ...badgeRuns(item.badge)], { gap: state.size * 0.3 });
  }
  state.writer.y += state.size * 0.3;
}
