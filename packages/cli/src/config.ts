// The optional `kommunrapport.config.(json|yaml|yml)` next to a report: extra plugins (by
// package name or path, relative to the config file) and options per plugin name. Decoded
// strictly, with diagnostics pointing into the file like a report's.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as t from 'io-ts';
import { readInputFile } from '@kommunrapport/core';
import { decodeSource, decodeWith, NonEmptyString, parseYaml, strict, type Diagnostic, type Locate } from '@kommunrapport/model';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_NAMES = ['kommunrapport.config.json', 'kommunrapport.config.yaml', 'kommunrapport.config.yml'] as const;

/** The config file's codec. */
export const BuildConfig = strict(
  'BuildConfig',
  'Build settings next to a report: plugins to add and options per plugin name.',
  {},
  { plugins: t.array(NonEmptyString), options: t.record(t.string, t.unknown) },
);
/** The config file's content. */
export type BuildConfig = t.TypeOf<typeof BuildConfig>;

/** A config file read and decoded. */
export interface LoadedConfig {
  /** The config file, or undefined when the report's folder has none. */
  file?: string;
  /** The folder plugin paths are relative to. */
  dir: string;
  config: BuildConfig;
  locate?: Locate;
  diagnostics: Diagnostic[];
}

/** Finds the config file in a folder (the first of {@link CONFIG_NAMES} that exists). */
export function findConfig(dir: string): string | undefined {
  for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** Reads the config next to a report; an absent config is an empty one. `display` names the file in diagnostics. */
export async function loadConfigFor(reportFile: string, display: (file: string) => string = (f) => f): Promise<LoadedConfig> {
  const dir = dirname(reportFile);
  const file = findConfig(dir);
  if (file === undefined) return { dir, config: {}, diagnostics: [] };
  const shown = display(file);
  // Like a report: the size before reading, and UTF-8 only, so no letter of an option is lost.
  const input = await readInputFile(file, { display: shown });
  if (input.diagnostic) return { file, dir, config: {}, diagnostics: [input.diagnostic] };
  const source = decodeSource(input.bytes, shown);
  if (source.text === undefined) return { file, dir, config: {}, diagnostics: source.diagnostics };
  const parsed = parseYaml(source.text, shown);
  if (parsed.diagnostics.length > 0) return { file, dir, config: {}, diagnostics: parsed.diagnostics };
  const decoded = decodeWith(BuildConfig, parsed.value ?? {}, { file: shown, locate: parsed.locate });
  return { file, dir, config: decoded.value ?? {}, locate: parsed.locate, diagnostics: decoded.diagnostics };
}
