export * from './name.js';
export * from './templates.js';
export * from './workspace.js';
export * from './generate.js';
export * from './root.js';
export * from './cli.js';
