// An image of the author's text: drawn at its size (96 pixels to the inch) or smaller to fit
// the text width and half the page, tagged as a Figure whose Alt is its text alternative and
// whose BBox is where it stands; its caption a paragraph after it. A decorative image is an
// artifact, which assistive technology skips.
import type { ImageModel } from '@kommunrapport/core';
import type { StructElement } from './pdfkit-api.js';
import { assignId, child, type RenderState } from './state.js';
import { drawRuns } from './text-blocks.js';

/** Points per pixel of an image as drawn: 96 pixels to the inch, or smaller to fit the text width and half the page. */
export function imageScale(state: RenderState, image: ImageModel): number {
  const w = state.writer;
  return Math.min(0.75, w.width / image.width, (w.frame.bottom - w.frame.top) / 2 / image.height);
}

/** Draws an image of the document. */
export function drawImage(state: RenderState, parent: StructElement, image: ImageModel): void {
  const w = state.writer;
  const doc = state.doc;
  const scale = imageScale(state, image);
  const [width, height] = [image.width * scale, image.height * scale];
  w.y += state.size * 0.3;
  w.ensure(height);
  const [left, top] = [w.frame.left, w.y];
  const draw = () => doc.image(Buffer.from(image.bytes), left, top, { width, height });
  if (image.decorative) w.artifact(draw);
  else {
    const el = child(state, parent, 'Figure', { alt: image.alt, bbox: [left, top, left + width, top + height], placement: 'Block' });
    assignId(state, el, image.id);
    w.tagged(el, 'Figure', draw);
    el.end();
  }
  w.y = top + height + state.size * 0.6;
  if (image.caption) drawRuns(state, parent, 'P', [{ text: image.caption, font: 'italic' }]);
}
