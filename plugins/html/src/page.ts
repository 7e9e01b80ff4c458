// The whole page as one hast tree: head with title, description and inline styles, a skip
// link, the header with the title, cover facts and links to the other formats, the table of contents, the sections in main,
// and the footer. Serialised by hast-util-to-html, so every input string is text.
import { h } from 'hastscript';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { DocBlock, DocumentModel, DocSection, LogoImage, Vocabulary } from '@kommunrapport/core';
import { createIds } from './ids.js';
import { facts, heading, section, toc } from './sections.js';
import { brandStyle, stylesheet, escapeStyle } from './style.js';
import type { HtmlOptions } from './options.js';
import { otherFormats, OTHER_FORMATS_ID, type FormatLink, type TableCsvLink } from './formats.js';

/** What the page shows besides the document: its <title> text. */
export interface PageInput {
  document: DocumentModel;
  vocabulary: Vocabulary;
  /** The text of <title>: report, body, kommun and period. */
  title: string;
  options: HtmlOptions;
  /** The site's look: colours that passed the contrast check, and the logo. */
  site?: { primary?: string; accent?: string; logo?: LogoImage };
  /** Links to the report in the other formats of the same build (default none). */
  formats?: readonly FormatLink[];
  /** The link beside each table to its CSV, by the block that shows the table (default none). */
  tableCsv?: ReadonlyMap<DocBlock, TableCsvLink>;
}

const MAIN_ID = 'main';
const TOC_ID = 'toc';

/** Builds the page as a hast tree. */
export function pageTree({ document: doc, vocabulary: v, title, options, site, formats = [], tableCsv = new Map() }: PageInput): Root {
  const ids = createIds([MAIN_ID, TOC_ID, OTHER_FORMATS_ID, `${OTHER_FORMATS_ID}-heading`]);
  const headingIds = new Map<DocSection, string>();
  const regionNames = new Set<string>();
  const links = otherFormats(formats, v);
  const logo = site?.logo ? [h('img.logo', { src: `data:${site.logo.mediaType};base64,${Buffer.from(site.logo.bytes).toString('base64')}`, alt: site.logo.alt })] : [];
  const header = h('header', [...logo, heading(1, {}, doc.title), facts(doc.cover), ...(links ? [links] : [])]);
  const sections = doc.sections.map((s) => section(s, { ids, regionNames, headingIds, csv: tableCsv }));
  const contents = toc(doc.sections, headingIds, options.tocDepth);
  const styles = [h('style', stylesheet), ...(site ? [h('style', brandStyle(site))] : []), ...(options.css ? [h('style', escapeStyle(options.css))] : [])];
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: doc.language }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          h('meta', { name: 'description', content: doc.description }),
          ...styles,
        ]),
        h('body', [
          h('a.skip', { href: `#${MAIN_ID}` }, v.term('skipToContent')),
          header,
          ...(contents ? [h('nav', { ariaLabelledby: TOC_ID }, [h('h2', { id: TOC_ID }, v.term('contents')), contents])] : []),
          h('main', { id: MAIN_ID }, sections),
          h('footer', [h('p', v.term('generatedBy'))]),
        ]),
      ]),
    ],
  };
}

/** Renders the page to HTML text. */
export function renderPage(input: PageInput): string {
  return `${toHtml(pageTree(input))}\n`;
}
