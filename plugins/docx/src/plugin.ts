// The docx plugin: the report as a Word document (rapport.docx) a secretary can continue
// in Word, serialised from the core's DocumentModel like every other format.
import { definePlugin, siteColours } from '@kommunrapport/core';
import { DocxOptions } from './options.js';
import { renderDocx } from './render.js';

/** The Word document's file name. */
export const DOCX_FILE = 'rapport.docx';
/** The media type of a Word document (Office Open XML). */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The `docx` format: `rapport.docx`, dated by the document's date, never the clock. */
const docxPlugin = definePlugin<DocxOptions>({
  name: 'docx',
  formats: ['docx'],
  options: DocxOptions,
  async render(_report, ctx) {
    const primary = siteColours(ctx.site?.settings).primary;
    const brand = { ...(primary ? { primary } : {}), ...(ctx.site?.logo ? { logo: ctx.site.logo } : {}) };
    const contents = await renderDocx(ctx.document, { locale: ctx.format.locale, date: ctx.documentDate, options: ctx.options, brand });
    return [{ path: DOCX_FILE, contents, mediaType: DOCX_MEDIA_TYPE }];
  },
});

export default docxPlugin;
