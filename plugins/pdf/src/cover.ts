// The cover page: the report's kind, its title (H1) and the cover facts (municipality,
// body, office, period, case number) from the document model.
import type { DocumentModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import type { RenderState } from './state.js';
import { drawFacts, drawHeading, drawRuns } from './text-blocks.js';

/** Draws the cover on the current (first) page. */
export function drawCover(state: RenderState, root: StructElement, model: DocumentModel): void {
  const w = state.writer;
  const doc = state.doc;
  w.artifact(() => {
    doc.rect(0, 0, doc.page.width, w.frame.top * 0.9).fill('#0b3d6b');
    doc.rect(w.frame.left, w.frame.top + 150, 60, 4).fill('#b35900');
  });
  w.y = w.frame.top + 170;
  drawRuns(state, root, 'P', [{ text: state.ctx.vocabulary.reportKind(), font: 'bold', colour: '#4a4a4a' }], { size: state.size * 1.3 });
  drawHeading(state, root, 1, model.title, 'title');
  // The title bookmark stays a leaf: sections are top-level bookmarks.
  state.outline.length = 1;
  w.y += state.size * 2;
  drawFacts(state, root, model.cover);
}
