// Rich text as a small block tree (paragraphs, lists, pipe tables, emphasis, links). Authors write a
// Markdown subset; fragments from older systems may be given as `{ html: "<p>…</p>" }`
// and pass through a sanitising parser. No renderer ever sees input as markup.
import * as t from 'io-ts';
import type * as Mdast from 'mdast';
import type * as Hast from 'hast';
import { fromHtml, fromMarkdown, sanitize } from './parsers.js';

/** Inline content: text, emphasis, strong emphasis, links and text in another language. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'foreign'; language: string; children: Inline[] };

/** A language tag (BCP 47, the common forms): `en`, `en-GB`, `se`, `fi`. */
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Text in another language as authors write it: `[in English]{lang=en}` (language of parts, WCAG 3.1.2). */
const FOREIGN_SPAN = /\[([^\[\]]+)\]\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}/g;

/** Text with its `[words]{lang=xx}` spans as foreign inlines. */
function foreignSpans(value: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of value.matchAll(FOREIGN_SPAN)) {
    if (m.index! > last) out.push(text(value.slice(last, m.index)));
    out.push({ type: 'foreign', language: m[2]!, children: [text(m[1]!)] });
    last = m.index! + m[0].length;
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}

/** A cell of a Markdown table: inline text. */
export type TableCellInlines = Inline[];

/**
 * A Markdown (GFM pipe) table: its header row, its rows (every row as long as the header)
 * and its caption, written as a line `Tabell: …` (or `Table: …`) right before the header row.
 */
export interface TableBlock {
  type: 'table';
  caption?: string;
  header: TableCellInlines[];
  rows: TableCellInlines[][];
}

/**
 * An image standing as a paragraph of its own: `![Karta över området](bilder/karta.png)`,
 * with a caption as the Markdown title `![alt](karta.png "Bildtext")`. `src` is a file
 * relative to the report's folder (never a URL, an absolute path or a path out of the
 * folder); `alt` is its text alternative, required unless the image is marked decorative
 * with `![](linje.png){decorative}` (then `alt` is empty and outputs leave it to assistive
 * technology as decoration).
 */
export interface ImageBlock {
  type: 'image';
  src: string;
  alt: string;
  caption?: string;
  decorative?: true;
}

/** A block: a paragraph, a list whose items are blocks, a table or an image. */
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | TableBlock
  | ImageBlock;

/** Rich text (löptext): a sequence of blocks. */
export type RichText = Block[];

/** An image written so that no output could show it: which code of the catalogue, where in the text, as written, and how to fix it. */
export interface ImageProblem {
  construct: 'image';
  code: 'image-alt-missing' | 'image-source' | 'image-placement';
  /** The line within the text (1-based). */
  line: number;
  problem: string;
  found: string;
  hint: string;
}

/** Thrown while parsing an HTML fragment and caught by the codec. */
class UnsupportedError extends Error {
  constructor(readonly unsupported: UnsupportedMarkdown) {
    super(unsupported.construct);
  }
}

/** Thrown while parsing and caught by the codec, which turns it into a decode failure. */
class ImageError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem.problem);
  }
}

/** The marker after an image that says it is decoration only: `![](linje.png){decorative}`. */
const DECORATIVE = '{decorative}';

/**
 * What is wrong with an image's source, or undefined when it is a file in the report's
 * folder: a relative path with "/" between folders that does not climb out of the folder.
 * URLs are refused, as the build never fetches anything from the network.
 */
export function imageSourceProblem(src: string): { problem: string; hint: string } | undefined {
  if (src.trim() === '') return { problem: 'an image without a file', hint: 'Write the file name between the parentheses, relative to the report: ![Karta över området](bilder/karta.png).' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(src) && !/^[A-Za-z]:[\\/]/.test(src))
    return { problem: 'an image given as a URL', hint: 'The build never fetches from the network: save the image in the report\'s folder and write its file name, e.g. ![Karta över området](bilder/karta.png).' };
  if (/^[\\/]|^[A-Za-z]:[\\/]/.test(src)) return { problem: 'an image given as an absolute path', hint: 'Write the path relative to the report\'s folder, e.g. bilder/karta.png, and keep the image in that folder.' };
  if (src.includes('\\')) return { problem: 'an image path with "\\"', hint: `Separate folders with "/": ${src.replace(/\\/g, '/')}.` };
  let depth = 0;
  for (const part of src.split('/')) {
    depth += part === '..' ? -1 : part === '.' || part === '' ? 0 : 1;
    if (depth < 0) return { problem: 'an image outside the report\'s folder', hint: 'Copy the image into the report\'s folder (or a folder below it) and write the path from there, e.g. bilder/karta.png.' };
  }
  return undefined;
}

