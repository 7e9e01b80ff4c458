// The document's inline content and text blocks as hast. Abbreviations become
// <abbr title="expansion">, with the core's explanation around the first use; links
// keep only http(s) and mailto targets (the core's nodes already hold only those, this is
// a second guard); a span in another language gets its lang. Strings only become text nodes.
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { abbreviationExplanation, type Inline, type TextBlock } from '@kommunrapport/core';

const SAFE_URL = /^(https?:|mailto:)/i;

const text = (value: string): ElementContent[] => (value === '' ? [] : [{ type: 'text', value }]);

/** Inline content as hast, in order. */
export function inlines(nodes: readonly Inline[]): ElementContent[] {
  // A plain loop: an arrow made per call loses its optimised code at each full garbage
  // collection, so a batch recompiled it every few reports.
  const out: ElementContent[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(...text(n.value));
        break;
      case 'emphasis':
        out.push(h('em', inlines(n.children)));
        break;
      case 'strong':
        out.push(h('strong', inlines(n.children)));
        break;
      case 'link':
        if (SAFE_URL.test(n.url)) out.push(h('a', { href: n.url }, inlines(n.children)));
        else out.push(...inlines(n.children));
        break;
      case 'abbreviation': {
        const e = abbreviationExplanation(n);
        out.push(...text(e.before), h('abbr', { title: n.expansion }, n.text), ...text(e.after));
        break;
      }
      case 'foreign':
        out.push(h('span', { lang: n.language }, inlines(n.children)));
        break;
    }
  }
  return out;
}

function block(b: TextBlock): Element {
  if (b.type === 'paragraph') return h('p', inlines(b.children));
  const items = b.items.map((item) => {
    // A list item of one paragraph holds its text directly: no paragraph spacing inside lists.
    const only = item.length === 1 ? item[0] : undefined;
    return h('li', only?.type === 'paragraph' ? inlines(only.children) : item.map(block));
  });
  return h(b.ordered ? 'ol' : 'ul', items);
}

/** Renders text blocks to block elements. */
export function richText(blocks: readonly TextBlock[]): Element[] {
  return blocks.map(block);
}
