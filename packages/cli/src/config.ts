// The optional `kommunrapport.config.(json|yaml|yml)` next to a report (or the file given
// with --config): extra plugins (by package name, resolved from the report's folder and
// then the current one, or by a path to a file or a plugin package's folder, relative to
// the config file) and options per plugin name. Decoded strictly, with diagnostics pointing
// into the file like a report's. Options given on the command line (`-O pdf.fontSize=11`)
// are laid over the file's.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import * as t from 'io-ts';
import { readInputFile, siteColours, type LogoImage, type SiteContext } from '@kommunrapport/core';
import { ImportMappings } from './import/mapping.js';
import { KoladaSettings } from './kolada/settings.js';
import { createDiagnostic, decodeSource, decodeWith, DIAGNOSTIC_CODES, findControlCharacters, NonEmptyString, parseYaml, SiteSettings, strict, withoutInvisible, type Diagnostic, type Locate } from '@kommunrapport/model';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_NAMES = ['kommunrapport.config.json', 'kommunrapport.config.yaml', 'kommunrapport.config.yml'] as const;

/** The config file's codec. */
export const BuildConfig = strict(
  'BuildConfig',
  'Build settings next to a report: plugins to add, options per plugin name, the tables imported from workbooks, the comparison values fetched from Kolada and the publishing organisation (site).',
  {},
  { plugins: t.array(NonEmptyString), options: t.record(t.string, t.unknown), imports: ImportMappings, kolada: KoladaSettings, site: SiteSettings },
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

/**
 * Reads the config next to a report, or `explicit` (an absolute path, from --config) when
 * given; an absent config is an empty one. `display` names the file in diagnostics.
 */
export async function loadConfigFor(reportFile: string, display: (file: string) => string = (f) => f, explicit?: string): Promise<LoadedConfig> {
  const file = explicit ?? findConfig(dirname(reportFile));
  const dir = file === undefined ? dirname(reportFile) : dirname(file);
  if (file === undefined) return { dir, config: {}, diagnostics: [] };
  const shown = display(file);
  // Like a report: the size before reading, and UTF-8 only, so no letter of an option is lost.
  const input = await readInputFile(file, { display: shown });
  if (input.diagnostic) return { file, dir, config: {}, diagnostics: [input.diagnostic] };
  const source = decodeSource(input.bytes, shown);
  if (source.text === undefined) return { file, dir, config: {}, diagnostics: source.diagnostics };
  const parsed = parseYaml(source.text, shown);
  // A config of comments only (every setting commented out) or of nothing is an empty
  // config, as an absent one is; the model's `empty-file` is about reports.
  if (parsed.diagnostics.length === 1 && parsed.diagnostics[0]!.code === 'empty-file') return { file, dir, config: {}, diagnostics: [] };
  if (parsed.diagnostics.length > 0) return { file, dir, config: {}, diagnostics: parsed.diagnostics };
  // As in a report: a control character is an error where it stands (the site's title, a
  // contact name go into every page and the catalogue), and bidirectional controls and
  // zero-width characters are flagged and left out of what is published.
  const control = findControlCharacters(parsed.value, { file: shown, locate: parsed.locate });
  const decoded = decodeWith(BuildConfig, withoutInvisible(parsed.value ?? {}), { file: shown, locate: parsed.locate });
  return { file, dir, config: decoded.value ?? {}, locate: parsed.locate, diagnostics: [...control, ...decoded.diagnostics] };
}

const LOGO_TYPES: Record<string, LogoImage['mediaType']> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

/**
 * The config's `site:` block for the plugins (`ctx.site`), with the logo's file read
 * (relative to the config file), so plugins never touch the file system. A logo that cannot
 * be read, or is not PNG, SVG or JPEG, is an error pointing at `site.logo.file`; a colour
 * below its contrast minimum a warning pointing at it.
 */
export function readSiteContext(loaded: LoadedConfig, display: (file: string) => string = (f) => f): { site?: SiteContext; diagnostics: Diagnostic[] } {
  const settings = loaded.config.site;
  if (!settings) return { diagnostics: [] };
  const at = (path: (string | number)[]) => {
    const place = loaded.locate?.(path);
    return { path: path.join('.'), ...(loaded.file ? { file: display(loaded.file) } : {}), ...(place ? { line: place.line, column: place.column } : {}) };
  };
  // Colours every format would use: below the WCAG minimum they are a warning (and left unused).
  const colourWarnings = siteColours(settings).problems.map((p) => ({
    ...createDiagnostic('site-colour-contrast', DIAGNOSTIC_CODES['site-colour-contrast'], { path: p.path, colour: p.colour, ratio: p.ratio.toFixed(2), minimum: p.minimum }, at(p.path.split('.'))),
    expected: `at least ${p.minimum}:1 on #ffffff (${p.role === 'text' ? 'heading text' : 'rules'})`,
    found: `${p.ratio.toFixed(2)}:1`,
  }));
  if (!settings.logo) return { site: { settings }, diagnostics: colourWarnings };
  const file = resolve(loaded.dir, settings.logo.file);
  const where = at(['site', 'logo', 'file']);
  const mediaType = LOGO_TYPES[extname(file).toLowerCase()];
  if (!mediaType) {
    const expected = 'a PNG, SVG or JPEG file (.png, .svg, .jpg, .jpeg)';
    return { diagnostics: [...colourWarnings, { ...createDiagnostic('invalid-value', DIAGNOSTIC_CODES['invalid-value'], { value: JSON.stringify(settings.logo.file), expected }, where), expected, found: JSON.stringify(settings.logo.file) }] };
  }
  try {
    const bytes = new Uint8Array(readFileSync(file));
    return { site: { settings, logo: { bytes, mediaType, alt: settings.logo.alt } }, diagnostics: colourWarnings };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { diagnostics: [...colourWarnings, { ...createDiagnostic('file-unreadable', DIAGNOSTIC_CODES['file-unreadable'], { file: display(file), reason }, where), hint: 'site.logo.file is relative to the config file; check the path.' }] };
  }
}

/** One plugin option given on the command line: `-O pdf.fontSize=11`. */
export interface OptionOverride {
  /** The argument as given, e.g. `pdf.fontSize=11`, to name it in messages. */
  text: string;
  /** The plugin's name, e.g. `pdf`. */
  plugin: string;
  /** The option's path below the plugin, e.g. `['fontSize']`. */
  path: string[];
  /** The value, read as YAML: `11` is a number, `true` a boolean, `[a, b]` a list, anything else text. */
  value: unknown;
}

/** Reads `-O <plugin>.<option>[.<option>…]=<value>`; returns a sentence saying what is wrong when it does not fit. */
export function parseOptionOverride(text: string): OptionOverride | string {
  const eq = text.indexOf('=');
  const key = eq === -1 ? text : text.slice(0, eq);
  const parts = key.split('.');
  if (eq === -1 || parts.length < 2 || parts.some((p) => p.trim() === '')) {
    return `-O expects <plugin>.<option>=<value>, e.g. -O pdf.fontSize=11; found "${text}".`;
  }
  const raw = text.slice(eq + 1);
  if (raw === '') return { text, plugin: parts[0]!, path: parts.slice(1), value: '' };
  // Read as the config file is: a tag or a number with more digits than can be kept is
  // refused; a value that is not YAML at all (`a: b: c`) is taken as the text written.
  const parsed = parseYaml(raw);
  const refused = parsed.diagnostics.find((d) => d.code === 'yaml-tag' || d.code === 'number-too-precise');
  if (refused) return `-O ${key}: ${refused.message} ${refused.hint}`;
  const value = parsed.diagnostics.length === 0 ? parsed.value : parsed.diagnostics.every((d) => d.code === 'empty-file') ? null : raw;
  return { text, plugin: parts[0]!, path: parts.slice(1), value };
}

/** The options of a config with the command line's laid over them (a new object; the config's is left alone). */
export function applyOverrides(options: Record<string, unknown> | undefined, overrides: readonly OptionOverride[]): Record<string, unknown> {
  const out = structuredClone(options ?? {}) as Record<string, unknown>;
  for (const o of overrides) {
    let at: Record<string, unknown> = out;
    for (const k of [o.plugin, ...o.path.slice(0, -1)]) {
      const next = at[k];
      at = at[k] = typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Record<string, unknown>) : {};
    }
    at[o.path[o.path.length - 1]!] = o.value;
  }
  return out;
}
