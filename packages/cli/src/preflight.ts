// What `build` checks of a report's config before rendering, in one place, so `validate`
// reports the same findings (codes, messages, places) with the same exit codes: the config
// file itself, its site: block (the logo, the colours' contrast), the plugins it adds
// (one that cannot be loaded is a finding at its entry), options for a plugin nobody knows,
// and each plugin's options decoded by its codec.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, formatPath, hasErrors, type Diagnostic } from '@kommunrapport/model';
import { BuildError, decodeOptions, isIoProblem, isPathSpec, probePlugins, problemInfo, resolvePluginSpec, type BuildProblem, type Plugin, type SiteContext } from '@kommunrapport/core';
import { readSiteContext, type LoadedConfig, type OptionOverride } from './config.js';
import { EXIT } from './io.js';

/** Findings of a check and the exit code they call for (0 when the command may go on). */
export interface Findings {
  diagnostics: Diagnostic[];
  exit: number;
}

/**
 * The config's own findings, then its site: block's (read only when the config is
 * sound): exit 2 when a file cannot be read, 1 on errors (a colour below its contrast
 * minimum is a warning, an error under --strict).
 */
export function configFindings(config: LoadedConfig, show: (file: string) => string, strict: boolean): Findings & { site?: SiteContext } {
  if (config.diagnostics.length > 0) {
    const exit = config.diagnostics.some((d) => d.code === 'file-unreadable' || d.code === 'not-a-file') ? EXIT.usage : hasErrors(config.diagnostics) ? EXIT.invalid : EXIT.ok;
    if (exit !== EXIT.ok) return { diagnostics: config.diagnostics, exit };
  }
  // The site: block goes to every plugin as ctx.site, with the logo read here.
  const site = readSiteContext(config, show);
  const diagnostics = [...config.diagnostics, ...site.diagnostics];
  const exit = site.diagnostics.some((d) => d.code === 'file-unreadable') ? EXIT.usage : hasErrors(site.diagnostics, { strict }) ? EXIT.invalid : EXIT.ok;
  return { diagnostics, exit, ...(site.site ? { site: site.site } : {}) };
}

/** What {@link optionFindings} checks. */
export interface OptionCheck {
  config: LoadedConfig;
  /** The options per plugin name, the config's with the command line's laid over them. */
  options: Record<string, unknown>;
  /** Every plugin name a build knows of; options for another name are a warning. Undefined: not known, not checked. */
  names?: readonly string[];
  /** The plugins whose options are decoded. */
  plugins: readonly Plugin<any>[];
  /** `-O` arguments, so findings about them name the argument instead of the config file. */
  overrides?: readonly OptionOverride[];
  show: (file: string) => string;
}

/**
 * Options for a plugin nobody knows (most likely a misspelt name: a warning, an error under
 * --strict), and each plugin's options decoded by its codec (errors), pointing into the
 * config file or at the `-O` argument that gave them.
 */
export function optionFindings(check: OptionCheck): { strays: Diagnostic[]; invalid: Diagnostic[] } {
  const { config, names, overrides = [], show } = check;
  /** The -O argument that gave an option path (`options.pdf.fontSize…`), if one did. */
  const overrideOf = (path: string) => overrides.find((o) => path === ['options', o.plugin, ...o.path].join('.') || path.startsWith(`${['options', o.plugin, ...o.path].join('.')}.`) || path.startsWith(`${['options', o.plugin, ...o.path].join('.')}[`));
  const fromCommandLine = (d: Diagnostic): Diagnostic => {
    const o = overrideOf(d.path);
    if (o === undefined) return d;
    const { line: _line, column: _column, ...rest } = d;
    return { ...rest, file: `-O ${o.text}` };
  };
  const strays: Diagnostic[] =
    names === undefined
      ? []
      : Object.keys(check.options)
          .filter((name) => !names.includes(name))
          .map((name) => {
            const suggestion = closest(name, [...names]);
            const fromCli = overrides.find((o) => o.plugin === name);
            const place = fromCli ? undefined : config.locate?.(['options', name], { key: true });
            return {
              code: 'unknown-key',
              severity: 'warning',
              path: formatPath(['options', name]),
              message: `Options for "${name}", but no plugin has that name${suggestion ? `. Did you mean "${suggestion}"?` : '.'}`,
              ...(fromCli ? { file: `-O ${fromCli.text}` } : config.file ? { file: show(config.file) } : {}),
              ...(place ? { line: place.line, column: place.column } : {}),
              expected: `a plugin name: ${names.join(', ')}`,
              found: JSON.stringify(name),
              hint: suggestion ? `Rename "${name}" to "${suggestion}".` : 'Add the plugin under plugins: (or with --plugin), or remove its options.',
            } satisfies Diagnostic;
          });
  const invalid = check.plugins.flatMap((p) => decodeOptions(p, check.options[p.name], { ...(config.file ? { file: show(config.file) } : {}), ...(config.locate ? { locate: config.locate } : {}) }).diagnostics.map(fromCommandLine));
  return { strays, invalid };
}

