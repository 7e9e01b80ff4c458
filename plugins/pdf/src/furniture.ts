// Page furniture drawn on every page after the cover once the page count is known: the
// report title in the header, the report's owner (the document's `owner`: body and kommun, or the kommunalförbund) and "page n of N" in the footer, and rules.
// All of it is a pagination artifact, outside the structure tree.
import type { DocumentModel } from '@kommunrapport/core';
import type { RenderState } from './state.js';

const GREY = '#5a5a5a';

/** Draws headers and footers on pages 2…N. */
export function drawFurniture(state: RenderState, model: DocumentModel, body: string): void {
  const w = state.writer;
  const doc = state.doc;
  const v = state.ctx.vocabulary;
  const size = state.size * 0.8;
  const total = w.pageCount;
  const headerY = w.frame.top - 30;
  const footerY = w.frame.bottom + 18;
  const fit = (text: string, width: number) => {
    if (!w.surelyWider(text, 'regular', size, width) && w.measure(text, 'regular', size) <= width) return text;
    // Characters one by one up to the width (linear in the width, not in the text), then
    // shortened while the exact measure with the ellipsis is still too wide.
    let end = 0;
    let sum = w.measure('…', 'regular', size);
    while (end < text.length) {
      const n = text.codePointAt(end)! > 0xffff ? 2 : 1;
      sum += w.measure(text.slice(end, end + n), 'regular', size);
      if (sum > width) break;
      end += n;
    }
    let cut = text.slice(0, Math.max(end, 1));
    while (cut.length > 1 && w.measure(`${cut}…`, 'regular', size) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  };
  for (let p = 1; p < total; p++) {
    doc.switchToPage(p);
    const pageText = `${v.term('page')} ${p + 1} ${v.term('of')} ${total}`;
    const pageWidth = w.measure(pageText, 'regular', size);
    w.artifact(() => {
      w.text(fit(model.title, w.width), 'regular', size, w.frame.left, headerY, GREY);
      doc.lineWidth(0.5).strokeColor('#b0b0b0').moveTo(w.frame.left, headerY + size * 1.6).lineTo(w.frame.right, headerY + size * 1.6).stroke();
      doc.lineWidth(0.5).strokeColor('#b0b0b0').moveTo(w.frame.left, footerY - 6).lineTo(w.frame.right, footerY - 6).stroke();
      w.text(fit(body, w.width - pageWidth - 20), 'regular', size, w.frame.left, footerY, GREY);
      w.text(pageText, 'regular', size, w.frame.right - pageWidth, footerY, GREY);
    }, 'Pagination');
  }
}
