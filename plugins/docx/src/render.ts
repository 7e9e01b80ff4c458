// Serialises the core's DocumentModel as a Word document: one function per node kind.
// The title gets Word's Title style and each section a Heading style (document level 2 is
// Heading 1), so Word's navigation pane and accessibility checker see the outline; tables
// get a caption paragraph, header rows (column groups over the column headers) that repeat
// on every page and heading rows over the whole width; charts become such
// tables; rich text keeps emphasis, links (as hyperlinks) and lists (as Word lists). Every
// word comes from the document: this file decides layout only.
// What runs for every node of every document uses plain loops rather than arrows passed to
// map/flatMap: closures made per call lose their optimised code at each full garbage
// collection, so a batch recompiled them every few reports.
import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { abbreviationExplanation, legendTable } from '@kommunrapport/core';
import type { LogoImage } from '@kommunrapport/core';
import type { Badge, ChartModel, ImageModel, DocBlock, DocSection, DocumentModel, Fact, Inline, TableCell as CellModel, TableModel, TextBlock } from '@kommunrapport/core';
import { createHash } from 'node:crypto';
import type { DocxOptions } from './options.js';
import { packDocx } from './reproducible.js';

/** What the writer needs besides the document. */
export interface DocxRenderInput {
  /** The BCP 47 language tag of the text, e.g. `sv-SE`: Word's proofing and reading language. */
  locale: string;
  /** The document's date: written as its creation and modification time, never the clock. */
  date: Date;
  options: DocxOptions;
  /** The site's look: the heading colour (one that passed the contrast check, #rrggbb) and the logo. */
  brand?: { primary?: string; logo?: LogoImage };
}

/** The body of a Word document: paragraphs and tables in reading order. */
type Body = (Paragraph | Table)[];

/** Character formatting inherited by inline content. */
interface Marks {
  bold?: boolean;
  italics?: boolean;
  style?: string;
  /** A span in another language than the document's (BCP 47). */
  language?: { value: string };
}

/** Per-document state: the lists written so far, so that every list is numbered from 1; the pictures so far, for their ids. */
interface State {
  lists: number;
  pictures: number;
}

/** The paragraph style of table and chart captions: Word's built-in "caption", as the library defines it. */
export const CAPTION_STYLE = 'Caption';
/** The Word list definitions: bullets and decimal numbers. */
export const LIST = { bullet: 'kommunrapport-bullet', ordered: 'kommunrapport-ordered' } as const;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Renders a document model to the bytes of a DOCX file. Same document and input, same bytes. */
export async function renderDocx(doc: DocumentModel, input: DocxRenderInput): Promise<Uint8Array> {
  return packDocx(wordDocument(doc, input), input.date);
}

/** The document model as the docx library's `Document`, before it is packed (`packDocx`). */
export function wordDocument(doc: DocumentModel, input: DocxRenderInput): Document {
  const st: State = { lists: 0, pictures: 1 };
  const body: Body = [...logo(input.brand?.logo), title(doc.title), ...doc.cover.map(fact), ...doc.sections.flatMap((s) => section(st, s))];
  // No author is written (the library's default is "Un-named"): Word fills in whoever saves it next.
  return new Document({ title: doc.title, creator: '', lastModifiedBy: '', styles: styles(input), numbering: numbering(), sections: [{ children: body }] });
}

/** The width and height of a PNG, from its IHDR chunk; undefined for anything else. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The site's logo (PNG) above the title, at most 200 × 80 px, with its text alternative. */
function logo(image: LogoImage | undefined): Paragraph[] {
  const size = image?.mediaType === 'image/png' ? pngSize(image.bytes) : undefined;
  if (!image || !size || size.width === 0 || size.height === 0) return [];
  const scale = Math.min(1, 200 / size.width, 80 / size.height);
  const transformation = { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
  return [new Paragraph({ children: [new ImageRun({ type: 'png', data: image.bytes, transformation, // The one picture of the document: a fixed id, as the library's counter would differ between renders in one process.
    altText: { id: '1', name: 'logo', title: image.alt, description: image.alt } })] })];
}

function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(text)] });
}

/**
 * The Word bookmark name for a section id: Word takes letters, digits and underscores, at
 * most 40 characters, starting with a letter. Ids are [a-z0-9-], so `-` → `_` keeps them
 * apart; a longer one keeps its start and a hash of the whole.
 */
