// Public entry of @kommunrapport/plugin-html: the plugin (default export) and its parts.
export { default, renderHtml } from './plugin.js';
export { HtmlOptions, defaultOptions } from './options.js';
export { renderPage, pageTree, type PageInput } from './page.js';
export { contrastRatio, relativeLuminance, MIN_CONTRAST } from './contrast.js';
export { palette } from './palette.js';
export { readableColour } from '@kommunrapport/core';
export { formatLinks, otherFormats, OTHER_FORMATS_ID, tableCsvLinks, type FormatLink, type TableCsvLink } from './formats.js';
