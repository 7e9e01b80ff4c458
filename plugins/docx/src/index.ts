// Public API of @kommunrapport/plugin-docx.
export { default, DOCX_FILE, DOCX_MEDIA_TYPE } from './plugin.js';
export * from './options.js';
export * from './render.js';
export * from './reproducible.js';