/** A plugin to import: what was written, and the folders a package name is looked up from. */
export interface PluginSpec {
  spec: string;
  dirs: string[];
  /** Its place in the config's `plugins:` list; undefined for a plugin named on the command line. */
  inConfig?: number;
}

/** A plugin that cannot be found, imported or is not a plugin, with the spec that named it. */
export class PluginSpecError extends BuildError {
  readonly spec: PluginSpec;
  constructor(problem: BuildProblem, spec: PluginSpec) {
    super(problem);
    this.name = 'PluginSpecError';
    this.spec = spec;
  }
}

/**
 * The plugins a config adds (`plugins:`), as build looks them up: a path relative to the
 * config file; a package name from the config's folder, then the report's, then the current one.
 */
export function configPluginSpecs(config: LoadedConfig, reportDir: string, cwd: string): PluginSpec[] {
  return (config.config.plugins ?? []).map((spec, i) => ({ spec, dirs: isPathSpec(spec) ? [config.dir] : [config.dir, reportDir, cwd], inConfig: i }));
}

/**
 * A config's plugin that cannot be loaded, as validate and build both print it: a finding at
 * its entry under `plugins:` (at the list when no one spec is to blame, e.g. the worker that
 * imports them would not start) with the problem's code, message and hint; exit 2 when it
 * cannot be found (an I/O problem), else 1. Undefined for a plugin named on the command line,
 * which has no place in a file (build prints it as a problem).
 */
export function pluginLoadFindings(error: BuildError, config: LoadedConfig, show: (file: string) => string): Findings | undefined {
  const index = error instanceof PluginSpecError ? error.spec.inConfig : undefined;
  if (error instanceof PluginSpecError && index === undefined) return undefined;
  const p = error.problem;
  const path = index === undefined ? ['plugins'] : ['plugins', index];
  const place = config.locate?.(path);
  const finding: Diagnostic = {
    code: p.code,
    severity: 'error',
    path: formatPath(path),
    message: p.message,
    ...(config.file ? { file: show(config.file) } : {}),
    ...(place ? { line: place.line, column: place.column } : {}),
    hint: p.hint ?? problemInfo(p.code).hint,
  };
  return { diagnostics: [finding], exit: isIoProblem(p) ? EXIT.usage : EXIT.invalid };
}

/**
 * Imports plugins as build does: each file first on a worker under the time limit (one that
 * hangs, blocks its thread or ends the process at import fails there, naming itself), then
 * here with `load`. Files in `probed` are not probed again (it is added to). Throws a
 * {@link PluginSpecError} for a plugin that cannot be found, imported or is not a plugin.
 */
export async function probeThenImport<T>(specs: readonly PluginSpec[], options: { timeoutMs: number; probed?: Set<string>; load: (spec: string, dirs: string[]) => Promise<T> }): Promise<T[]> {
  const probed = options.probed ?? new Set<string>();
  const named = (error: unknown, spec: PluginSpec) => (error instanceof BuildError ? new PluginSpecError(error.problem, spec) : error);
  const files = specs.map((s) => {
    try {
      return fileURLToPath(resolvePluginSpec(s.spec, s.dirs));
    } catch (error) {
      throw named(error, s);
    }
  });
  const refs = [...new Set(files)].filter((file) => !probed.has(file)).map((file) => ({ spec: file, fromDir: dirname(file) }));
  try {
    await probePlugins(refs, { timeoutMs: options.timeoutMs });
  } catch (error) {
    // A plugin that hangs or ends its thread fails here, named by its file; one that cannot be
    // imported or is not a plugin fails again just below, named by the spec the user gave.
    if (!(error instanceof BuildError)) throw error;
    if (error.problem.code === 'plugin-failed') {
      const at = files.indexOf(error.problem.plugin ?? '');
      throw at === -1 ? error : named(error, specs[at]!);
    }
  }
  for (const r of refs) probed.add(r.spec);
  const out: T[] = [];
  for (const s of specs) {
    try {
      out.push(await options.load(s.spec, s.dirs));
    } catch (error) {
      throw named(error, s);
    }
  }
  return out;
}
