// A table model as an HTML data table: caption stating the unit, column headers with
// scope="col", row headers with scope="row", numbers aligned to the end in tabular
// figures, emphasised sum rows. The table sits in a focusable, labelled scroll region so
// a wide table scrolls on its own at 320 px instead of widening the page (WCAG 1.4.10).
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { TableModel, TableCell } from '@kommunrapport/core';
import { badge } from './badge.js';
import type { IdAllocator } from './ids.js';

/** What a table needs from the page: text, ids and the region labels already in use. */
export interface TableScope {
  ids: IdAllocator;
  /** Accessible names of table regions already on the page. */
  regionNames: Set<string>;
  /** The id of the heading of the section the table stands in. */
  headingId: string;
}

const text = (value: string): ElementContent[] => (value === '' ? [] : [{ type: 'text', value }]);

function cell(c: TableCell): Element {
  const content: ElementContent[] = c.badge ? [badge(c.badge)] : text(c.text);
  return h('td', { className: c.align === 'end' ? ['num'] : undefined }, content);
}

/** Renders a table inside its scroll region. */
export function table(t: TableModel, scope: TableScope): Element {
  const captionId = scope.ids.unique(`${t.id}-caption`);
  const head = h('thead', [
    h('tr', [
      h('th', { scope: 'col' }, text(t.corner)),
      ...t.columns.map((col) => h('th', { scope: 'col', className: col.align === 'end' ? ['num'] : undefined }, text(col.label))),
    ]),
  ]);
  const body = h(
    'tbody',
    t.rows.map((row) =>
      h('tr', { className: row.emphasis ? [`em-${row.emphasis}`] : undefined }, [h('th', { scope: 'row' }, row.headerBadge ? [badge(row.headerBadge)] : text(row.header)), ...row.cells.map((c) => cell(c))]),
    ),
  );
  // Regions need unique names: a repeated caption is told apart by its section's heading.
  const labelledBy = scope.regionNames.has(t.caption) ? `${captionId} ${scope.headingId}` : captionId;
  scope.regionNames.add(t.caption);
  return h('div.tw', { role: 'region', tabIndex: 0, ariaLabelledby: labelledBy, id: scope.ids.unique(t.id) }, [
    h('table', [h('caption', { id: captionId }, text(t.caption)), head, body]),
  ]);
}
