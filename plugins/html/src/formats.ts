// The page's links to the report in its other formats: the PDF, the text version, the
// Word document and the open data that the same build made (`ctx.siblings`), each with
// its size. Only formats actually built are listed; with none, there is no block. The
// markup is a stable contract for pages that link to reports (a site's report pages):
// `nav#other-formats > ul > li > a[data-format]`, the size in `span.size`.
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Formatter, SiblingFile, Vocabulary } from '@kommunrapport/core';

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
