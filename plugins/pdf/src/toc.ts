// The table of contents: pages are reserved after the cover before the content is laid
// out, then filled in when every heading's page is known. Structure: TOC > TOCI >
// Reference > Link, each entry a link to its heading, with dot leaders as artifacts.
import type { DocumentModel } from '@kommunrapport/core';
import { walkSections } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { child, type RenderState } from './state.js';
import { drawHeading } from './text-blocks.js';
import type { Line } from './writer.js';

interface TocSlot {
  /** Index into the headings placed after the table of contents. */
  heading: number;
  level: number;
  lines: Line[];
  /** Page offset from the first contents page, and top of the entry. */
  page: number;
  y: number;
}

/** Reserved pages and the place of every entry, for {@link fillToc}. */
export interface TocPlan {
  el: StructElement;
  firstPage: number;
  slots: TocSlot[];
  /** `state.headings` index of the first section heading. */
  headingStart: number;
}

const INDENT = 14;
const NUMBER_COLUMN = 34;

/** Draws the contents heading, reserves the pages the entries need, and opens the TOC element. */
export function reserveToc(state: RenderState, root: StructElement, model: DocumentModel): TocPlan {
  const w = state.writer;
  const depth = state.ctx.options.tocDepth;
  w.newPage();
  const firstPage = w.pageCount - 1;
  drawHeading(state, root, 2, state.ctx.vocabulary.term('contents'), 'contents');
  state.outline.length = 1;
  const el = child(state, root, 'TOC');
  const lh = w.lineHeight(state.size);
  const slots: TocSlot[] = [];
  let page = 0;
  let y = w.y;
  let index = 0;
  for (const s of walkSections(model.sections)) {
    const i = index++;
    if (s.level > depth) continue;
    const indent = (s.level - 2) * INDENT;
    const lines = w.wrap([{ text: s.title, font: s.level === 2 ? 'bold' : 'regular' }], w.width - indent - NUMBER_COLUMN, state.size);
    const gap = s.level === 2 ? state.size * 0.5 : 0;
    const height = lines.length * lh;
    if (y + gap + height > w.frame.bottom) {
      page++;
      y = w.frame.top;
    } else y += gap;
    slots.push({ heading: i, level: s.level, lines, page, y });
    // The entries are drawn later, on the pages reserved here: their layout records are made now, in order.
    const block = w.nextBlock();
    for (const _ of lines) w.records.push({ page: firstPage + page, kind: 'line', block });
    y += height;
  }
  for (let p = 0; p < page; p++) w.newPage();
  return { el, firstPage, slots, headingStart: -1 };
}

/** Fills the reserved pages once every heading's page is known. */
export function fillToc(state: RenderState, plan: TocPlan): void {
  const w = state.writer;
  const doc = state.doc;
  const lh = w.lineHeight(state.size);
  const size = state.size;
  for (const slot of plan.slots) {
    const heading = state.headings[plan.headingStart + slot.heading];
    if (!heading) continue;
    doc.switchToPage(plan.firstPage + slot.page);
    const indent = (slot.level - 2) * INDENT;
    const x = w.frame.left + indent;
    const pageText = String(heading.page + 1);
    const toci = child(state, plan.el, 'TOCI');
    const ref = child(state, toci, 'Reference');
    const link = child(state, ref, 'Link');
    const last = slot.lines[slot.lines.length - 1]!;
    const lastY = slot.y + (slot.lines.length - 1) * lh;
    const dy = (lh - size * 1.16) / 2;
    const numberX = w.frame.right - w.measure(pageText, 'regular', size);
    w.tagged(link, 'Link', () => {
      slot.lines.forEach((line, k) => line.pieces.forEach((p) => w.text(p.text, p.font, size, x + p.x, slot.y + k * lh + dy)));
    });
    w.artifact(() => {
      const from = x + last.width + 4;
      const to = numberX - 4;
      if (to > from) doc.save().lineWidth(0.6).strokeColor('#9a9a9a').dash(0.6, { space: 2.4 }).moveTo(from, lastY + dy + size).lineTo(to, lastY + dy + size).stroke().undash().restore();
    });
    w.tagged(link, 'Link', () => w.text(pageText, 'regular', size, numberX, lastY + dy));
    doc.annotate(x, slot.y, w.frame.right - x, slot.lines.length * lh, {
      Subtype: 'Link',
      Dest: heading.destination,
      Contents: new String(`${heading.title}, ${state.ctx.vocabulary.term('page')} ${pageText}`),
      structParent: link,
    });
    link.end();
    ref.end();
    toci.end();
  }
  plan.el.end();
}
