// Public API of @kommunrapport/create-plugin: name rules, templates, tsconfig edits, the generator and the command.
export * from './name.js';
export * from './templates.js';
export * from './versions.js';
export * from './workspace.js';
export * from './generate.js';
export * from './root.js';
export * from './cli.js';
