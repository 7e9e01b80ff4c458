export * from './main.js';
export * from './io.js';
export { validateFile, type ValidateJson, type ValidateOptions } from './commands/validate.js';
export { runBuild, type BuildOptions, type BuildJson, type BuildJsonReport } from './commands/build.js';
export { runInit, type InitOptions } from './commands/init.js';
export { startPreview, type PreviewOptions, type PreviewServer, type RebuildInfo } from './commands/preview.js';
export { neutralise, type NeutraliseOptions } from './terminal.js';
