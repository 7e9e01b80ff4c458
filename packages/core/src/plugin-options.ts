// Decoding a plugin's options through its io-ts codec, with the same located diagnostics
// (code, path, line, expected, found, hint) as a report, plus the plugin's name.
import * as t from 'io-ts';
import { errorsToDiagnostics, UnknownKeyType, type Diagnostic, type Locate } from '@kommunrapport/model';
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
  const input = raw === undefined ? {} : raw;
  const result = plugin.options.decode(input);
  const errors = [...unknownKeyErrors(plugin.options, input), ...(result._tag === 'Left' ? result.left : [])];
  if (result._tag === 'Right' && errors.length === 0) return { value: result.right, diagnostics: [] };
  const at = source.at ?? ['options', plugin.name];
  const locate = source.locate;
  const diagnostics = errorsToDiagnostics(errors, {
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(locate ? { locate: (path, o) => locate([...at, ...path], o) } : {}),
  });
  const prefix = at.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
  // Options that are not a mapping at all (`html: [1, 2]`, `pdf: 11`): said in words with the
  // plugin's options, not as "Expected a PdfOptions" (the codec's name).
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const defaults = plugin.options.decode({});
    const known = defaults._tag === 'Right' && typeof defaults.right === 'object' && defaults.right !== null ? (defaults.right as Record<string, unknown>) : {};
    const [first] = Object.entries(known);
    const expected = `a mapping of options${Object.keys(known).length > 0 ? ` (${Object.keys(known).join(', ')})` : ''}`;
    return {
      diagnostics: diagnostics.slice(0, 1).map((d) => ({
        ...d,
        path: prefix,
        message: `Plugin "${plugin.name}": the options must be a mapping of option names to values, found ${Array.isArray(input) ? 'a list' : input === null ? 'null' : `the ${typeof input} ${JSON.stringify(input)}`}.`,
        expected,
        hint: `Write each option on a line of its own, indented under ${at[at.length - 1]}:${first ? `, e.g. ${first[0]}: ${JSON.stringify(first[1])}` : ''}; or leave ${at[at.length - 1]}: out for the defaults.`,
        plugin: plugin.name,
      })),
    };
  }
  return {
    diagnostics: diagnostics.map((d) => ({
      ...d,
      path: d.path === '' ? prefix : d.path.startsWith('[') ? `${prefix}${d.path}` : `${prefix}.${d.path}`,
      message: `Plugin "${plugin.name}": ${d.message}`,
      plugin: plugin.name,
    })),
  };
}

/**
 * The keys an object codec made with plain io-ts declares (`t.type`, `t.partial`, `t.exact`,
 * `t.strict`, `t.intersection` of these, `t.readonly`, `t.refinement`), or undefined when the
 * codec is anything else: the model's `strict` (which reports unknown keys itself), a record,
 * a hand-written `t.Type`.
 */
function declaredKeys(codec: t.Mixed): string[] | undefined {
  const c = codec as t.Mixed & { _tag?: string; props?: t.Props; type?: t.Mixed; types?: t.Mixed[] };
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return Object.keys(c.props!);
    case 'ExactType':
    case 'ReadonlyType':
    case 'RefinementType':
      return declaredKeys(c.type!);
    case 'IntersectionType': {
      const parts = c.types!.map(declaredKeys);
      return parts.every((p) => p !== undefined) ? [...new Set(parts.flat())] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A misspelt option is reported for a plugin whose codec is a plain io-ts object (which
 * would drop or ignore the key) as it is for the first-party plugins' strict codecs: as an
 * `unknown-key` error with the closest declared key suggested.
 */
function unknownKeyErrors(codec: t.Mixed, raw: unknown): t.Errors {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const known = declaredKeys(codec);
  if (known === undefined) return [];
  const type = new UnknownKeyType(known);
  // The root of the path is the options object (t.unknown: the codec itself may be an
  // intersection, whose members the path leaves out).
  return Object.entries(raw as Record<string, unknown>)
    .filter(([key]) => !known.includes(key))
    .map(([key, value]) => ({ value, context: [{ key: '', type: t.unknown, actual: raw }, { key, type, actual: value }] }));
}
