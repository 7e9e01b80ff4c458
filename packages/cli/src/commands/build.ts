// `kommunrapport build <file|glob…> [--format …] [--out dist] [--plugin …] [--json] [--strict]`:
// builds reports with the first-party plugins, plugins named on the command line and those
// of a kommunrapport.config.(json|yaml) next to each report. One report with only the
// first-party plugins is built in this process; any other plugin's code, and several reports,
// run on worker threads under a time limit (a pool, each report written as it finishes),
// with a progress line. Prints where every file went, or a JSON summary.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import type { Command } from 'commander';
import pc from 'picocolors';
import { glob, isDynamicPattern } from 'tinyglobby';
import { formatDiagnostic, type Diagnostic, type Severity } from '@kommunrapport/model';
import {
  assertDistinctIds,
  BuildError,
  buildMany,
  buildReport,
  parseSourceDateEpoch,
  formatProblem,
  importPlugin,
  isIoProblem,
  isPathSpec,
  timeLimitMessage,
  type BuildProblem,
  type BuildResult,
  type Plugin,
  type PluginRef,
  type SiteContext,
} from '@kommunrapport/core';
import { EXIT, type CommandContext } from '../io.js';
import { CLI_DIR, FIRST_PARTY } from '../first-party.js';
import { applyOverrides, CONFIG_NAMES, loadConfigFor, parseOptionOverride, type LoadedConfig, type OptionOverride } from '../config.js';
import { RepeatedFindings } from '../repeats.js';
import { configFindings, configPluginSpecs, optionFindings, pluginLoadFindings, PluginSpecError, probeThenImport } from '../preflight.js';

/** Options of the build command. */
export interface BuildOptions {
  /** Comma-separated format names; default every first-party format and every added plugin. */
  format?: string;
  /** Output root (default `dist`). */
  out?: string;
  /** Plugins to add, by package name or path (relative to the current folder). */
  plugin?: string[];
  json?: boolean;
  strict?: boolean;
  /** Reports built at once, each on its own worker thread (default: the available cores). */
  jobs?: string;
  /** Seconds a report (or the import of the plugins) may take before its worker is stopped (default {@link DEFAULT_TIMEOUT_S}). */
  timeout?: string;
  /** A config file to use instead of the kommunrapport.config.* next to each report. */
  config?: string;
  /** Plugin options from the command line, `<plugin>.<option>=<value>`, laid over the config's. */
  option?: string[];
  /** Print only problems (no list of files written). */
  quiet?: boolean;
  /** Also print the config file and every plugin used, with the file it was loaded from. */
  verbose?: boolean;
  /** Build, then rebuild whenever a report, the config or a plugin file given as a path changes (see {@link watchBuild}). */
  watch?: boolean;
}

/** One report in the `--json` summary. */
export interface BuildJsonReport {
  file: string;
  id: string | null;
  outDir: string | null;
  artifacts: { path: string; bytes: number; sha256: string; mediaType: string }[];
  diagnostics: Diagnostic[];
  problems: BuildProblem[];
}

/** What `build --json` prints. */
export interface BuildJson {
  ok: boolean;
  reports: BuildJsonReport[];
}


/** A plugin chosen for a build: its name, how a worker loads it, and the plugin itself when this thread needs it. */
interface Chosen {
  name: string;
  /** Loaded here for a build in this process or to decode its options; a batch of first-party plugins without options leaves it to the workers. */
  plugin?: Plugin<any>;
  ref: PluginRef;
}

export class UsageError extends Error {}

/**
 * The default time limit of one report's build, and of importing the plugins, in seconds.
 * The Eskilstuna example builds in about a second; a plugin still working after five
 * minutes is taken to hang.
 */
export const DEFAULT_TIMEOUT_S = 300;

