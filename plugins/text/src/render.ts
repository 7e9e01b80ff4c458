// Serialises the core's DocumentModel as accessible text: title and cover facts first,
// numbered headings, badges in words, tables read row by row with their column headers,
// abbreviations written out at first use, charts as a sentence with their values.
import type { Block, Inline } from '@kommunrapport/model';
import type { Badge, DocBlock, DocSection, DocumentModel, Fact, Formatter, TableModel, Vocabulary } from '@kommunrapport/core';
import { createAbbreviationWriter, type AbbreviationWriter } from './abbreviations.js';
import { createSignWriter } from './numbers.js';
import { wrapLine } from './wrap.js';
import { listMarker, type Dialect } from './dialect.js';
import type { TextOptions } from './options.js';

/** What the renderer needs besides the document. */
export interface TextRenderInput {
  vocabulary: Vocabulary;
  format: Formatter;
  /** The document's date, shown on the cover when the document model has none. */
  documentDate: Date;
  options: TextOptions;
  /** Called after each top-level section. */
  progress?: (done: number, total: number, label?: string) => void;
}

/** A run of lines: a heading, or a block set apart from its neighbours by a blank line. */
interface Entry {
  kind: 'title' | 'heading' | 'paragraph' | 'lines';
  lines: string[];
}

interface State {
  d: Dialect;
  v: Vocabulary;
  options: TextOptions;
  abbr: AbbreviationWriter;
  entries: Entry[];
  counters: number[];
}

/** White space as written in a source (line breaks, tabs, runs of spaces) folded to one space; NBSP kept. */
const fold = (s: string) => s.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** Report or vocabulary text ready for output: folded, abbreviations written out, escaped. */
const say = (st: State, s: string) => st.d.escape(st.abbr.write(fold(s)));

/** A sentence end: a full stop unless the text already ends with one. */
const sentence = (s: string) => (/[.!?:…]$/.test(s) ? s : `${s}.`);

/** Renders a document model as text in the given dialect (plain text or Markdown). */
export function renderText(doc: DocumentModel, input: TextRenderInput, dialect: Dialect): string {
  const st: State = { d: dialect, v: input.vocabulary, options: input.options, abbr: createAbbreviationWriter(input.vocabulary), entries: [], counters: [] };
  st.entries.push({ kind: 'title', lines: [dialect.title(say(st, doc.title))] });
  // The case number is an identifier ("SON 2024/117"), not running text: its letters are not written out.
  const caseNumber = input.vocabulary.term('caseNumber');
  st.entries.push({
    kind: 'lines',
    lines: coverFacts(doc, input).map((f) => dialect.labelled(say(st, f.term), f.term === caseNumber ? dialect.escape(fold(f.value)) : say(st, f.value))),
  });
  doc.sections.forEach((s, i) => {
    section(st, s, 1);
    input.progress?.(i + 1, doc.sections.length, s.title);
  });
  return serialise(st, createSignWriter(input.options.minus, input.vocabulary));
}

/** The cover facts of the document model, with the document date added when it has none. */
function coverFacts(doc: DocumentModel, input: TextRenderInput): Fact[] {
  const dateTerm = input.vocabulary.term('date');
  if (doc.cover.some((f) => f.term === dateTerm)) return doc.cover;
  return [...doc.cover, { term: dateTerm, value: input.format.date(input.documentDate.toISOString().slice(0, 10)) }];
}

function section(st: State, s: DocSection, depth: number): void {
  st.counters.length = depth;
  st.counters[depth - 1] = (st.counters[depth - 1] ?? 0) + 1;
  for (let i = 0; i < depth - 1; i++) st.counters[i] ??= 1;
  st.entries.push({ kind: 'heading', lines: [st.d.heading(depth + 1, st.counters.join('.'), say(st, s.title))] });
  for (const b of s.blocks) block(st, b, depth);
}

function block(st: State, b: DocBlock, depth: number): void {
  switch (b.kind) {
    case 'section':
      return section(st, b.section, depth + 1);
    case 'richText':
      return richText(st, b.blocks);
    case 'badges':
      st.entries.push({ kind: 'paragraph', lines: [b.items.map((i) => `${say(st, i.term)}: ${sentence(badgeWords(st, i.badge))}`).join(' ')] });
      return;
    case 'facts':
      st.entries.push({ kind: 'lines', lines: b.items.map((f) => st.d.labelled(say(st, f.term), say(st, f.value))) });
      return;
    case 'list':
      st.entries.push({ kind: 'lines', lines: b.items.map((item) => st.d.listItem(say(st, item), '')) });
      return;
    case 'table':
      return table(st, b.table);
    case 'chart':
      st.entries.push({ kind: 'paragraph', lines: [say(st, b.chart.description)] });
      return;
  }
}

