// The one catalogue of codes: the model's findings, the build's problems and the codes each
// plugin declares, all in one shape (DiagnosticDefinition). The troubleshooting docs are
// generated from it; a plugin's codes are listed under its name, as the build reports them.
import { DIAGNOSTIC_CODES, type DiagnosticDefinition } from '@kommunrapport/model';
import { BUILD_PROBLEM_CODES } from './build-error.js';
import { COMMAND_CODES } from './command-codes.js';
import type { Plugin } from './plugin.js';

/** One code of the catalogue: the code, the plugin that owns it (none for model and build codes) and its definition. */
export interface CatalogueEntry {
  code: string;
  plugin?: string;
  definition: DiagnosticDefinition;
}

/** Every code of the model, the build and the import and kolada commands, then every code of the plugins given, in that order. */
export function catalogue(plugins: readonly Pick<Plugin<any, any>, 'name' | 'codes'>[] = []): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const [code, definition] of Object.entries(DIAGNOSTIC_CODES)) entries.push({ code, definition });
  for (const [code, definition] of Object.entries(BUILD_PROBLEM_CODES)) entries.push({ code, definition });
  for (const [code, definition] of Object.entries(COMMAND_CODES)) entries.push({ code, definition });
  for (const p of plugins) for (const [code, definition] of Object.entries(p.codes ?? {})) entries.push({ code, plugin: p.name, definition: definition as DiagnosticDefinition });
  return entries;
}
