export * from './extract.js';
export * from './report.js';
export * from './model-doc.js';
export * from './embed.js';
export * from './diff.js';
export * from './run.js';
export * from './cli.js';
