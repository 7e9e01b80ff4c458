// Decoding a plugin's options through its io-ts codec, with the same located diagnostics
// (code, path, line, expected, found, hint) as a report, plus the plugin's name.
import { errorsToDiagnostics, type Diagnostic, type Locate } from '@kommunrapport/model';
import type { Plugin } from './plugin.js';

/** A diagnostic about a plugin's options: a report-style diagnostic naming the plugin. */
export interface OptionsDiagnostic extends Diagnostic {
  /** The plugin whose options are wrong. */
  plugin: string;
}

/** Where the raw options came from, so diagnostics point into that file. */
export interface DecodeOptionsSource {
  /** The config file, e.g. `reports/kommunrapport.config.yaml`. */
  file?: string;
  /** Maps a path in the config file to its line and column (from the model's parseYaml). */
  locate?: Locate;
  /** Path of the options inside the file; default `['options', <plugin name>]`. */
  at?: readonly (string | number)[];
}

/** The result of {@link decodeOptions}. */
export interface DecodedOptions<O> {
  /** The decoded, defaulted options; absent when they did not decode. */
  value?: O;
  diagnostics: OptionsDiagnostic[];
}

/**
 * Decodes raw options (from a config file or the API; `undefined` means none given, decoded
 * as `{}`) with the plugin's codec. Paths are given from the top of the config file, e.g.
 * `options.html.theme`.
 */
export function decodeOptions<O>(plugin: Plugin<O>, raw: unknown, source: DecodeOptionsSource = {}): DecodedOptions<O> {
  const result = plugin.options.decode(raw === undefined ? {} : raw);
  if (result._tag === 'Right') return { value: result.right, diagnostics: [] };
  const at = source.at ?? ['options', plugin.name];
  const locate = source.locate;
  const diagnostics = errorsToDiagnostics(result.left, {
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(locate ? { locate: (path, o) => locate([...at, ...path], o) } : {}),
  });
  const prefix = at.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
  return {
    diagnostics: diagnostics.map((d) => ({
      ...d,
      path: d.path === '' ? prefix : d.path.startsWith('[') ? `${prefix}${d.path}` : `${prefix}.${d.path}`,
      message: `Plugin "${plugin.name}": ${d.message}`,
      plugin: plugin.name,
    })),
  };
}