/** A badge in words, with its symbol first only when the `symbols` option asks for it. */
function badgeWords(st: State, badge: Badge): string {
  const words = say(st, badge.textAlternative);
  return st.options.symbols && badge.symbol ? `${badge.symbol} ${words}` : words;
}

/** A table: its caption as a lead line, then one line per row, each value after its column header. */
function table(st: State, t: TableModel): void {
  const lead = say(st, t.caption);
  // Each column is read with its group's header first: "Kommunen, Utfall jan–aug 2024".
  const groupOf: string[] = [];
  for (const g of t.columnGroups ?? []) for (let k = 0; k < g.span; k++) groupOf.push(g.label);
  const columnLabel = (i: number) => {
    const label = t.columns[i] ? say(st, t.columns[i]!.label) : '';
    const group = groupOf[i] ? say(st, groupOf[i]!) : '';
    return group && label ? `${group}, ${label}` : group || label;
  };
  const rows = t.rows.map((row) => {
    // A heading of the rows that follow is read on its own line, as a heading of the group.
    if (row.heading) return `${say(st, row.header)}:`;
    const first = row.cells[0];
    // A row headed by a symbol (the key to the symbols) is headed by the symbol's label instead, or both.
    const symbolHeader = first?.badge?.symbol !== undefined && row.header === first.badge.symbol;
    const label = symbolHeader ? (st.options.symbols ? `${row.header} ${say(st, first!.badge!.label)}` : say(st, first!.badge!.label)) : say(st, row.header);
    const header = row.note ? `${label} (${say(st, row.note.label.toLowerCase())})` : label;
    const values = row.cells.map((cell, i) => {
      const column = columnLabel(i);
      const symbolShown = symbolHeader && i === 0;
      const value = cell.badge && !symbolShown ? badgeWords(st, { ...cell.badge, textAlternative: cell.spoken }) : say(st, cell.spoken);
      return column ? `${column} ${value}` : value;
    });
    return st.d.labelled(header, sentence(values.join('; ')), row.emphasis !== undefined);
  });
  if (st.d.labelledAsList) {
    st.entries.push({ kind: 'paragraph', lines: [lead] });
    st.entries.push({ kind: 'lines', lines: rows });
  } else st.entries.push({ kind: 'lines', lines: [lead, ...rows] });
  if (t.note) richText(st, t.note);
}

function richText(st: State, blocks: readonly Block[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') st.entries.push({ kind: 'paragraph', lines: [inline(st, b.children)] });
    else st.entries.push({ kind: 'lines', lines: listLines(st, b, '') });
  }
}

/** A list's lines; nested items are indented under the text of their item, as Markdown needs. */
function listLines(st: State, list: Extract<Block, { type: 'list' }>, indent: string): string[] {
  const out: string[] = [];
  list.items.forEach((item, i) => {
    const ordinal = list.ordered ? i + 1 : undefined;
    const text = item.flatMap((b) => (b.type === 'paragraph' ? [inline(st, b.children)] : [])).join(' ');
    out.push(st.d.listItem(text, indent, ordinal));
    const inner = indent + ' '.repeat(listMarker(ordinal).length + 1);
    for (const b of item) if (b.type === 'list') out.push(...listLines(st, b, inner));
  });
  return out;
}

const plain = (nodes: readonly Inline[]): string => nodes.map((n) => (n.type === 'text' ? n.value : plain(n.children))).join('');

function inline(st: State, nodes: readonly Inline[]): string {
  const out = nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return st.d.escape(st.abbr.write(n.value.replace(/[ \t\r\n\f\v]+/g, ' ')));
        case 'emphasis':
          return st.d.emphasis(inline(st, n.children));
        case 'strong':
          return st.d.strong(inline(st, n.children));
        case 'link':
          return st.d.link(inline(st, n.children), fold(plain(n.children)), n.url);
      }
    })
    .join('');
  return out.trim();
}

/** Joins entries: two blank lines before a heading, one between other blocks; wraps and signs numbers. */
function serialise(st: State, signs: (s: string) => string): string {
  const width = st.options.wrap;
  const parts = st.entries
    .filter((e) => e.lines.length > 0 && e.lines.some((l) => l.trim() !== ''))
    .map((e) => {
      const lines = e.lines.map(signs);
      const wrapped =
        e.kind === 'heading' || e.kind === 'title'
          ? lines
          : lines.flatMap((l) => (width === undefined ? [l] : wrapLine(l, width)).map((w, i) => (i > 0 || e.kind === 'paragraph' ? st.d.continuation(w) : w)));
      return { kind: e.kind, text: wrapped.map((l) => l.replace(/[ \t]+$/, '')).join('\n') };
    });
  let out = '';
  parts.forEach((p, i) => {
    if (i > 0) out += p.kind === 'heading' ? '\n\n\n' : '\n\n';
    out += p.text;
  });
  return `${out}\n`.normalize('NFC');
}
