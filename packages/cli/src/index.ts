export * from './main.js';
export * from './io.js';
export { validateFile, type ValidateJson, type ValidateOptions } from './commands/validate.js';