function bookmarkName(id: string): string {
  const name = `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  return name.length <= 40 ? name : `${name.slice(0, 31)}_${createHash('sha256').update(id).digest('hex').slice(0, 8)}`;
}

/**
 * A section: its heading (document level 2 is Heading 1, deeper levels stop at Heading 6), then its blocks.
 * A note's heading is a bookmark, which the rows that refer to the note link to.
 */
function section(st: State, s: DocSection): Body {
  const heading = HEADINGS[Math.min(Math.max(s.level - 2, 0), HEADINGS.length - 1)]!;
  const words = inlines(s.heading, {});
  const children = s.role === 'note' ? [new Bookmark({ id: bookmarkName(s.id), children: words })] : words;
  const body: Body = [new Paragraph({ heading, children })];
  for (const b of s.blocks) body.push(...block(st, b));
  return body;
}

function block(st: State, b: DocBlock): Body {
  switch (b.kind) {
    case 'section':
      return section(st, b.section);
    case 'richText':
      return richText(st, b.blocks);
    case 'badges': {
      const out: Paragraph[] = [];
      for (const i of b.items) out.push(labelled(i.term, badgeRuns(i.badge)));
      return out;
    }
    case 'facts':
      return b.items.map(fact);
    case 'list': {
      const instance = ++st.lists;
      return b.items.map((item) => listItem(inlines(item, {}), LIST.bullet, 0, instance));
    }
    case 'table':
      return table(st, b.table);
    case 'legend':
      return table(st, legendTable(b.legend));
    case 'chart':
      return chart(b.chart);
    case 'image':
      return image(st, b.image);
  }
}

/** The widest and highest a picture of the text is drawn, in pixels at 96 to the inch: the text width of an A4 page, two thirds of its height. */
const PICTURE = { width: 600, height: 640 };

/**
 * An image of the author's text as an inline picture in a paragraph of its own, with its
 * text alternative as Word's alt text (title and description), its caption below in the
 * Caption style; a decorative image is marked as Word's "Mark as decorative" does. Ids
 * count from the logo's 1 in reading order, so the same document gives the same bytes.
 */
function image(st: State, m: ImageModel): Body {
  const scale = Math.min(1, PICTURE.width / m.width, PICTURE.height / m.height);
  const transformation = { width: Math.round(m.width * scale), height: Math.round(m.height * scale) };
  const id = String(++st.pictures);
  const run = new ImageRun({
    type: m.mediaType === 'image/png' ? 'png' : 'jpg',
    data: m.bytes,
    transformation,
    ...(m.decorative ? { decorative: true, altText: { id, name: m.id, description: '', title: '' } } : { altText: { id, name: m.id, title: m.alt, description: m.alt } }),
  });
  return [new Paragraph({ children: [run] }), ...(m.caption ? [new Paragraph({ style: CAPTION_STYLE, children: [new TextRun(m.caption)] })] : [])];
}

// --- labelled values ------------------------------------------------------

/** "Term: value", the term in bold. */
function labelled(term: string, value: ParagraphChild[]): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${term}:`, bold: true }), new TextRun(' '), ...value] });
}

function fact(f: Fact): Paragraph {
  return labelled(f.term, inlines(f.content, {}));
}

/** A scale value: its symbol, when it has one, then its label. */
function badgeRuns(b: Badge): TextRun[] {
  return [new TextRun(b.symbol ? `${b.symbol} ${b.label}` : b.label)];
}

// --- rich text ------------------------------------------------------------

function richText(st: State, blocks: readonly TextBlock[]): Body {
  const out: Body = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(new Paragraph({ children: inlines(b.children, {}) }));
    else out.push(...list(st, b, 0, ++st.lists));
  }
  return out;
}

/** A list as Word list paragraphs; nested lists go one level deeper in the same list. */
function list(st: State, b: Extract<TextBlock, { type: 'list' }>, level: number, instance: number): Paragraph[] {
  const reference = b.ordered ? LIST.ordered : LIST.bullet;
  return b.items.flatMap((item) => {
    let first = true;
    return item.flatMap((x) => {
      if (x.type === 'list') return list(st, x, level + 1, instance);
      const children = inlines(x.children, {});
      if (!first) return [new Paragraph({ indent: { left: indent(level) }, children })];
      first = false;
      return [listItem(children, reference, level, instance)];
    });
  });
}

