// The cover page: the report's kind, its title (H1) and the cover facts (municipality,
// body, office, period, case number) from the document model.
import type { DocumentModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { child, type RenderState } from './state.js';
import { drawFacts, drawHeading, drawRuns } from './text-blocks.js';

/** Draws the cover on the current (first) page. */
export function drawCover(state: RenderState, root: StructElement, model: DocumentModel): void {
  const w = state.writer;
  const doc = state.doc;
  w.artifact(() => {
    doc.rect(0, 0, doc.page.width, w.frame.top * 0.9).fill(state.brand.primary);
    doc.rect(w.frame.left, w.frame.top + 150, 60, 4).fill(state.brand.accent);
  });
  // The site's logo (PNG or JPEG; pdfkit draws no SVG) as a Figure with its text alternative.
  const logo = state.ctx.site?.logo;
  if (logo && logo.mediaType !== 'image/svg+xml') {
    const [left, top, width, height] = [w.frame.left, w.frame.top + 60, 200, 80];
    const el = child(state, root, 'Figure', { alt: logo.alt, bbox: [left, top, left + width, top + height], placement: 'Block' });
    w.tagged(el, 'Figure', () => doc.image(Buffer.from(logo.bytes), left, top, { fit: [width, height] }));
    el.end();
  }
  w.y = w.frame.top + 170;
  drawRuns(state, root, 'P', [{ text: state.ctx.vocabulary.reportKind(), font: 'bold', colour: '#4a4a4a' }], { size: state.size * 1.3 });
  drawHeading(state, root, 1, model.title, 'title');
  // The title bookmark stays a leaf: sections are top-level bookmarks.
  state.outline.length = 1;
  w.y += state.size * 2;
  drawFacts(state, root, model.cover);
}
