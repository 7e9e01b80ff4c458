// Serialises the core's DocumentModel as accessible text: title and cover facts first,
// numbered headings, badges in words, tables read row by row with their column headers,
// abbreviations explained where the document says so, charts as their text alternative.
// It decides nothing about meaning: words, figures and first uses come from the document.
import {
  joinPhrases,
  phraseText,
  type Badge, type DocBlock, type DocSection, type DocumentModel, type Fact, type Formatter, type Inline, type LegendModel,
  type TableCell, type TableModel, type TextBlock, type Vocabulary,
} from '@kommunrapport/core';
import { wrapLine } from './wrap.js';
import { listMarker, type Dialect } from './dialect.js';
import { SPEECH_WRAP, type TextOptions } from './options.js';

/** What the renderer needs besides the document. */
export interface TextRenderInput {
  vocabulary: Vocabulary;
  format: Formatter;
  /** The document's date, shown on the cover when the document model has none. */
  documentDate: Date;
  options: TextOptions;
  /** Written for a speech engine: figures in their speech form, every line through the Formatter's speechText, wrapped at 80 unless `wrap` says otherwise. */
  speech?: boolean;
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
  options: TextOptions;
  /** The speech form of a line, when writing for speech. */
  speak?: (text: string) => string;
  width?: number;
  entries: Entry[];
}

/** White space as written in a source (line breaks, tabs, runs of spaces) folded to one space; NBSP kept. */
const fold = (s: string) => s.replace(/[ \t\r\n\f\v]+/g, ' ').trim();

/** Vocabulary or figure text ready for output: folded and escaped. */
const say = (st: State, s: string) => st.d.escape(fold(s));

/** A phrase of the document: abbreviations explained where the document says so, folded and escaped. */
const sayPhrase = (st: State, p: readonly Inline[]) => st.d.escape(fold(phraseText(p, { speech: st.speak !== undefined })));

/** Whether figures are written in their speech form: for speech, or when the `minus` option asks for words. */
const speechFigures = (st: State) => st.speak !== undefined || st.options.minus === 'word';

/** A figure in words: the speech form when writing for speech or when the `minus` option asks for words. */
const spoken = (st: State, cell: TableCell) => say(st, speechFigures(st) ? cell.speech : cell.spoken);

/** A sentence end: a full stop unless the text already ends with one. */
const sentence = (s: string) => (/[.!?:…]$/.test(s) ? s : `${s}.`);

/** Renders a document model as text in the given dialect (plain text or Markdown). */
export function renderText(doc: DocumentModel, input: TextRenderInput, dialect: Dialect): string {
  const st: State = { d: dialect, options: input.options, entries: [] };
  if (input.speech) st.speak = input.format.speechText;
  st.width = input.options.wrap ?? (input.speech ? SPEECH_WRAP : undefined);
  st.entries.push({ kind: 'title', lines: [dialect.title(say(st, doc.title))] });
  st.entries.push({ kind: 'lines', lines: coverFacts(doc, input).map((f) => dialect.labelled(say(st, f.term), sayPhrase(st, f.content))) });
  doc.sections.forEach((s, i) => {
    section(st, s);
    input.progress?.(i + 1, doc.sections.length, s.title);
  });
  return serialise(st);
}

/** The cover facts of the document model, with the document date added when it has none. */
function coverFacts(doc: DocumentModel, input: TextRenderInput): Fact[] {
  const dateTerm = input.vocabulary.term('date');
  if (doc.cover.some((f) => f.term === dateTerm)) return doc.cover;
  const value = input.format.date(input.documentDate.toISOString().slice(0, 10));
  return [...doc.cover, { term: dateTerm, value, content: [{ type: 'text', value }] }];
}

function section(st: State, s: DocSection): void {
  st.entries.push({ kind: 'heading', lines: [st.d.heading(s.level, s.number, sayPhrase(st, s.heading))] });
  for (const b of s.blocks) block(st, b);
}

function block(st: State, b: DocBlock): void {
  switch (b.kind) {
    case 'section':
      return section(st, b.section);
    case 'richText':
      return richText(st, b.blocks);
    case 'badges': {
      const said: string[] = [];
      for (const i of b.items) said.push(`${say(st, i.term)}: ${sentence(badgeWords(st, i.badge))}`);
      st.entries.push({ kind: 'paragraph', lines: [said.join(' ')] });
      return;
    }
    case 'facts': {
      const lines: string[] = [];
      for (const f of b.items) lines.push(st.d.labelled(say(st, f.term), sayPhrase(st, f.content)));
      st.entries.push({ kind: 'lines', lines });
      return;
    }
    case 'list':
      st.entries.push({ kind: 'lines', lines: b.items.map((item) => st.d.listItem(sayPhrase(st, item), '')) });
      return;
    case 'table':
      return table(st, b.table);
    case 'legend':
      return legend(st, b.legend);
    case 'chart':
      st.entries.push({ kind: 'paragraph', lines: [say(st, speechFigures(st) ? b.chart.speech : b.chart.description)] });
      return;
    case 'image':
      // The text alternative, marked as an image ("Bild: Karta över området."); decoration says nothing.
      if (!b.image.decorative) st.entries.push({ kind: 'paragraph', lines: [say(st, b.image.spoken)] });
      return;
  }
}

/** A badge in words, with its symbol first only when the `symbols` option asks for it. */
function badgeWords(st: State, badge: Badge, words = badge.textAlternative): string {
  const said = say(st, words);
  return st.options.symbols && badge.symbol ? `${badge.symbol} ${said}` : said;
}