/** Reports as absolute paths, in a stable order, from files and glob patterns. */
export async function resolveReports(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const p of patterns) {
    const abs = resolve(cwd, p);
    // Anything but a folder is taken as named; the build refuses what is not a regular file.
    if (existsSync(abs) && !statSync(abs).isDirectory()) {
      found.add(abs);
      continue;
    }
    if (existsSync(abs) && !isDynamicPattern(p)) {
      const inside = ['rapport.yaml', 'rapport.yml'].find((name) => existsSync(join(abs, name)));
      const folder = p.replace(/[/\\]+$/, '');
      throw new UsageError(`${p} is a folder; give the report file${inside ? ` in it: ${folder}/${inside}` : `, e.g. ${folder}/rapport.yaml`}, or a pattern such as "${folder}/*.yaml".`);
    }
    if (!isDynamicPattern(p)) throw new UsageError(`Cannot read ${p}: no such file.`);
    const matches = await glob(p, { cwd, absolute: true, onlyFiles: true });
    if (matches.length === 0) throw new UsageError(`No report matches ${p}.`);
    for (const m of matches) found.add(resolve(m));
  }
  return [...found].sort();
}

/**
 * Resolves to the build's result, or to a failed result once `seconds` have passed (the
 * plugin rendering then is named); the build left running writes nothing after that, as
 * the command ends.
 */
