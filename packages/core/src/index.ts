export * from './plugin.js';
export * from './format.js';
export * from './vocabulary.js';
export * from './document.js';
export * from './context.js';
