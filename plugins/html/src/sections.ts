// The document's sections as HTML: one <section> per DocSection with a heading whose
// level follows the section's level (h2…h6; deeper levels stay h6 and say their level
// with aria-level), then its blocks in reading order.
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { legendTable, type DocBlock, type DocSection, type Fact, type Badge, type ImageModel } from '@kommunrapport/core';
import { inlines, richText } from './rich-text.js';
import { badge } from './badge.js';
import { table } from './table.js';
import { chart } from './chart.js';
import type { IdAllocator } from './ids.js';
import type { TableCsvLink } from './formats.js';

/** What rendering sections needs: the page's ids. */
export interface SectionScope {
  ids: IdAllocator;
  regionNames: Set<string>;
  /** Heading ids by section, filled while rendering so the table of contents can link to them. */
  headingIds: Map<DocSection, string>;
  /** The CSV link of each table block whose CSV the build made. */
  csv: ReadonlyMap<DocBlock, TableCsvLink>;
}

/** A heading element for a document level (1 = the page title). */
export function heading(level: number, props: Record<string, string | number>, children: ElementContent[] | string): Element {
  const tag = `h${Math.min(Math.max(level, 1), 6)}`;
  return h(tag, level > 6 ? { ...props, ariaLevel: level } : props, children);
}

// Plain loops in facts and children: arrows made per call lose their optimised code at each
// full garbage collection, so a batch recompiled them every few reports.

/** Renders labelled values as a description list. */
export function facts(items: readonly Fact[]): Element {
  const rows: Element[] = [];
  for (const f of items) rows.push(h('div', [h('dt', f.term), h('dd', inlines(f.content))]));
  return h('dl.facts', rows);
}

function badges(items: readonly { term: string; badge: Badge }[]): Element {
  return h('dl.facts', items.map((i) => h('div', [h('dt', i.term), h('dd', [badge(i.badge)])])));
}

function blocks(list: readonly DocBlock[], scope: SectionScope, headingId: string): Element[] {
  return list.flatMap((b): Element[] => {
    switch (b.kind) {
      case 'richText':
        return richText(b.blocks);
      case 'badges':
        return [badges(b.items)];
      case 'facts':
        return [facts(b.items)];
      case 'list':
        return [h('ul', b.items.map((i) => h('li', inlines(i))))];
      case 'table': {
        const el = table(b.table, { ...scope, headingId }, scope.csv.get(b));
        return b.table.note ? [...el, h('div.note', richText(b.table.note))] : el;
      }
      case 'legend':
        return table(legendTable(b.legend), { ...scope, headingId }, scope.csv.get(b));
      case 'chart':
        return [chart(b.chart, scope.ids)];
      case 'image':
        return [image(b.image, scope.ids)];
      case 'section':
        return [section(b.section, scope)];
    }
  });
}

/**
 * An image of the author's text as a figure: embedded as a data URL (the page stays one
 * self-contained file, the same bytes every build), its text alternative as alt, its size
 * in pixels so the page does not jump, its caption as figcaption. A decorative image has
 * alt="" and no figure semantics.
 */
function image(m: ImageModel, ids: IdAllocator): Element {
  const img = h('img', {
    src: `data:${m.mediaType};base64,${Buffer.from(m.bytes).toString('base64')}`,
    alt: m.alt,
    width: m.width,
    height: m.height,
    ...(m.decorative ? { role: 'presentation' } : {}),
  });
  if (m.decorative) return h('div.image', [img]);
  const id = ids.unique(m.id);
  return h('figure.image', { id }, [img, ...(m.caption ? [h('figcaption', m.caption)] : [])]);
}

/** Renders one section and everything in it. */
export function section(s: DocSection, scope: SectionScope): Element {
  const id = scope.ids.unique(s.id);
  scope.headingIds.set(s, id);
  return h('section', { dataRole: s.role }, [heading(s.level, { id }, inlines(s.heading)), ...blocks(s.blocks, scope, id)]);
}

/** The sections directly inside a section. */
export function children(s: DocSection): DocSection[] {
  const out: DocSection[] = [];
  for (const b of s.blocks) if (b.kind === 'section') out.push(b.section);
  return out;
}

/** The table of contents: a nested list of links to the section headings up to `depth`. */
export function toc(sections: readonly DocSection[], headingIds: Map<DocSection, string>, depth: number): Element | undefined {
  const items = sections.filter((s) => s.level <= depth);
  if (items.length === 0) return undefined;
  return h(
    'ol',
    items.map((s) => {
      const sub = toc(children(s), headingIds, depth);
      return h('li', [h('a', { href: `#${headingIds.get(s)}` }, s.title), ...(sub ? [sub] : [])]);
    }),
  );
}

