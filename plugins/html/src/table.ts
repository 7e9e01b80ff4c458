// A table model as an HTML data table: caption stating the unit, column headers with
// scope="col" (and column groups with scope="colgroup" over them), row headers with
// scope="row", heading rows starting a tbody of their own (scope="rowgroup"), links from
// rows to their notes, numbers aligned to the end in tabular figures, emphasised sum rows,
// and signs ("–" for no amount, an interval's dash) shown with their words for readers.
// The table sits in a focusable, labelled scroll region so a wide table scrolls on its own
// at 320 px instead of widening the page (WCAG 1.4.10).
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { TableModel, TableCell, TableRowModel } from '@kommunrapport/core';
import { badge } from './badge.js';
import { inlines } from './rich-text.js';
import type { IdAllocator } from './ids.js';
import { tableCsvLink, type TableCsvLink } from './formats.js';

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
  // A sign that does not read as words ("–", "−5 – −10") is shown, and its words are what is read.
  const named: ElementContent[] = c.content ? inlines(c.content) : c.label !== undefined ? [h('span', { ariaHidden: 'true' }, text(c.text)), h('span.vh', text(c.label))] : text(c.text);
  const content: ElementContent[] = c.badge ? [badge(c.badge)] : named;
  return h('td', { className: c.align === 'end' ? ['num'] : undefined }, content);
}

/** The header rows: one row of column headers, or the column groups (scope colgroup) over them. */
function headRows(t: TableModel): Element[] {
  // A loop, not an arrow made per table (V8 would drop its optimised code at each full collection).
  const columns: Element[] = [];
  for (const col of t.columns) columns.push(h('th', { scope: 'col', className: col.align === 'end' ? ['num'] : undefined }, text(col.label)));
  if (!t.columnGroups?.length) return [h('tr', [h('th', { scope: 'col' }, text(t.corner)), ...columns])];
  return [
    h('tr', [
      h('th', { scope: 'col', rowSpan: 2 }, text(t.corner)),
      // Columns outside every group get an empty data cell: an empty header would name nothing.
      ...t.columnGroups.map((g) => (g.label === '' ? h('td', { colSpan: g.span }) : h('th', { scope: 'colgroup', colSpan: g.span, className: ['grp'] }, text(g.label)))),
    ]),
    h('tr', columns),
  ];
}

/** The row's header cell: its label (or badge) and, when it refers to a note, a link to the note. */
function rowHeader(row: TableRowModel): Element {
  const content: ElementContent[] = row.headerBadge ? [badge(row.headerBadge)] : row.headerContent ? inlines(row.headerContent) : text(row.header);
  if (row.note) content.push({ type: 'text', value: ' ' }, h('a', { href: `#${row.note.target}`, className: ['noteref'] }, text(row.note.label)));
  return h('th', { scope: 'row' }, content);
}

/** The body: one tbody per group of rows, each started by its heading row (scope rowgroup). */
function bodies(t: TableModel): Element[] {
  const groups: TableRowModel[][] = [[]];
  for (const row of t.rows) {
    if (row.heading && groups[groups.length - 1]!.length > 0) groups.push([]);
    groups[groups.length - 1]!.push(row);
  }
  return groups.map((rows) =>
    h(
      'tbody',
      rows.map((row) =>
        row.heading
          ? h('tr', { className: ['rowgroup'] }, [h('th', { scope: 'rowgroup', colSpan: t.columns.length + 1 }, text(row.header))])
          : h('tr', { className: row.emphasis ? [`em-${row.emphasis}`] : undefined }, [rowHeader(row), ...row.cells.map((c) => cell(c))]),
      ),
    ),
  );
}

/** Renders a table inside its scroll region, followed by the link to its CSV when it has one. */
export function table(t: TableModel, scope: TableScope, csv?: TableCsvLink): Element[] {
  const captionId = scope.ids.unique(`${t.id}-caption`);
  // Column groups: scope="colgroup" headers refer to these.
  const colgroups = t.columnGroups?.length ? [h('colgroup', { span: 1 }), ...t.columnGroups.map((g) => h('colgroup', { span: g.span }))] : [];
  // Regions need unique names: a repeated caption is told apart by its section's heading.
  const labelledBy = scope.regionNames.has(t.caption) ? `${captionId} ${scope.headingId}` : captionId;
  scope.regionNames.add(t.caption);
  const region = h('div.tw', { role: 'region', tabIndex: 0, ariaLabelledby: labelledBy, id: scope.ids.unique(t.id) }, [
    h('table', [h('caption', { id: captionId }, text(t.caption)), ...colgroups, h('thead', headRows(t)), ...bodies(t)]),
  ]);
  return csv ? [region, tableCsvLink(csv, scope.ids.unique(`${t.id}-csv`), captionId)] : [region];
}
