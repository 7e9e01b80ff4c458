// The page's links to the report in its other formats: the PDF, the text version, the
// Word document and the open data that the same build made (`ctx.siblings`), each with
// its size. Only formats actually built are listed; with none, there is no block. The
// markup is a stable contract for pages that link to reports (a site's report pages):
// `nav#other-formats > ul > li > a[data-format]`, the size in `span.size`.
// Also the link beside each table to that table's CSV, when the build made it (the open
// data writes one per table, named by core's documentTables and tableCsvFile).
import { h } from 'hastscript';
import type { Element } from 'hast';
import { documentTables, tableCsvFile, type DocBlock, type DocumentModel, type Formatter, type SiblingFile, type Vocabulary } from '@kommunrapport/core';

/** The id of the block of links. */
export const OTHER_FORMATS_ID = 'other-formats';

/** One link to the report in another format. */
export interface FormatLink {
  /** A stable key: `pdf`, `text`, `docx` or `open-data`. */
  format: 'pdf' | 'text' | 'docx' | 'open-data';
  /** The format's name in the vocabulary's words (term formatPdf, formatText …). */
  label: string;
  /** The file, relative to the page (URL-encoded). */
  href: string;
  /** The file's media type. */
  mediaType: string;
  /** The file's size, written in the report's language, e.g. `1,2 MB`. */
  size: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The formats linked, in this order, and which file of the build stands for each (by media type, so any plugin's file qualifies). */
const KINDS = [
  { format: 'pdf', term: 'formatPdf', matches: (f: SiblingFile) => f.mediaType === 'application/pdf' },
  { format: 'text', term: 'formatText', matches: (f: SiblingFile) => /^text\/plain(;|$)/.test(f.mediaType) },
  { format: 'docx', term: 'formatDocx', matches: (f: SiblingFile) => f.mediaType === DOCX },
  // The data package's descriptor lists every file of the open data, with its own links.
  { format: 'open-data', term: 'formatOpenData', matches: (f: SiblingFile) => f.path === 'datapackage.json' || f.path.endsWith('/datapackage.json') },
] as const;

/** The links to the other formats of a build: the first file (by path) of each kind the build made. */
export function formatLinks(siblings: readonly SiblingFile[], vocabulary: Vocabulary, format: Formatter): FormatLink[] {
  return KINDS.flatMap((kind) => {
    const file = siblings.find(kind.matches);
    if (!file) return [];
    const href = file.path.split('/').map(encodeURIComponent).join('/');
    return [{ format: kind.format, label: vocabulary.term(kind.term), href, mediaType: file.mediaType, size: format.fileSize(file.bytes) }];
  });
}

/** The block of links, or nothing when the build made no other format. */
export function otherFormats(links: readonly FormatLink[], vocabulary: Vocabulary): Element | undefined {
  if (links.length === 0) return undefined;
  const headingId = `${OTHER_FORMATS_ID}-heading`;
  return h('nav', { id: OTHER_FORMATS_ID, ariaLabelledby: headingId }, [
    h('h2', { id: headingId }, vocabulary.term('otherFormats')),
    h(
      'ul',
      links.map((l) => h('li', [h('a', { href: l.href, type: l.mediaType, dataFormat: l.format }, l.label), ' ', h('span.size', `(${l.size})`)])),
    ),
  ]);
}

/** The link beside a table to its CSV. */
export interface TableCsvLink {
  /** The words of the link (term downloadTableCsv); the table's caption completes its accessible name. */
  label: string;
  /** The file, relative to the page (URL-encoded). */
  href: string;
  /** The file's size, written in the report's language. */
  size: string;
}

const isCsv = (f: SiblingFile) => /^text\/csv(;|$)/.test(f.mediaType);

/** The CSV at `path`, or at `path` inside some folder (a loop, not an arrow made per table, whose optimised code V8 would drop at each full collection). */
function csvAt(csv: readonly SiblingFile[], path: string): SiblingFile | undefined {
  for (const f of csv) if (f.path === path || f.path.endsWith(`/${path}`)) return f;
  return undefined;
}

/** The CSV link of each table of the document whose CSV the build made, by the block that shows the table; empty without the open data. */
export function tableCsvLinks(document: DocumentModel, siblings: readonly SiblingFile[], vocabulary: Vocabulary, format: Formatter): Map<DocBlock, TableCsvLink> {
  const links = new Map<DocBlock, TableCsvLink>();
  const csv = siblings.filter(isCsv);
  if (csv.length === 0) return links;
  const label = vocabulary.term('downloadTableCsv');
  for (const { block, name } of documentTables(document)) {
    const path = tableCsvFile(name);
    const file = csvAt(csv, path);
    if (file) links.set(block, { label, href: file.path.split('/').map(encodeURIComponent).join('/'), size: format.fileSize(file.bytes) });
  }
  return links;
}

/**
 * The link beside a table: its words shown, its accessible name those words and the table's
 * caption (aria-labelledby: the link itself, then the caption), so each link names its table.
 */
export function tableCsvLink(link: TableCsvLink, id: string, captionId: string): Element {
  return h('p.csv', [h('a', { id, href: link.href, type: 'text/csv', download: true, ariaLabelledby: `${id} ${captionId}` }, link.label), ' ', h('span.size', `(${link.size})`)]);
}
