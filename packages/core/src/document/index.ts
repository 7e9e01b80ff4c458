// The semantic document: its types, its builder and the helpers every writer shares.
export * from './types.js';
export * from './inline.js';
export * from './build.js';
export * from './shared.js';
export * from './description.js';
export * from './owner.js';