/** Only these URL schemes become links; anything else stays text (links.ts warns of it). */
export const SAFE_URL = /^(https?:|mailto:)/i;

const text = (value: string): Inline => ({ type: 'text', value });

/** Joins neighbouring text nodes and folds white space, so trees compare equal. */
function normaliseInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const n: Inline = node.type === 'text' ? { type: 'text', value: node.value.replace(/\s+/g, ' ') } : { ...node, children: normaliseInlines(node.children) };
    const last = out[out.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else if (n.type === 'text' && n.value === '') continue;
    else out.push(n);
  }
  const first = out[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const end = out[out.length - 1];
  if (end?.type === 'text') end.value = end.value.replace(/\s+$/, '');
  return out.filter((n) => n.type !== 'text' || n.value !== '');
}

function paragraph(children: Inline[]): Block[] {
  const inl = normaliseInlines(children);
  return inl.length > 0 ? [{ type: 'paragraph', children: inl }] : [];
}

// --- Markdown -------------------------------------------------------------

function mdInlines(nodes: readonly Mdast.RootContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...foreignSpans(node.value));
        break;
      case 'inlineCode':
        out.push(text(node.value));
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: mdInlines(node.children) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: mdInlines(node.children) });
        break;
      case 'link':
        if (SAFE_URL.test(node.url)) out.push({ type: 'link', url: node.url, children: mdInlines(node.children) });
        else out.push(...mdInlines(node.children));
        break;
      case 'break':
        out.push(text(' '));
        break;
      case 'html':
        out.push(text(node.value));
        break;
      case 'image':
      case 'imageReference':
        throw new ImageError({
          construct: 'image',
          code: 'image-placement',
          line: node.position?.start.line ?? 1,
          problem: 'an image inside a line of text, a list or a table cell',
          found: node.type === 'image' ? `![${node.alt ?? ''}](${node.url})` : `![${node.alt ?? ''}]`,
          hint: 'Give the image a paragraph of its own: a blank line before and after ![alt](file.png), outside lists and tables.',
        });
      default:
        if ('children' in node) out.push(...mdInlines(node.children as Mdast.RootContent[]));
        else if ('value' in node) out.push(text(String(node.value)));
    }
  }
  return out;
}

/** A paragraph that is one image (and the `{decorative}` marker right after it) as an image block, checked; undefined for any other paragraph. */
function imageParagraph(node: Mdast.Paragraph): ImageBlock | undefined {
  const children = node.children.filter((c) => c.type !== 'text' || c.value.trim() !== '');
  const image = children[0];
  if (image?.type !== 'image') return undefined;
  const marker = children[1];
  const decorative = marker?.type === 'text' && marker.value.trim() === DECORATIVE;
  if (children.length > (decorative ? 2 : 1)) return undefined;
  const line = image.position?.start.line ?? 1;
  const found = `![${image.alt ?? ''}](${image.url}${image.title ? ` "${image.title}"` : ''})${decorative ? DECORATIVE : ''}`;
  const fail = (code: ImageProblem['code'], problem: string, hint: string): never => {
    throw new ImageError({ construct: 'image', code, line, problem, found, hint });
  };
  const source = imageSourceProblem(image.url);
  if (source) fail('image-source', source.problem, source.hint);
  const alt = (image.alt ?? '').replace(/\s+/g, ' ').trim();
  if (decorative && alt !== '') fail('image-alt-missing', 'an image marked decorative that has a text alternative', `An image either says something (keep the alt text and remove ${DECORATIVE}) or is decoration only (write ![](${image.url})${DECORATIVE}).`);
  if (!decorative && alt === '')
    fail('image-alt-missing', 'an image without a text alternative', `Say what the image shows between the brackets: ![Karta över området](${image.url}); an image that is decoration only is written ![](${image.url})${DECORATIVE}.`);
  const caption = image.title?.replace(/\s+/g, ' ').trim();
  return { type: 'image', src: image.url, alt, ...(caption ? { caption } : {}), ...(decorative ? { decorative: true as const } : {}) };
}

