// `kommunrapport formats [--plugin …] [--config file] [--json]`: every format the build can
// make here: the first-party ones, those of the plugins named in the config file of the
// current folder (or --config) and those added with --plugin, each with its plugin, the
// package and version it comes from, and its options with their defaults.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { formatDiagnostic, hasErrors } from '@kommunrapport/model';
import { BuildError, formatProblem, importPlugin, isIoProblem, isPathSpec, type Plugin } from '@kommunrapport/core';
import { EXIT, type CommandContext } from '../io.js';
import { FIRST_PARTY } from '../first-party.js';
import { CONFIG_NAMES, loadConfigFor } from '../config.js';
import { configPluginSpecs, pluginLoadFindings, probeThenImport, type PluginSpec } from '../preflight.js';
import { DEFAULT_TIMEOUT_S } from './build.js';

/** One format as listed. */
export interface FormatInfo {
  format: string;
  /** The plugin's name (the key of its options in the config file). */
  plugin: string;
  /** The package it comes from, e.g. `@kommunrapport/plugin-pdf@0.1.0`, or the file for a plugin outside a package. */
  package: string;
  /** Where it was named: `built in`, the config file, or `--plugin`. */
  from: string;
  /** Its options with their defaults (what decoding no options gives). */
  defaults: Record<string, unknown>;
}

/** The package (name@version) a module file belongs to: the nearest package.json above it with a name. */
export function packageOf(file: string): string | undefined {
  let dir = dirname(file);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (name) return version ? `${name}@${version}` : name;
      } catch {
        /* an unreadable package.json: keep looking above */
      }
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const defaultsOf = (plugin: Plugin<any>): Record<string, unknown> => {
  const r = plugin.options.decode({});
  return r._tag === 'Right' && typeof r.right === 'object' && r.right !== null ? (r.right as Record<string, unknown>) : {};
};

/** Lists the formats; resolves to the exit code. */
export async function runFormats(options: { plugin?: string[]; config?: string; json?: boolean }, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const show = (abs: string) => relative(io.cwd, abs).split(sep).join('/') || '.';
  const list: FormatInfo[] = [];
  const add = (plugin: Plugin<any>, file: string, from: string) => {
    for (const format of plugin.formats) list.push({ format, plugin: plugin.name, package: packageOf(file) ?? show(file), from, defaults: defaultsOf(plugin) });
  };
  const explicit = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicit !== undefined && !(existsSync(explicit) && statSync(explicit).isFile())) {
    io.stderr(`kommunrapport formats: --config ${options.config}: no such file.\n`);
    return EXIT.usage;
  }
  // The config of the current folder, as for a report there.
  const config = await loadConfigFor(join(io.cwd, 'rapport.yaml'), show, explicit);
  if (config.diagnostics.length > 0) {
    io.stderr(`${config.diagnostics.map((d) => formatDiagnostic(d)).join('\n\n')}\n`);
    if (hasErrors(config.diagnostics)) return EXIT.invalid;
  }
  try {
    for (const fp of FIRST_PARTY) {
      const plugin = await fp.load();
      const file = createRequire(import.meta.url).resolve(fp.package);
      add(plugin, file, 'built in');
    }
    // The config's plugins, then those named with --plugin, imported as validate and build
    // import them: first on a worker under the time limit, so one that hangs or ends its
    // thread at import is named instead of stopping this command.
    const specs: PluginSpec[] = [...configPluginSpecs(config, io.cwd, io.cwd), ...(options.plugin ?? []).map((spec) => ({ spec, dirs: [io.cwd] }))];
    let extras: { plugin: Plugin<any>; file: string }[];
    try {
      extras = await probeThenImport(specs, { timeoutMs: DEFAULT_TIMEOUT_S * 1000, load: (spec, dirs) => importPlugin(spec, dirs) });
    } catch (error) {
      // A config's plugin that cannot be loaded is the finding validate and build print.
      const found = error instanceof BuildError ? pluginLoadFindings(error, config, show) : undefined;
      if (found === undefined) throw error;
      io.stderr(`${found.diagnostics.map((d) => formatDiagnostic(d)).join('\n\n')}\n`);
      return found.exit;
    }
    extras.forEach(({ plugin, file }, i) => add(plugin, file, specs[i]!.inConfig === undefined ? '--plugin' : config.file ? show(config.file) : CONFIG_NAMES[1]));
  } catch (error) {
    if (error instanceof BuildError) {
      io.stderr(`${formatProblem(error.problem)}\n`);
      return isIoProblem(error.problem) ? EXIT.usage : EXIT.invalid;
    }
    throw error;
  }
  if (options.json === true) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const f of list) {
    lines.push(`${f.format}  (plugin ${f.plugin}, ${f.package}, ${f.from})`);
    const entries = Object.entries(f.defaults);
    if (entries.length === 0) lines.push('    no options');
    for (const [k, v] of entries) lines.push(`    -O ${f.plugin}.${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** Adds `formats` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('formats')
    .description('list every format that can be built here, with its plugin, package and options (with their defaults)')
    .option('--plugin <package|file|folder>', 'also list this plugin\'s formats (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', 'read plugins from this config file instead of the one in the current folder')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExit codes: 0 listed, 1 a plugin is not a plugin or the config has errors, 2 usage or a plugin cannot be found.')
    .action(async (options: { plugin?: string[]; config?: string; json?: boolean }) => {
      ctx.exit(await runFormats(options, ctx));
    });
}
