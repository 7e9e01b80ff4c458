// Public API of @kommunrapport/plugin-text.
export { default, TEXT_FILE, MARKDOWN_FILE } from './plugin.js';
export * from './options.js';
export * from './render.js';
export * from './dialect.js';
export * from './wrap.js';