function listItem(children: ParagraphChild[], reference: string, level: number, instance: number): Paragraph {
  return new Paragraph({ numbering: { reference, level, instance }, children });
}

function inlines(nodes: readonly Inline[], marks: Marks): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  addInlines(out, nodes, marks);
  return out;
}

/** Appends the runs of `nodes` to `out`. */
function addInlines(out: ParagraphChild[], nodes: readonly Inline[], marks: Marks): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(new TextRun({ text: n.value, ...marks }));
        break;
      case 'emphasis':
        addInlines(out, n.children, { ...marks, italics: true });
        break;
      case 'strong':
        addInlines(out, n.children, { ...marks, bold: true });
        break;
      case 'link':
        out.push(new ExternalHyperlink({ link: n.url, children: inlines(n.children, { ...marks, style: 'Hyperlink' }) }));
        break;
      case 'abbreviation': {
        // The author's word as written, with the explanation the document asks for at its first use.
        const e = abbreviationExplanation(n);
        for (const text of [e.before, n.text, e.after]) if (text !== '') out.push(new TextRun({ text, ...marks }));
        break;
      }
      case 'foreign':
        addInlines(out, n.children, { ...marks, language: { value: n.language } });
        break;
    }
  }
}

// --- tables and charts ----------------------------------------------------

/** A run, bold only when asked (the library writes an explicit "not bold" otherwise). */
const run = (text: string, bold: boolean) => new TextRun(bold ? { text, bold } : text);

/** A caption paragraph (its style keeps it on the page of the table below it). */
function caption(text: string): Paragraph {
  return new Paragraph({ style: CAPTION_STYLE, children: [new TextRun(text)] });
}

function cellParagraph(children: ParagraphChild[], align: 'start' | 'end'): Paragraph {
  return new Paragraph({ alignment: align === 'end' ? AlignmentType.RIGHT : AlignmentType.LEFT, children });
}

/** A header cell: bold text, spanning `span` columns when more than one. */
const headCell = (h: { text: string; align: 'start' | 'end'; span?: number }) =>
  new TableCell({ ...(h.span !== undefined && h.span > 1 ? { columnSpan: h.span } : {}), children: [cellParagraph(h.text === '' ? [] : [run(h.text, true)], h.align)] });

/** A body row: its row header and cells, or a heading of the rows that follow (one bold cell over the whole width). */
type GridRow = { header: ParagraphChild[]; cells: TableCell[] } | { heading: string; span: number };

/**
 * A table: the header rows (the column groups over the column headers, when there are
 * groups) repeat on every page Word breaks it over; the first column holds the row headers.
 */
function grid(head: { text: string; align: 'start' | 'end' }[], rows: GridRow[], groups?: { text: string; span: number }[]): Table {
  const headerRow = (cells: { text: string; align: 'start' | 'end'; span?: number }[]) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(headCell) });
  // The header rows, then the body rows.
  const tableRows = groups ? [headerRow([{ text: '', align: 'start' }, ...groups.map((g) => ({ ...g, align: 'start' as const }))]), headerRow(head)] : [headerRow(head)];
  for (const r of rows) {
    tableRows.push(
      'heading' in r
        ? new TableRow({ cantSplit: true, children: [headCell({ text: r.heading, align: 'start', span: r.span })] })
        : new TableRow({ cantSplit: true, children: [new TableCell({ children: [cellParagraph(r.header, 'start')] }), ...r.cells] }),
    );
  }
  return new Table({
    rows: tableRows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    tableLook: { firstRow: true, firstColumn: true },
  });
}

/**
 * A cell's content: a badge as its symbol and label, a sign with words ("–" of no amount,
 * an interval) as its words, since Word has no accessible name for a run; anything else as its text.
 */
function cell(c: CellModel, bold: boolean): TableCell {
  return new TableCell({ children: [cellParagraph(c.badge ? badgeRuns(c.badge) : c.content ? inlines(c.content, bold ? { bold } : {}) : [run(c.label ?? c.text, bold)], c.align)] });
}

