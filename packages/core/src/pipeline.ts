// The build pipeline for one report: read → load (parse, decode, check) → refuse on
// errors → decode each plugin's options → render with each plugin in order, isolating
// failures → check the artifacts → publish them atomically into `<out>/<report id>/`.
// Nothing is written unless every plugin succeeded; the result lists every file with its
// size and SHA-256, sorted by path, and every diagnostic and problem.
import { relative } from 'node:path';
import { createDiagnostic, deepFreeze, formatPath, hasErrors, withoutInvisible, type Diagnostic, type Locate } from '@kommunrapport/model';
import { BuildError, formatProblem, messageOf, type BuildProblem } from './build-error.js';
import { prepareArtifacts, sortByPath, summarise, type ArtifactSummary, type PreparedArtifact } from './artifacts.js';
import { createRenderContext, reportDocument } from './context.js';
import type { DocumentModel } from './document/index.js';
import { decodeOptions, type DecodeOptionsSource } from './plugin-options.js';
import { readReport } from './read-report.js';
import { publish, recoverOutput, type PublishOptions } from './publish.js';
import { beforeLimit, isTimeLimit, runWithin, watchThread } from './within.js';
import type { Logger, Plugin, RenderContext, SiblingFile, SiteContext } from './plugin.js';

/** Progress of a build, for a progress line. */
export interface BuildProgress {
  /** The report file. */
  file: string;
  /** What is happening: `load`, `render` (with the plugin), `write`, `done`. */
  stage: 'load' | 'render' | 'write' | 'done';
  /** The plugin rendering, during `render`. */
  plugin?: string;
  /** Steps done and total, when the plugin reports them. */
  done?: number;
  total?: number;
  label?: string;
}

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** The report file (YAML). */
  file: string;
  /** The plugins to render with, in this order. */
  plugins: readonly Plugin<any>[];
  /** The output root; the report goes to `<outDir>/<report id>/`. */
  outDir: string;
  /** Raw options per plugin name (decoded here with each plugin's codec). */
  options?: Readonly<Record<string, unknown>>;
  /** Where the options came from, so option diagnostics point into that file. */
  optionsSource?: Omit<DecodeOptionsSource, 'at'>;
  /** Environment for the document date (SOURCE_DATE_EPOCH); default process.env. */
  env?: Record<string, string | undefined>;
  /** The publishing organisation's settings and logo (the config's `site:` block), given to every plugin as `ctx.site`. */
  site?: SiteContext;
  /** Messages from plugins; each message is prefixed with the plugin's name. */
  logger?: Logger;
  /** Called as the build goes on. */
  progress?: (event: BuildProgress) => void;
  /** Count warnings as errors. */
  strict?: boolean;
  /** File names in results and messages are given relative to this folder (default: as given). */
  cwd?: string;
  /** Passed to the atomic writer. */
  publish?: PublishOptions;
  /**
   * The time limit of the render stage, for a build run on this thread: `at` in
   * milliseconds since the epoch (Date.now()), `seconds` as the user gave it. A plugin still
   * rendering then fails with plugin-failed naming it, later plugins do not run and nothing
   * is written, whether it waits, loops without yielding, or loops after a wait (see
   * within.ts: on the main thread a watchdog thread stops JavaScript that holds the thread
   * past the limit; without Node's inspector it kills the process instead).
   */
  timeLimit?: { at: number; seconds: number };
}

/** The outcome of building one report. */
export interface BuildResult {
  /** True when every plugin succeeded and the files were published. */
  ok: boolean;
  /** The report file, as given (or relative to `cwd`). */
  file: string;
  /** The report's id, when it could be loaded. */
  id?: string;
  /** The folder the files went to, when published. */
  outDir?: string;
  /** The files written, sorted by path. */
  artifacts: ArtifactSummary[];
  /** Findings about the report and the plugin options. */
  diagnostics: Diagnostic[];
  /** Problems of plugins, reading and writing. */
  problems: BuildProblem[];
}

const silent: Logger = { info: () => {}, warn: () => {} };

