// Public entry of @kommunrapport/plugin-pdf: the plugin as default export, and its parts.
export { pdfPlugin as default, pdfPlugin, PDF_FILE } from './plugin.js';
export { PdfOptions, DEFAULT_OPTIONS, PAGE_SIZES } from './options.js';
export { renderPdf } from './render.js';
export { escapeXml } from './metadata.js';
