// Renders a document model to the bytes of a tagged PDF/UA-1 file: A4 pages, cover,
// table of contents, sections, headers and footers, metadata and a structure IDTree.
import { siteColours, type DocumentModel, type RenderContext } from '@kommunrapport/core';
import type { PDF_CODES } from './codes.js';
import { drawCover } from './cover.js';
import { loadFonts } from './fonts.js';
import { useFastOutput, type DocumentInternals } from './fast-output.js';
import { drawFurniture } from './furniture.js';
import { fixFileId, infoEntries, usePlaceholderId, useEscapedXmp, type DocumentInfo } from './metadata.js';
import { PAGE_SIZES, type PdfOptions } from './options.js';
import { createPdfDoc, type PdfDoc } from './pdfkit-api.js';
import { drawSection } from './sections.js';
import { DEFAULT_BRAND, type RenderState } from './state.js';
import { fillToc, reserveToc } from './toc.js';
import { Writer, type LayoutRecord } from './writer.js';

/** Writes the structure ids in use as the StructTreeRoot's IDTree (keys in byte order). */
function writeIdTree(state: RenderState): void {
  if (state.ids.size === 0) return;
  // The default sort compares strings as `<` does; a plain loop, not arrows made per report
  // (V8 would compile them again after every full collection of a batch).
  const keys = [...state.ids.keys()].sort();
  const names: unknown[] = [];
  for (const k of keys) names.push(new String(k), state.ids.get(k)!.dictionary);
  state.doc.getStructTreeRoot().data.IDTree = { Names: names };
}

/**
 * Renders the document model with the plugin's context to PDF bytes. `observe` receives
 * the layout's records (what was placed on which page), for checks of the typesetting rules.
 */
export async function renderPdf(model: DocumentModel, ctx: RenderContext<PdfOptions, typeof PDF_CODES>, observe?: (records: readonly LayoutRecord[], pages: number) => void): Promise<Uint8Array> {
  const fonts = loadFonts();
  const options = ctx.options;
  const [pageWidth, pageHeight] = PAGE_SIZES[options.pageSize];
  // The owner as the document names it: "Kommunstyrelsen, Eskilstuna", a kommunalförbund by its name.
  const body = model.owner;
  const info: DocumentInfo = {
    title: model.title,
    author: body,
    subject: `${ctx.vocabulary.reportKind()}, ${model.cover.find((f) => f.term === ctx.vocabulary.term('period'))?.value ?? ''}`.replace(/, $/, ''),
    language: ctx.format.locale,
    date: ctx.documentDate,
  };
  const doc = createPdfDoc({
    size: [pageWidth, pageHeight],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: ctx.format.locale,
    displayTitle: true,
    subset: 'PDF/UA',
    // No default font: the first `font('regular')` then caches under its registered name. A font
    // object given here would be cached only under its PostScript name, and every later
    // `font('regular')` would re-open and compare it (most of the render time).
    font: null,
    info: infoEntries(info),
  });
  useEscapedXmp(doc, info);
  usePlaceholderId(doc);
  const done = useFastOutput(doc as unknown as DocumentInternals);
  for (const key of ['regular', 'bold', 'italic'] as const) doc.registerFont(key, fonts[key]);

  const margin = pageWidth < 500 ? 42 : 62;
  const writer = new Writer(doc, { left: margin, right: pageWidth - margin, top: 78, bottom: pageHeight - 66 }, fonts, ctx.format.locale);
  const colours = siteColours(ctx.site?.settings);
  const brand = { primary: colours.primary ?? DEFAULT_BRAND.primary, accent: colours.accent ?? DEFAULT_BRAND.accent };
  const state: RenderState = { doc, writer, ctx, size: options.fontSize, headings: [], outline: [], ids: new Map(), brand };
  const root = doc.struct('Document');
  doc.addStructure(root);

  writer.newPage();
  drawCover(state, root, model);
  const toc = reserveToc(state, root, model);
  writer.newPage();
  toc.headingStart = state.headings.length;
  model.sections.forEach((section, i) => {
    ctx.progress(i, model.sections.length, section.title);
    drawSection(state, root, section);
  });
  ctx.progress(model.sections.length, model.sections.length);
  fillToc(state, toc);
  drawFurniture(state, model, body);
  root.end();
  writeIdTree(state);
  if (writer.missing.size > 0)
    ctx.report('missing-glyph', { characters: [...writer.missing].join(' ') });
  observe?.(writer.records, writer.pageCount);
  doc.end();
  return fixFileId(await done);
}
