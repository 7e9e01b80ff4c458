// A scale value (assessment, trend, status, completion) shown with its symbol and its
// words. The symbol is hidden from assistive technology because the words sit beside
// it; its colour is only an addition, never the only carrier of meaning.
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Badge } from '@kommunrapport/core';
// Whether a vocabulary colour can carry a symbol on the page: one rule in core.
import { readableColour } from '@kommunrapport/core';

/** Renders a badge: symbol (decorative) and words. Unreadable colours fall back to the text colour. */
export function badge(b: Badge): Element {
  const children: Element[] = [];
  if (b.symbol) {
    const style = b.colour && readableColour(b.colour) ? `color:${b.colour}` : undefined;
    children.push(h('span.sym', { ariaHidden: 'true', style }, b.symbol));
  }
  children.push(h('span.words', b.label));
  return h('span.badge', { dataScale: b.scale, dataKey: b.key ?? undefined }, children);
}