// Plain loops here and in block's badges and facts, as in serialise (below).

/** A table: its caption as a lead line, then one line per row, each value after its column header. */
function table(st: State, t: TableModel): void {
  // Each column is read with its group's header first: "Kommunen, Utfall jan–aug 2024".
  const groupOf: string[] = [];
  for (const g of t.columnGroups ?? []) for (let k = 0; k < g.span; k++) groupOf.push(g.label);
  const rows: string[] = [];
  for (const row of t.rows) {
    // A heading of the rows that follow is read on its own line, as a heading of the group.
    if (row.heading) {
      rows.push(`${say(st, row.header)}:`);
      continue;
    }
    const label = row.headerBadge ? badgeWords(st, row.headerBadge, row.headerBadge.label) : row.headerContent ? inline(st, row.headerContent) : say(st, row.header);
    const header = row.note ? `${label} (${say(st, row.note.label.toLowerCase())})` : label;
    const values: string[] = [];
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i]!;
      const column = columnLabel(st, t, groupOf, i);
      const value = cell.badge ? badgeWords(st, cell.badge, cell.spoken) : cell.content ? inline(st, cell.content) : spoken(st, cell);
      values.push(column ? `${column} ${value}` : value);
    }
    rows.push(st.d.labelled(header, sentence(joinPhrases(values)), row.emphasis !== undefined));
  }
  lead(st, say(st, t.caption), rows);
  if (t.note) richText(st, t.note);
}

/**
 * The header a value of column `i` is read after: its group's header, then its own. For speech
 * it is said in words without the full stop an abbreviation leaves at its end ("Prognos i okt."
 * → "Prognos i oktober"): a header is never a sentence of its own, so a value in words ("Värde
 * saknas", a reason the author gives) reads in the same sentence as its column, as a figure does.
 */
function columnLabel(st: State, t: TableModel, groupOf: readonly string[], i: number): string {
  const label = t.columns[i] ? say(st, t.columns[i]!.label) : '';
  const group = groupOf[i] ? say(st, groupOf[i]!) : '';
  const header = group && label ? `${group}, ${label}` : group || label;
  return st.speak && header.endsWith('.') ? st.speak(header).replace(/\.$/, '') : header;
}

/** A key to symbols: one line per symbol, "Uppnår: Processområdet bedöms uppnå resultatmålen." (symbol first when asked). */
function legend(st: State, l: LegendModel): void {
  const rows = l.entries.map((e) => {
    const label = st.options.symbols ? `${e.symbol} ${say(st, e.label)}` : say(st, e.label);
    return e.meaning === undefined ? (st.d.labelledAsList ? st.d.listItem(sentence(label), '') : sentence(label)) : st.d.labelled(label, sentence(say(st, e.meaning)));
  });
  lead(st, say(st, l.caption), rows);
}

/** A caption followed by its rows (as a list in Markdown). */
function lead(st: State, caption: string, rows: string[]): void {
  if (st.d.labelledAsList) {
    st.entries.push({ kind: 'paragraph', lines: [caption] });
    st.entries.push({ kind: 'lines', lines: rows });
  } else st.entries.push({ kind: 'lines', lines: [caption, ...rows] });
}

function richText(st: State, blocks: readonly TextBlock[]): void {
  for (const b of blocks) {
    if (b.type === 'paragraph') st.entries.push({ kind: 'paragraph', lines: [inline(st, b.children)] });
    else st.entries.push({ kind: 'lines', lines: listLines(st, b, '') });
  }
}

/** A list's lines; nested items are indented under the text of their item, as Markdown needs. */
function listLines(st: State, list: Extract<TextBlock, { type: 'list' }>, indent: string): string[] {
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

function inline(st: State, nodes: readonly Inline[]): string {
  const out = nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
        case 'abbreviation':
          return st.d.escape(phraseText([n], { speech: st.speak !== undefined }).replace(/[ \t\r\n\f\v]+/g, ' '));
        case 'emphasis':
          return st.d.emphasis(inline(st, n.children));
        case 'strong':
          return st.d.strong(inline(st, n.children));
        case 'foreign':
          return inline(st, n.children);
        case 'link':
          return st.d.link(inline(st, n.children), fold(phraseText(n.children, { explain: false })), n.url);
      }
    })
    .join('');
  return out.trim();
}

/** Joins entries: two blank lines before a heading, one between other blocks; wraps lines. */
function serialise(st: State): string {
  // Plain loops: closures made per call lose their optimised code at each full garbage
  // collection, which in a batch recompiled them every few reports.
  const width = st.width;
  let out = '';
  let first = true;
  for (const e of st.entries) {
    if (!e.lines.some((l) => l.trim() !== '')) continue;
    const lines = st.speak ? e.lines.map(st.speak) : e.lines;
    const wrap = e.kind !== 'heading' && e.kind !== 'title';
    let text = '';
    let count = 0;
    for (const line of lines) {
      const pieces = !wrap || width === undefined ? [line] : wrapLine(line, width);
      for (let i = 0; i < pieces.length; i++) {
        const w = wrap && (i > 0 || e.kind === 'paragraph') ? st.d.continuation(pieces[i]!) : pieces[i]!;
        if (count++ > 0) text += '\n';
        text += w.replace(/[ \t]+$/, '');
      }
    }
    if (!first) out += e.kind === 'heading' ? '\n\n\n' : '\n\n';
    out += text;
    first = false;
  }
  return `${out}\n`.normalize('NFC');
}
