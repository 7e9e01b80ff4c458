// A scale value (assessment, trend, status, completion) shown with its symbol and its
// words. The symbol is hidden from assistive technology because the words sit beside
// it; its colour is only an addition, never the only carrier of meaning.
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Badge } from '@kommunrapport/core';
// The colour a symbol is drawn in (none where the vocabulary's is too light): one rule in core.
import { symbolColour } from '@kommunrapport/core';

/** Renders a badge: symbol (decorative) and words. Unreadable colours fall back to the text colour. */
export function badge(b: Badge): Element {
  const children: Element[] = [];
  if (b.symbol) {
    const colour = symbolColour(b);
    const style = colour ? `color:${colour}` : undefined;
    children.push(h('span.sym', { ariaHidden: 'true', style }, b.symbol));
  }
  children.push(h('span.words', b.label));
  return h('span.badge', { dataScale: b.scale, dataKey: b.key ?? undefined }, children);
}
