// The five first-party plugins, by format name, loaded only when a command needs them (so
// `validate` does not pay for fonts and PDF tables).
import { fileURLToPath } from 'node:url';
import type { Plugin } from '@kommunrapport/core';

/** This package's folder (src/ and dist/ are both one level below it): worker threads resolve first-party plugins from here. */
export const CLI_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A first-party plugin: the format it is chosen by, its package, and how to import it. */
export interface FirstParty {
  format: string;
  package: string;
  load: () => Promise<Plugin<any>>;
}

/** html, pdf, text, open-data and docx, in the order a build without --format runs them. */
export const FIRST_PARTY: readonly FirstParty[] = [
  { format: 'html', package: '@kommunrapport/plugin-html', load: async () => (await import('@kommunrapport/plugin-html')).default as Plugin<any> },
  { format: 'pdf', package: '@kommunrapport/plugin-pdf', load: async () => (await import('@kommunrapport/plugin-pdf')).default as Plugin<any> },
  { format: 'text', package: '@kommunrapport/plugin-text', load: async () => (await import('@kommunrapport/plugin-text')).default as Plugin<any> },
  { format: 'open-data', package: '@kommunrapport/plugin-open-data', load: async () => (await import('@kommunrapport/plugin-open-data')).default as Plugin<any> },
  { format: 'docx', package: '@kommunrapport/plugin-docx', load: async () => (await import('@kommunrapport/plugin-docx')).default as Plugin<any> },
];