function mdBlocks(nodes: readonly Mdast.RootContent[], inList = false): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      out.push({ type: 'list', ordered: node.ordered === true, items: node.children.map((item) => mdBlocks(item.children, true)) });
    } else if (node.type === 'paragraph' && !inList && imageParagraph(node)) {
      out.push(imageParagraph(node)!);
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      out.push(...paragraph(mdInlines(node.children)));
    } else if (node.type === 'blockquote') {
      out.push(...mdBlocks(node.children));
    } else if (node.type === 'code' || node.type === 'html') {
      out.push(...paragraph([text(node.value)]));
    } else if (node.type !== 'thematicBreak' && node.type !== 'definition') {
      out.push(...paragraph(mdInlines([node])));
    }
  }
  return out;
}

/** Characters that may start Markdown syntax anywhere in a line (emphasis, code, links, HTML, escapes), and character references. */
const INLINE_SYNTAX = /[*_`[\]<>\\~]|&(?:#|[A-Za-z0-9]+;)/;
/** Line starts that may open a block: list, heading, quote, setext underline, fence, break, ordered item, indented code. */
const BLOCK_SYNTAX = /^(?: {0,3}(?:[-+*#>=~_]|\d{1,9}[.)](?:[ \t]|$))| {4}| {0,3}\t)/

/** A line that is plain text: no block syntax at its start and no hard break at its end. */
const isPlainLine = (line: string): boolean => !BLOCK_SYNTAX.test(line) && !/ {2}$/.test(line);

/** A bullet item's lines as its blocks. Named, not an arrow made per call, whose optimised code V8 would drop at each full collection of a batch. */
const plainItem = (item: string[]): Block[] => paragraph([text(item.join('\n'))]);

/**
 * Plain text (most of a report's text: paragraphs and simple "- " bullet lists, with no
 * Markdown syntax inside) as blocks without the Markdown parser. Undefined when the text
 * has anything else, which then goes through the parser; the result is the same.
 */
function parsePlainText(source: string): RichText | undefined {
  if (INLINE_SYNTAX.test(source)) return undefined;
  const blocks: Block[] = [];
  let lines: string[] = [];
  let items: string[][] | undefined;
  let blank = false;
  const flush = () => {
    if (lines.length > 0) blocks.push(...paragraph([text(lines.join('\n'))]));
    lines = [];
    if (items) blocks.push({ type: 'list', ordered: false, items: items.map(plainItem) });
    items = undefined;
  };
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (/^[ \t]*$/.test(line)) {
      if (!items) flush();
      blank = true;
      continue;
    }
    if (line.startsWith('- ') && /^\S/.test(line.slice(2)) && isPlainLine(line.slice(2))) {
      // A bullet item: it interrupts a paragraph, and blank lines between items keep the list.
      if (!items) flush();
      (items ??= []).push([line.slice(2)]);
    } else if (!isPlainLine(line) || (items && /^\s/.test(line))) return undefined;
    else if (items && !blank) items[items.length - 1]!.push(line);
    else {
      if (items) flush();
      lines.push(line);
    }
    blank = false;
  }
  flush();
  return blocks;
}

/** Parses the Markdown subset into blocks. Raw HTML in Markdown stays literal text. */
export function parseMarkdown(source: string): RichText {
  return parsePlainText(source) ?? mdBlocks(fromMarkdown(source).children);
}

/** Text the model cannot render: an image in an HTML fragment (Markdown images are image blocks). */
export interface UnsupportedMarkdown {
  construct: 'html-image';
  found: string;
  hint: string;
}

/** A Markdown table the model cannot read: which line of the text, what is wrong, as written, and how to fix it. */
export interface MalformedTable {
  construct: 'malformed-table';
  /** The line within the text (1-based). */
  line: number;
  problem: string;
  found: string;
  hint: string;
}

const TABLE_ROW = /^ {0,3}\|.*\|\s*$/;
const TABLE_RULE = /^ {0,3}\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
/** A separator between cells inside a line of pipes (`| År | Antal | |---|---:| | 2024 | 12 |`). */
const JOINED_RULE = /\|\s*:?-{3,}:?\s*\|/;
/** A separator line: dashes between pipes (a line of dashes alone is a thematic break). */
const isRule = (line: string): boolean => line.includes('|') && TABLE_RULE.test(line);
const TABLE_CAPTION = /^ {0,3}(?:Tabell|Table):\s*(\S.*?)\s*$/;

/** The cells of a pipe-table row: split at `|` not escaped as `\|`, outer pipes dropped. */
function tableCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A cell's Markdown as inlines (emphasis, links, language spans; block syntax stays text). */
function cellInlines(source: string, line: number): Inline[] {
  if (source === '') return [];
  let blocks: Block[];
  try {
    blocks = mdBlocks(fromMarkdown(source).children, true);
  } catch (error) {
    if (error instanceof ImageError) throw new ImageError({ ...error.problem, line });
    throw error;
  }
  const first = blocks[0];
  return first?.type === 'paragraph' && blocks.length === 1 ? first.children : normaliseInlines([text(source)]);
}

/** Rich text with its tables: each table becomes a table block between the Markdown around it. */
function parseWithTables(source: string): RichText | MalformedTable {
  const lines = source.split(/\r\n|\r|\n/);
  const out: Block[] = [];
  let from = 0;
  let i = 0;
  const malformed = (line: number, problem: string, found: string, hint: string): MalformedTable => ({ construct: 'malformed-table', line: line + 1, problem, found: found.trim(), hint });
  let fence: string | undefined;
  while (i < lines.length) {
    const line = lines[i]!;
    // Pipes inside a fenced code block are its text, not a table.
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === undefined ? marker : undefined;
    if (fence !== undefined || marker || (!TABLE_ROW.test(line) && !isRule(line))) {
      i++;
      continue;
    }
    const rule = isRule(line) ? i : isRule(lines[i + 1] ?? '') ? i + 1 : -1;
    if (rule === i) return malformed(i, 'a header separator with no header row above it', line, 'Write the header row right above the separator line (|---|---|), starting and ending with "|": | Rubrik | Rubrik |.');
    if (rule < 0) {
      // A header, its separator and rows run together on one line: a text whose lines YAML
      // joined (written with ">" or without a block indicator), which would be a paragraph of pipes.
      if (JOINED_RULE.test(line)) return malformed(i, 'the rows of a table joined into one line', line, 'Each row of a table is a line of its own, but YAML joins the lines of a text written with ">" or without a block indicator: write the text as a block with "|" (key: |) to keep its lines.');
      // Two or more lines of pipes without a separator: a table missing its header separator.
      if (TABLE_ROW.test(lines[i + 1] ?? '')) return malformed(i, 'a table with no header separator', line, 'Put a separator line such as |---|---| (one --- per column) right below the header row.');
      i++;
      continue;
    }
    const header = tableCells(line);
    const columns = tableCells(lines[rule]!).length;
    if (columns !== header.length) return malformed(rule, `a header separator of ${columns} columns under a header of ${header.length}`, lines[rule]!, `Give the separator one --- per header cell: ${header.map(() => '---').join(' | ')}.`);
    let end = rule + 1;
    const rows: Inline[][][] = [];
    for (; end < lines.length && TABLE_ROW.test(lines[end]!); end++) {
      const cells = tableCells(lines[end]!);
      if (cells.length !== header.length)
        return malformed(end, `a row of ${cells.length} cells in a table of ${header.length} columns`, lines[end]!, `Give every row ${header.length} cells, one per column; write an empty cell as | |, and a "|" inside a cell as \\|.`);
      rows.push(cells.map((cell) => cellInlines(cell, end + 1)));
    }
    // A line right after the rows with a "|" in it is a row missing its outer pipes, which would become a paragraph.
    if (end < lines.length && lines[end]!.includes('|') && lines[end]!.trim() !== '')
      return malformed(end, 'a row that does not start and end with "|"', lines[end]!, 'Start and end every row with "|", or leave a blank line between the table and the text after it.');
    if (rows.length === 0) return malformed(rule, 'a table with a header and no rows', lines[rule]!, 'Add the rows below the separator line, or remove the table.');
    const captionLine = i > from ? TABLE_CAPTION.exec(lines[i - 1]!) : null;
    out.push(...parseAt(lines.slice(from, captionLine ? i - 1 : i).join('\n'), from));
    out.push({ type: 'table', ...(captionLine ? { caption: captionLine[1]! } : {}), header: header.map((cell) => cellInlines(cell, i + 1)), rows });
    from = i = end;
  }
  out.push(...parseAt(lines.slice(from).join('\n'), from));
  return out;
}

/** Parses the lines of a text from line `offset` (0-based) on; an image problem's line counts in the whole text. */
function parseAt(source: string, offset: number): RichText {
  try {
    return parseMarkdown(source);
  } catch (error) {
    if (error instanceof ImageError) throw new ImageError({ ...error.problem, line: error.problem.line + offset });
    throw error;
  }
}

// --- HTML fragments -------------------------------------------------------

function hastInlines(nodes: readonly Hast.RootContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push(text(node.value));
    else if (node.type === 'element') {
      const children = hastInlines(node.children);
      switch (node.tagName) {
        case 'em':
        case 'i':
          out.push({ type: 'emphasis', children });
          break;
        case 'strong':
        case 'b':
          out.push({ type: 'strong', children });
          break;
        case 'a': {
          const href = node.properties?.href;
          if (typeof href === 'string' && SAFE_URL.test(href)) out.push({ type: 'link', url: href, children });
          else out.push(...children);
          break;
        }
        case 'br':
          out.push(text(' '));
          break;
        case 'img': {
          const unsupported: UnsupportedMarkdown = {
            construct: 'html-image',
            found: `<img src="${String(node.properties?.src ?? '')}">`,
            hint: 'Write the image in Markdown instead, as a paragraph of its own: ![what it shows](bilder/karta.png), with the file in the report\'s folder.',
          };
          throw new UnsupportedError(unsupported);
        }
        default:
          out.push(...children);
      }
    }
  }
  return out;
}

const BLOCK_TAGS = new Set(['p', 'div', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'section', 'article']);

function hastBlocks(nodes: readonly Hast.RootContent[]): Block[] {
  const out: Block[] = [];
  let pending: Hast.RootContent[] = [];
  const flush = () => {
    out.push(...paragraph(hastInlines(pending)));
    pending = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol')) {
      flush();
      const items = node.children
        .filter((c): c is Hast.Element => c.type === 'element' && c.tagName === 'li')
        .map((li) => stripBullets(hastBlocks(li.children)));
      out.push({ type: 'list', ordered: node.tagName === 'ol', items });
    } else if (node.type === 'element' && BLOCK_TAGS.has(node.tagName)) {
      flush();
      out.push(...hastBlocks(node.children));
    } else {
      pending.push(node);
    }
  }
  flush();
  return out;
}

/** Word exports often put a literal bullet inside list items: the list already says it. */
function stripBullets(blocks: Block[]): Block[] {
  const first = blocks[0];
  if (first?.type === 'paragraph' && first.children[0]?.type === 'text') {
    first.children[0].value = first.children[0].value.replace(/^[•·\-–]\s*/, '');
  }
  return blocks;
}

/** Converts an HTML fragment through a sanitising parser into blocks. */
export function parseHtml(source: string): RichText {
  const tree = sanitize(fromHtml(source, { fragment: true })) as Hast.Root;
  return hastBlocks(tree.children);
}

// --- codec ----------------------------------------------------------------

const isInline = (u: unknown): u is Inline => {
  if (typeof u !== 'object' || u === null) return false;
  const n = u as Record<string, unknown>;
  if (n.type === 'text') return typeof n.value === 'string' && Object.keys(n).length === 2;
  if (n.type === 'emphasis' || n.type === 'strong') return Array.isArray(n.children) && n.children.every(isInline);
  if (n.type === 'link') return typeof n.url === 'string' && SAFE_URL.test(n.url) && Array.isArray(n.children) && n.children.every(isInline);
  if (n.type === 'foreign') return typeof n.language === 'string' && LANGUAGE.test(n.language) && Array.isArray(n.children) && n.children.every(isInline);
  return false;
};
const isBlock = (u: unknown): u is Block => {
  if (typeof u !== 'object' || u === null) return false;
  const n = u as Record<string, unknown>;
  if (n.type === 'paragraph') return Array.isArray(n.children) && n.children.every(isInline);
  if (n.type === 'list')
    return typeof n.ordered === 'boolean' && Array.isArray(n.items) && n.items.every((i) => Array.isArray(i) && i.every(isBlock));
  if (n.type === 'image')
    return (
      typeof n.src === 'string' &&
      imageSourceProblem(n.src) === undefined &&
      typeof n.alt === 'string' &&
      (n.caption === undefined || typeof n.caption === 'string') &&
      (n.decorative === undefined ? n.alt.trim() !== '' : n.decorative === true && n.alt === '')
    );
  if (n.type === 'table') {
    const isRow = (r: unknown): r is Inline[][] => Array.isArray(r) && r.every((cell) => Array.isArray(cell) && cell.every(isInline));
    return (
      (n.caption === undefined || typeof n.caption === 'string') &&
      isRow(n.header) &&
      n.header.length > 0 &&
      Array.isArray(n.rows) &&
      n.rows.every((r) => isRow(r) && r.length === (n.header as unknown[]).length)
    );
  }
  return false;
};
const isBlocks = (u: unknown): u is RichText => Array.isArray(u) && u.every(isBlock);

/**
 * Rich text: a Markdown string, `{ html: "…" }` for legacy fragments, or the block tree
 * itself (as written by the open-data JSON). Decodes to the block tree. A Markdown pipe
 * table (header row, separator `|---|---|`, rows of as many cells; a line `Tabell: …` right
 * before it is its caption) becomes a table block; a malformed one is an error. An image
 * standing as a paragraph of its own becomes an image block (see {@link ImageBlock}); one
 * without alt text, with a URL or a path out of the report's folder, or inside a line of
 * text, a list or a table cell is an error.
 */
export const RichText = new t.Type<RichText, RichText, unknown>(
  'rich text (Markdown string, { html: string } or block list)',
  isBlocks,
  (u, c) => {
    try {
      if (typeof u === 'string') {
        if (!u.includes('|')) return t.success(parseMarkdown(u));
        const blocks = parseWithTables(u);
        return Array.isArray(blocks) ? t.success(blocks) : t.failure(u, c, JSON.stringify(blocks));
      }
      if (typeof u === 'object' && u !== null && !Array.isArray(u) && Object.keys(u).length === 1 && typeof (u as { html?: unknown }).html === 'string')
        return t.success(parseHtml((u as { html: string }).html));
    } catch (error) {
      if (error instanceof ImageError) return t.failure(u, c, JSON.stringify(error.problem));
      if (error instanceof UnsupportedError) return t.failure(u, c, JSON.stringify(error.unsupported));
      throw error;
    }
    if (isBlocks(u)) return t.success(u);
    return t.failure(u, c);
  },
  t.identity,
);

/** The plain text of inlines. */
export function inlineText(inlines: readonly Inline[]): string {
  // A loop, not an arrow made per call, whose optimised code V8 would drop at each full collection of a batch.
  let out = '';
  for (const n of inlines) out += n.type === 'text' ? n.value : inlineText(n.children);
  return out;
}

/** The plain text of rich text: paragraphs separated by blank lines, list items by "- ", table rows as cells between "|", an image as its text alternative (nothing for decoration). */
export function plainText(blocks: RichText): string {
  const row = (cells: Inline[][]) => `| ${cells.map(inlineText).join(' | ')} |`;
  return blocks
    .map((b) =>
      b.type === 'paragraph'
        ? inlineText(b.children)
        : b.type === 'list'
          ? b.items.map((item) => `- ${plainText(item).replace(/\n\n/g, ' ')}`).join('\n')
          : b.type === 'image'
            ? [b.alt, ...(b.caption ? [b.caption] : [])].filter((x) => x !== '').join(' ')
            : [...(b.caption ? [b.caption] : []), row(b.header), ...b.rows.map(row)].join('\n'),
    )
    .filter((x) => x !== '')
    .join('\n\n');
}