async function withinLimit(file: string, seconds: number, build: (givenUp: () => boolean) => Promise<BuildResult>, plugin: () => string | undefined, cwd: string): Promise<BuildResult> {
  let timer: NodeJS.Timeout | undefined;
  let over = false;
  const late = new Promise<BuildResult>((done) => {
    timer = setTimeout(() => {
      over = true;
      const name = plugin();
      const shown = relative(cwd, file) || file;
      done({ ok: false, file: shown, artifacts: [], diagnostics: [], problems: [{ code: 'plugin-failed', hook: 'render', ...(name !== undefined ? { plugin: name } : {}), file: shown, message: timeLimitMessage(seconds) }] });
    }, seconds * 1000);
  });
  try {
    return await Promise.race([build(() => over), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A size for people: 812 B, 12.3 kB, 1.4 MB (powers of 1 000). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** Runs the build command; resolves to the exit code. */
export async function runBuild(patterns: readonly string[], options: BuildOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const colours = pc.createColors(io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  const show = (abs: string) => relative(io.cwd, abs).split(sep).join('/') || '.';
  const fail = (code: number, text: string) => {
    io.stderr(`${text.endsWith('\n') ? text : `${text}\n`}`);
    return code;
  };

  // The document date comes from here when the report has none: a bad value is a usage error, not a plugin failure.
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const parsed = parseSourceDateEpoch(epoch);
    if ('problem' in parsed) return fail(EXIT.usage, `kommunrapport build: ${parsed.problem} Unset it to take the date from the report.`);
  }
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    return fail(EXIT.usage, `kommunrapport build: --jobs must be a whole number of at least 1; found "${options.jobs}". Leave it out to use every core (${availableParallelism()} here).`);
  const timeout = options.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(options.timeout);
  if (!(Number.isFinite(timeout) && timeout > 0 && timeout <= 2_000_000))
    return fail(EXIT.usage, `kommunrapport build: --timeout must be a number of seconds above 0 (at most 2000000); found "${options.timeout}". Leave it out for ${DEFAULT_TIMEOUT_S} s.`);

  let files: string[];
  try {
    files = await resolveReports(patterns, io.cwd);
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, `kommunrapport build: ${error.message}`);
    throw error;
  }
  const overrides: OptionOverride[] = [];
  for (const text of options.option ?? []) {
    const parsed = parseOptionOverride(text);
    if (typeof parsed === 'string') return fail(EXIT.usage, `kommunrapport build: ${parsed}`);
    overrides.push(parsed);
  }
  const explicitConfig = options.config === undefined ? undefined : resolve(io.cwd, options.config);
  if (explicitConfig !== undefined && !(existsSync(explicitConfig) && statSync(explicitConfig).isFile()))
    return fail(EXIT.usage, `kommunrapport build: --config ${options.config}: no such file. Give the path of a config file such as ${CONFIG_NAMES[1]}, or leave --config out to use the one next to each report.`);
  const verbose = (text: string) => (options.verbose === true && options.quiet !== true ? io.stderr(`${text}\n`) : undefined);
  const outDir = resolve(io.cwd, options.out ?? 'dist');
  const total = files.length;
  const requested = options.format === undefined ? undefined : options.format.split(',').map((f) => f.trim()).filter((f) => f !== '');
  if (requested !== undefined && requested.length === 0) return fail(EXIT.usage, 'kommunrapport build: --format names no format; give e.g. --format html,pdf or leave it out for all.');

  // Reports share plugins and options when they share a config file (or have none), so
  // each config is one group, built on one pool of workers.
  const configs = new Map<string, LoadedConfig>();
  const groups = new Map<string, { config: LoadedConfig; files: string[] }>();
  for (const f of files) {
    const dir = dirname(f);
    if (!configs.has(dir)) configs.set(dir, await loadConfigFor(f, show, explicitConfig));
    const config = configs.get(dir)!;
    const key = config.file ?? '';
    if (!groups.has(key)) groups.set(key, { config, files: [] });
    groups.get(key)!.files.push(f);
  }

  // Each batch checks its own reports' ids; reports under different config files meet only here.
  if (groups.size > 1) {
    try {
      assertDistinctIds(files, show);
    } catch (error) {
      if (error instanceof BuildError) return fail(EXIT.invalid, formatProblem(error.problem));
      throw error;
    }
  }

  /** Plugin files already imported on a worker under the time limit. */
  const probed = new Set<string>();
  const loaded = new Map<string, { plugin: Plugin<any>; file: string }>();
  /** Imports a plugin once per spec and folders; workers load the same file by its path. */
  const load = async (spec: string, dirs: string[]): Promise<Chosen> => {
    const key = `${spec}\0${dirs.join('\0')}`;
    if (!loaded.has(key)) {
      const got = await importPlugin(spec, dirs);
      loaded.set(key, got);
      verbose(`plugin ${got.plugin.name} (format${got.plugin.formats.length === 1 ? '' : 's'} ${got.plugin.formats.join(', ')}) from ${show(got.file)}`);
    }
    const { plugin, file } = loaded.get(key)!;
    return { name: plugin.name, plugin, ref: { spec: file, fromDir: dirname(file) } };
  };
  const plans: { files: string[]; config: LoadedConfig; chosen: Chosen[]; options: Record<string, unknown>; site?: SiteContext }[] = [];
  for (const { config, files: groupFiles } of groups.values()) {
    const checked = configFindings(config, show, options.strict === true);
    if (checked.diagnostics.length > 0) io.stderr(`${checked.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
    if (checked.exit !== EXIT.ok) return checked.exit;
    verbose(config.file ? `config ${show(config.file)}` : `no config file next to ${show(groupFiles[0]!)}`);
    // Package names are looked up from the report's folder (or the config's), then the current one;
    // paths are relative to the config file, or to the current folder on the command line.
    const reportDir = dirname(groupFiles[0]!);
    const extras: Chosen[] = [];
    try {
      // Plugins are imported on a worker first, under the time limit: one that hangs, blocks
      // its thread or ends the process at import fails there, naming itself. Only then are
      // they imported here.
      const specs = [
        ...configPluginSpecs(config, reportDir, io.cwd),
        ...(options.plugin ?? []).map((spec) => ({ spec, dirs: isPathSpec(spec) ? [io.cwd] : [reportDir, config.dir, io.cwd] })),
      ];
      extras.push(...(await probeThenImport(specs, { timeoutMs: timeout * 1000, probed, load })));
    } catch (error) {
      // A config's plugin is a finding at its entry, as validate prints it; one from --plugin a problem.
      const found = error instanceof PluginSpecError ? pluginLoadFindings(error, config, show) : undefined;
      if (found !== undefined) return fail(found.exit, found.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n'));
      if (error instanceof BuildError) return fail(isIoProblem(error.problem) ? EXIT.usage : EXIT.invalid, formatProblem(error.problem));
      throw error;
    }
    const known = [...FIRST_PARTY.map((p) => p.format), ...extras.flatMap((e) => e.plugin!.formats)];
    const unknown = (requested ?? []).filter((f) => !known.includes(f));
    if (unknown.length > 0) {
      return fail(EXIT.usage, `kommunrapport build: unknown format${unknown.length === 1 ? '' : 's'} ${unknown.map((f) => `"${f}"`).join(', ')}.\nKnown formats: ${[...new Set(known)].join(', ')}.`);
    }
    const chosen: Chosen[] = [];
    const add = async (c: Chosen | (typeof FIRST_PARTY)[number]) => {
      if ('ref' in c) {
        if (!chosen.some((x) => x.plugin === c.plugin)) chosen.push(c);
        return;
      }
      if (chosen.some((x) => x.ref.spec === c.package)) return;
      // First-party plugins are imported here here when this thread renders (one report) or decodes their options.
      const needed = total === 1 || config.config.options?.[c.format] !== undefined || overrides.some((o) => o.plugin === c.format);
      chosen.push({ name: c.format, ...(needed ? { plugin: await c.load() } : {}), ref: { spec: c.package, fromDir: CLI_DIR } });
    };
    if (requested === undefined) {
      for (const fp of FIRST_PARTY) await add(fp);
      for (const e of extras) await add(e);
    } else {
      // A plugin added by config or --plugin wins over a first-party one answering to the same format.
      for (const format of requested) await add(extras.find((e) => e.plugin!.formats.includes(format)) ?? FIRST_PARTY.find((p) => p.format === format)!);
    }
    // Options are decoded here once, so their diagnostics point into the config file.
    // Options for a plugin nobody knows are most likely a misspelt name: warn (an error under --strict).
    const names = [...new Set([...FIRST_PARTY.map((p) => p.format), ...extras.map((e) => e.name), ...chosen.map((c) => c.name)])];
    const pluginOptions = applyOverrides(config.config.options, overrides);
    const { strays, invalid } = optionFindings({ config, options: pluginOptions, names, plugins: chosen.flatMap((c) => (c.plugin === undefined ? [] : [c.plugin])), overrides, show });
    if (strays.length > 0) {
      io.stderr(`${strays.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
      if (options.strict === true) return EXIT.invalid;
    }
    if (invalid.length > 0) {
      io.stderr(`${invalid.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
      return EXIT.invalid;
    }
    plans.push({ files: groupFiles, config, chosen, options: pluginOptions, ...(checked.site ? { site: checked.site } : {}) });
  }

  const started = Date.now();
  const several = total > 1;
  const listFiles = total <= 10;
  const results: BuildResult[] = [];
  let done = 0;
  let current = '';
  const progressLine = () => `[${done}/${total}] ${current} ${((Date.now() - started) / 1000).toFixed(1)} s`;
  const live = several && !options.json && options.quiet !== true && io.isTTY;
  const clear = () => (live ? io.stderr('\r\u001b[2K') : undefined);
  const ticker = live ? setInterval(() => io.stderr(`\r\u001b[2K${progressLine()}`), 100) : undefined;

  // Several reports: every finding, a hint once per run (see repeats.ts).
  const repeats = several ? new RepeatedFindings({ format: { colour: paint } }) : undefined;
  const printResult = (r: BuildResult) => {
    done++;
    results.push(r);
    if (options.json) return;
    clear();
    const lines: string[] = [];
    const counter = several ? `[${done}/${total}] ` : '';
    if (r.ok && options.quiet === true) {
      // Quiet: nothing for a report built cleanly, only its warnings.
    } else if (r.ok) {
      const size = r.artifacts.reduce((n, a) => n + a.bytes, 0);
      lines.push(`${counter}${colours.green('✓')} ${r.file} → ${r.outDir}/ (${r.artifacts.length} file${r.artifacts.length === 1 ? '' : 's'}, ${formatBytes(size)})`);
      if (listFiles) {
        const width = Math.max(...r.artifacts.map((a) => a.path.length)) + r.outDir!.length + 1;
        for (const a of r.artifacts) lines.push(`    ${`${r.outDir}/${a.path}`.padEnd(width)}  ${formatBytes(a.bytes).padStart(8)}`);
      }
    } else {
      lines.push(`${counter}${colours.red('✗')} ${r.file} was not built`);
    }
    const shown = r.diagnostics.filter((d) => !r.ok || d.severity !== 'info');
    const findings = repeats ? repeats.report(shown) : shown.map((d) => formatDiagnostic(d, { colour: paint }));
    for (const f of findings) lines.push(f.replace(/^/gm, '    '));
    for (const p of r.problems) lines.push(formatProblem(p).replace(/^/gm, '    '));
    if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
    if (live) io.stderr(progressLine());
  };

  const env = { ...process.env };
  let rendering: string | undefined;
  try {
    for (const plan of plans) {
      const optionsSource = plan.config.file ? { file: show(plan.config.file) } : {};
      // One report with only first-party plugins is built in this process, under the same time
      // limit, whether a plugin waits or loops; any other plugin's code runs only on a worker thread.
      if (total === 1 && plan.chosen.every((c) => FIRST_PARTY.some((fp) => fp.package === c.ref.spec))) {
        current = show(plan.files[0]!);
        printResult(await withinLimit(plan.files[0]!, timeout, (givenUp) => buildReport({
          file: plan.files[0]!,
          plugins: plan.chosen.map((c) => c.plugin!),
          outDir,
          options: plan.options,
          optionsSource,
          ...(plan.site ? { site: plan.site } : {}),
          env,
          strict: options.strict === true,
          cwd: io.cwd,
          logger: { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`${colours.yellow('warning')} ${m}\n`) },
          progress: (e) => {
            if (e.stage === 'render' && e.plugin !== undefined) rendering = e.plugin;
          },
          // A plugin looping on this thread, at once or after a wait, is stopped at the limit too (see core's within.ts).
          timeLimit: { at: Date.now() + timeout * 1000, seconds: timeout },
          // A build given up on never swaps its files in.
          publish: {
            beforeSwap: () => {
              if (givenUp()) throw new Error('the build was given up after the time limit');
            },
          },
        }), () => rendering, io.cwd));
        continue;
      }
      await buildMany(plan.files, {
        plugins: plan.chosen.map((c) => c.ref),
        outDir,
        options: plan.options,
        ...(plan.config.file ? { optionsFile: show(plan.config.file) } : {}),
        ...(plan.site ? { site: plan.site } : {}),
        env,
        strict: options.strict === true,
        cwd: io.cwd,
        keepResults: false,
        ...(jobs !== undefined ? { concurrency: jobs } : {}),
        timeoutMs: timeout * 1000,
        logger: { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`${colours.yellow('warning')} ${m}\n`) },
        // Only the live progress line shows the report being built: without it the workers send no progress.
        ...(live
          ? {
              onProgress: (e: { stage: string; file: string }) => {
                if (e.stage === 'load') current = e.file;
              },
            }
          : {}),
        onResult: printResult,
      });
    }
  } catch (error) {
    if (ticker) clearInterval(ticker);
    clear();
    if (error instanceof BuildError) return fail(isIoProblem(error.problem) ? EXIT.usage : EXIT.invalid, formatProblem(error.problem));
    throw error;
  }
  if (ticker) clearInterval(ticker);
  clear();

  const ok = results.every((r) => r.ok);
  if (options.json) {
    const json: BuildJson = {
      ok,
      reports: results
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
        .map((r) => ({
          file: r.file,
          id: r.id ?? null,
          outDir: r.outDir ?? null,
          artifacts: r.artifacts.map(({ path, bytes, sha256, mediaType }) => ({ path, bytes, sha256, mediaType })),
          diagnostics: r.diagnostics,
          problems: r.problems,
        })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else if (several && !(options.quiet === true && ok)) {
    const built = results.filter((r) => r.ok).length;
    io.stdout(`${built} of ${total} reports built in ${((Date.now() - started) / 1000).toFixed(1)} s${built < total ? `, ${total - built} failed` : ''}.\n`);
  }
  if (ok) return EXIT.ok;
  return results.some((r) => r.problems.some(isIoProblem)) ? EXIT.usage : EXIT.invalid;
}

/**
 * `build --watch`: builds once, then again whenever a report, a config file next to one (or
 * the one given with --config) is saved, until `signal` aborts (Ctrl+C). A plugin's own code
 * is not reloaded: restart the command after changing a plugin. Resolves to the exit code
 * of the last build.
 */
export async function watchBuild(patterns: readonly string[], options: BuildOptions, ctx: CommandContext, signal: AbortSignal): Promise<number> {
  const { io } = ctx;
  let code = await runBuild(patterns, options, ctx);
  let files: string[];
  try {
    files = await resolveReports(patterns, io.cwd);
  } catch {
    return code;
  }
  const watched = new Set<string>(files);
  for (const f of files) for (const n of CONFIG_NAMES) watched.add(join(dirname(f), n));
  if (options.config !== undefined) watched.add(resolve(io.cwd, options.config));
  const folders = [...new Set([...watched].map((f) => dirname(f)))];
  // Folders, not files: a config created after the start is seen too; a save often comes as
  // several events, so wait until they have been quiet for a moment, then build once.
  const watcher = watch(folders, { ignoreInitial: true, depth: 0, ignored: (path, stats) => stats?.isFile() === true && !watched.has(resolve(path)) });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const show = (abs: string) => relative(io.cwd, abs).split(sep).join('/') || '.';
  watcher.on('all', (event, path) => {
    if ((event !== 'change' && event !== 'add' && event !== 'unlink') || typeof path !== 'string' || !watched.has(resolve(path))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        if (options.quiet !== true) io.stderr(`${show(resolve(path))} changed; building again.\n`);
        code = await runBuild(patterns, options, ctx);
      });
    }, 50);
  });
  await new Promise<void>((ok) => watcher.once('ready', () => ok()));
  if (options.quiet !== true) io.stderr(`Watching ${files.length === 1 ? show(files[0]!) : `${files.length} reports`} and ${files.length === 1 ? 'its' : 'their'} config file for changes; press Ctrl+C to stop.\n`);
  await new Promise<void>((ok) => (signal.aborted ? ok() : signal.addEventListener('abort', () => ok(), { once: true })));
  clearTimeout(timer);
  await watcher.close();
  await running;
  return code;
}

/** Adds `build` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('build')
    .description('build reports into every format (HTML, PDF, text, Word, open data) or those chosen')
    .argument('<file...>', 'report files (YAML) or glob patterns, e.g. "reports/*.yaml"')
    .option('-f, --format <formats>', `comma-separated formats (default all: ${FIRST_PARTY.map((p) => p.format).join(',')}, and those of added plugins); see \`kommunrapport formats\``)
    .option('-o, --out <folder>', 'output folder; each report goes to <folder>/<report id>/', 'dist')
    .option('--plugin <package|file|folder>', 'add a plugin: a package name (looked up from the report\'s folder, then the current one), a file, or a plugin package\'s folder (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--config <file>', 'use this config file instead of the kommunrapport.config.(json|yaml|yml) next to each report')
    .option('-O, --option <plugin.option=value>', 'a plugin option, e.g. -O pdf.fontSize=11 (repeatable; read as YAML, laid over the config file, checked the same way)', (v: string, prev: string[] = []) => [...prev, v])
    .option('-w, --watch', 'build, then build again on every save of a report or its config file, until Ctrl+C')
    .option('-q, --quiet', 'print only problems, not the files written')
    .option('-v, --verbose', 'also print the config file and each plugin used, with the file it was loaded from')
    .option('--json', 'print a JSON summary of every file written and every finding')
    .option('--strict', 'treat warnings as errors')
    .option('--jobs <n>', 'reports built at once when there are several, each on a worker thread (default: the number of cores)')
    .option('--timeout <seconds>', `a report still building (or a plugin still importing) after this long fails and its worker is stopped (default ${DEFAULT_TIMEOUT_S})`)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  kommunrapport build rapport.yaml -f html,pdf -o public',
        '  kommunrapport build rapport.yaml -O pdf.fontSize=11 --plugin ./my-plugin',
        '  kommunrapport build "rapporter/*.yaml" --watch',
        '',
        'Plugins are also named in kommunrapport.config.yaml (plugins: [...]); options go under options.<plugin>.',
        'Exit codes: 0 built, 1 report or plugin errors (including a plugin that is not a plugin, bad options,',
        'or one that throws, hangs past --timeout or ends its thread),',
        '2 usage or I/O problem (including a plugin that cannot be found). With --watch: the code of the last build.',
      ].join('\n'),
    )
    .action(async (files: string[], options: BuildOptions) => {
      if (options.watch !== true) {
        ctx.exit(await runBuild(files, options, ctx));
        return;
      }
      const stop = new AbortController();
      const abort = () => stop.abort();
      process.once('SIGINT', abort);
      process.once('SIGTERM', abort);
      try {
        ctx.exit(await watchBuild(files, options, ctx, stop.signal));
      } finally {
        process.off('SIGINT', abort);
        process.off('SIGTERM', abort);
      }
    });
}
