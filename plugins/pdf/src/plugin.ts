// The pdf plugin: serialises the core's document (ctx.document) as rapport.pdf.
import { definePlugin } from '@kommunrapport/core';
import { PdfOptions } from './options.js';
import { renderPdf } from './render.js';
import { PDF_CODES } from './codes.js';

/** The file the plugin writes. */
export const PDF_FILE = 'rapport.pdf';

/** The pdf plugin (format `pdf`): a tagged PDF/UA-1 file with embedded fonts. */
export const pdfPlugin = definePlugin<PdfOptions, typeof PDF_CODES>({
  name: 'pdf',
  formats: ['pdf'],
  options: PdfOptions,
  codes: PDF_CODES,
  async render(_report, ctx) {
    const model = ctx.document;
    const contents = await renderPdf(model, ctx);
    return [{ path: PDF_FILE, contents, mediaType: 'application/pdf' }];
  },
});