/** Builds one report with the given plugins; never throws for bad input, bad plugins or I/O. */
export async function buildReport(options: BuildReportOptions): Promise<BuildResult> {
  const file = options.cwd !== undefined ? relative(options.cwd, options.file) || options.file : options.file;
  const progress = options.progress ?? (() => {});
  const logger = options.logger ?? silent;
  const result: BuildResult = { ok: false, file, artifacts: [], diagnostics: [], problems: [] };

  progress({ file, stage: 'load' });
  // Everything found before rendering, as `validate` finds it (see read-report.ts).
  const loaded = await readReport(options.file, file);
  result.diagnostics.push(...loaded.diagnostics);
  if (loaded.unreadable) {
    const d = loaded.unreadable;
    result.problems.push({ code: 'file-unreadable', file, message: d.message, ...(d.hint ? { hint: d.hint } : {}) });
    return result;
  }
  // Published without bidi controls and zero-width characters (warned about above): no
  // writer can emit one, so no output shows a text in another order than it is stored.
  const report = loaded.report && deepFreeze(withoutInvisible(loaded.report));
  if (report) result.id = report.id;
  if (!report || hasErrors(loaded.diagnostics, { strict: options.strict === true })) {
    const counts = loaded.diagnostics.filter((d) => d.severity === 'error' || (options.strict && d.severity === 'warning')).length;
    result.problems.push({ code: 'report-invalid', file, message: `The report has ${counts} problem${counts === 1 ? '' : 's'} and was not built.` });
    return result;
  }

  try {
    await recoverOutput(options.outDir, report.id, options.publish);
  } catch (error) {
    result.problems.push(error instanceof BuildError ? { ...error.problem, file } : { code: 'output-failed', file, message: messageOf(error) });
    return result;
  }

  // Options first, for every plugin, so all option mistakes are reported together.
  const decoded: unknown[] = [];
  for (const plugin of options.plugins) {
    const r = decodeOptions(plugin, options.options?.[plugin.name], options.optionsSource ?? {});
    result.diagnostics.push(...r.diagnostics);
    decoded.push(r.value);
    if (r.value === undefined) {
      result.problems.push({ code: 'plugin-options', plugin: plugin.name, hook: 'options', file, message: `The options of plugin "${plugin.name}" are not valid (${r.diagnostics.length} problem${r.diagnostics.length === 1 ? '' : 's'}).` });
    }
  }
  if (result.problems.length > 0) return result;

  // One document per report, built at the first plugin's first use and shared by all.
  let document: DocumentModel | undefined;
  const shared = () => (document ??= reportDocument(report, loaded.images));
  const taken = new Map<string, string>();
  const prepared: PreparedArtifact[] = [];
  const findings: Diagnostic[] = [];
  const limit = options.timeLimit;
  const watchdog = limit && watchThread(limit.at, { message: `${formatProblem({ code: 'plugin-failed', plugin: '\0', hook: 'render', file, message: `${timeLimitMessage(limit.seconds)} The process was stopped with SIGKILL, as Node has no inspector here to stop the plugin.` })}\n` });
  let timedOut = false;
  // Plugins that link to the others' files render last, and see every file made before them.
  const order = [...options.plugins.keys()].sort((a, b) => Number(options.plugins[a]!.linksToSiblings === true) - Number(options.plugins[b]!.linksToSiblings === true));
  for (const index of order) {
    const plugin = options.plugins[index]!;
    progress({ file, stage: 'render', plugin: plugin.name });
    const siblings = plugin.linksToSiblings === true ? siblingFiles(prepared) : [];
    const context = createRenderContext(report, decoded[index], {
      siblings,
      env: options.env ?? process.env,
      report: pluginReporter(plugin, file, loaded.locate, (d) => findings.push(d)),
      document: shared,
      ...(options.site ? { site: options.site } : {}),
      logger: {
        info: (m) => logger.info(`[plugin ${plugin.name}] ${m}`),
        warn: (m) => logger.warn(`[plugin ${plugin.name}] ${m}`),
      },
      progress: (done, total, label) => progress({ file, stage: 'render', plugin: plugin.name, done, total, ...(label !== undefined ? { label } : {}) }),
    });
    let returned: unknown;
    try {
      const render = () => plugin.render(report, context);
      if (limit === undefined) returned = await render();
      else {
        watchdog?.running(plugin.name);
        returned = await beforeLimit(Promise.resolve(runWithin(render, limit.at - Date.now())), limit.at);
      }
    } catch (error) {
      const late = isTimeLimit(error) && options.timeLimit !== undefined;
      const message = late ? timeLimitMessage(options.timeLimit!.seconds) : messageOf(error);
      result.problems.push({ code: 'plugin-failed', plugin: plugin.name, hook: 'render', file, message });
      // Past the limit no later plugin has time left.
      if (late) {
        timedOut = true;
        break;
      }
      continue;
    }
    let checked: ReturnType<typeof prepareArtifacts>;
    try {
      checked = prepareArtifacts(plugin.name, returned, file, taken);
    } catch (error) {
      // What a plugin returned can throw when read (getters, proxies): still the plugin's fault.
      result.problems.push({ code: 'artifact-invalid', plugin: plugin.name, hook: 'artifacts', file, message: `reading the returned artifacts failed: ${messageOf(error)}` });
      continue;
    }
    result.problems.push(...checked.problems);
    prepared.push(...checked.artifacts);
  }
  // A plugin given up on may still hold the thread later (a flood of promise jobs, a timer
  // that starts a loop): its watch goes on until the next build with a limit starts.
  if (timedOut) {
    watchdog?.linger();
    // Promise jobs the plugin queued run before this build's own continuation; when the
    // watchdog stops one, every queued job is dropped with it. Going on from a new task
    // keeps the build's result (and its caller's continuation) out of that queue.
    await new Promise((resume) => setImmediate(resume));
  } else watchdog?.stop();
  // Findings of plugins count like the report's: errors fail the build, warnings under --strict.
  result.diagnostics.push(...findings);
  const failing = findings.filter((d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'));
  for (const name of new Set(failing.map((d) => d.plugin!))) {
    const own = failing.filter((d) => d.plugin === name);
    result.problems.push({ code: 'plugin-findings', plugin: name, hook: 'render', file, message: `Plugin "${name}" reported ${own.length} problem${own.length === 1 ? '' : 's'} (${[...new Set(own.map((d) => d.code))].join(', ')}${options.strict === true && own.every((d) => d.severity === 'warning') ? '; warnings count as errors under --strict' : ''}).` });
  }
  if (result.problems.length > 0) return result;

  progress({ file, stage: 'write' });
  const sorted = sortByPath(prepared);
  try {
    result.outDir = await publish(options.outDir, report.id, sorted, options.publish);
  } catch (error) {
    const problem = error instanceof BuildError ? { ...error.problem, file } : { code: 'output-failed' as const, file, message: messageOf(error) };
    result.problems.push(problem);
    return result;
  }
  if (options.cwd !== undefined) result.outDir = relative(options.cwd, result.outDir) || '.';
  result.artifacts = sorted.map(summarise);
  result.ok = true;
  progress({ file, stage: 'done' });
  return result;
}

/** What a build given up at its time limit says. */
export function timeLimitMessage(seconds: number): string {
  return `The build was still running after ${seconds} s, the time limit, and was given up; nothing was written.`;
}

/** The files made so far, as a plugin that links to them sees them: sorted by path. */
function siblingFiles(prepared: readonly PreparedArtifact[]): SiblingFile[] {
  // A loop, not an arrow made per call, whose optimised code V8 would drop at each full collection of a batch.
  const out: SiblingFile[] = [];
  for (const a of sortByPath(prepared)) out.push({ plugin: a.plugin, path: a.path, bytes: a.bytes.byteLength, mediaType: a.mediaType });
  return out;
}

/**
 * The `ctx.report` of one plugin: makes a diagnostic from the plugin's declared code and its
 * data, stamps the plugin's name and the place in the report file, and keeps the plugin's
 * own code (as Rollup keeps `pluginCode`). A code the plugin does not declare is the
 * plugin's programming error: it throws, and the build reports the plugin as failed.
 */
export function pluginReporter(plugin: Plugin<any>, file: string, locate: Locate | undefined, push: (d: Diagnostic) => void): RenderContext<unknown>['report'] {
  return (code, data, path = []) => {
    const definition = plugin.codes?.[code];
    if (definition === undefined) {
      const declared = Object.keys(plugin.codes ?? {});
      throw new Error(`ctx.report was called with the code "${code}", which the plugin does not declare (${declared.length > 0 ? `its codes: ${declared.join(', ')}` : 'it declares no codes'}); add it to definePlugin({ codes }).`);
    }
    const place = path.length > 0 ? locate?.(path) : undefined;
    push(createDiagnostic(code, definition, data, { plugin: plugin.name, path: formatPath(path), file, ...(place ? { line: place.line, column: place.column } : {}) }));
  };
}