/** A body row of a table: a heading over the whole width, or the row header and cells. */
function gridRow(t: TableModel, r: TableModel['rows'][number]): GridRow {
  if (r.heading) return { heading: r.header, span: t.columns.length + 1 };
  const bold = r.emphasis !== undefined;
  // A row that refers to a note names it after its label ("Verksamhetens intäkter Not 1"), a link to the note's heading.
  const note = r.note ? [run(' ', bold), new InternalHyperlink({ anchor: bookmarkName(r.note.target), children: [new TextRun({ text: r.note.label, style: 'Hyperlink', ...(bold ? { bold } : {}) })] })] : [];
  const header = [...(r.headerBadge ? badgeRuns(r.headerBadge) : r.headerContent ? inlines(r.headerContent, bold ? { bold } : {}) : [run(r.header, bold)]), ...note];
  const cells: TableCell[] = [];
  for (const c of r.cells) cells.push(cell(c, bold));
  return { header, cells };
}

function table(st: State, t: TableModel): Body {
  const head = [{ text: t.corner, align: 'start' as const }, ...t.columns.map((c) => ({ text: c.label, align: c.align }))];
  const rows: GridRow[] = [];
  for (const r of t.rows) rows.push(gridRow(t, r));
  const groups = t.columnGroups?.map((g) => ({ text: g.label, span: g.span }));
  return [caption(t.caption), grid(head, rows, groups), ...(t.note ? richText(st, t.note) : [])];
}

/**
 * A chart as a table under its caption: one row per series, one column per year, each
 * value labelled as in the document. Nothing when its values stand in the table just
 * before it (the document says so): a Word document draws no chart, so it would repeat them.
 */
function chart(c: ChartModel): Body {
  if (c.valuesInTable !== undefined) return [];
  const years = [...new Set(c.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const head = [{ text: '', align: 'start' as const }, ...years.map((y) => ({ text: String(y), align: 'end' as const }))];
  const rows = c.series.map((s) => ({
    header: [run(s.label, false)],
    cells: years.map((y) => new TableCell({ children: [cellParagraph([new TextRun(s.points.find((p) => p.year === y)?.label ?? '')], 'end')] })),
  }));
  return [caption(c.title), grid(head, rows)];
}

// --- document settings ----------------------------------------------------

/**
 * The language, font and size of all text; the title, heading and caption styles sized
 * from the body size (the library's sizes at 11 pt), each heading with its outline level.
 */
function styles(input: DocxRenderInput): IStylesOptions {
  const font = input.options.font;
  const size = (factor: number) => Math.round(input.options.fontSize * factor * 2); // half-points
  // The site's primary colour for every heading, when it passed the contrast check.
  const brand = input.brand?.primary?.slice(1).toUpperCase();
  const heading = (outlineLevel: number, factor: number, color: string, italics = false) => ({
    run: { color, size: size(factor), ...(italics ? { italics } : {}) },
    paragraph: { outlineLevel, keepNext: true, spacing: { before: 240, after: 120 } },
  });
  return {
    default: {
      document: { run: { language: { value: input.locale }, size: size(1), ...(font ? { font } : {}) } },
      title: { run: { size: size(28 / 11) } },
      heading1: heading(0, 16 / 11, brand ?? '2E74B5'),
      heading2: heading(1, 13 / 11, brand ?? '2E74B5'),
      heading3: heading(2, 12 / 11, brand ?? '1F4D78'),
      heading4: heading(3, 1, brand ?? '2E74B5', true),
      heading5: heading(4, 1, brand ?? '2E74B5'),
      heading6: heading(5, 1, brand ?? '1F4D78'),
      caption: { run: { bold: true, size: size(1) }, paragraph: { keepNext: true, spacing: { before: 240, after: 60 } } },
    },
  };
}

const indent = (level: number) => 720 * (level + 1);

/** Bullets and decimal numbers on nine levels, each level indented further. */
function numbering(): INumberingOptions {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string) =>
    Array.from({ length: 9 }, (_, level) => ({ level, format, text: text(level), alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: indent(level), hanging: 360 } } } }));
  return {
    config: [
      { reference: LIST.bullet, levels: levels(LevelFormat.BULLET, (level) => ['•', '◦', '▪'][level % 3]!) },
      { reference: LIST.ordered, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
    ],
  };
}
