// Public API of @kommunrapport/api-report: the extractor, the report and model-doc renderers, the sample embedder and the command.
export * from './extract.js';
export * from './report.js';
export * from './model-doc.js';
export * from './embed.js';
export * from './diff.js';
export * from './run.js';
export * from './cli.js';
export * from './document-doc.js';
