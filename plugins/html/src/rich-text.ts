// The model's rich-text block tree (paragraphs, lists, emphasis, links) as hast. Links
// keep only http(s) and mailto targets; anything else is shown as its text.
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { RichText, Block, Inline } from '@kommunrapport/model';
import type { TextRenderer } from './text.js';

const SAFE_URL = /^(https?:|mailto:)/i;

function inlines(nodes: readonly Inline[], tr: TextRenderer): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    switch (n.type) {
      case 'text':
        return tr.text(n.value);
      case 'emphasis':
        return [h('em', inlines(n.children, tr))];
      case 'strong':
        return [h('strong', inlines(n.children, tr))];
      case 'link':
        return SAFE_URL.test(n.url) ? [h('a', { href: n.url }, inlines(n.children, tr))] : inlines(n.children, tr);
    }
  });
}

function block(b: Block, tr: TextRenderer): Element {
  if (b.type === 'paragraph') return h('p', inlines(b.children, tr));
  const items = b.items.map((item) => {
    // A list item of one paragraph holds its text directly: no paragraph spacing inside lists.
    const only = item.length === 1 ? item[0] : undefined;
    return h('li', only?.type === 'paragraph' ? inlines(only.children, tr) : item.map((x) => block(x, tr)));
  });
  return h(b.ordered ? 'ol' : 'ul', items);
}

/** Renders rich text to block elements. */
export function richText(blocks: RichText, tr: TextRenderer): Element[] {
  return blocks.map((b) => block(b, tr));
}
