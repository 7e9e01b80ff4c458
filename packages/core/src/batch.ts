// Batch builds: a pool of worker threads (one per available core), each with its own
// pipeline and its plugins loaded once. The queue is bounded: a worker gets the next
// report only when it is free, every worker writes its report's files to disk as soon as
// it is done and sends back only a small summary, so memory stays flat as the count grows.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readFileSync, statSync } from 'node:fs';
import { checkSize, decodeSource, parseYaml } from '@kommunrapport/model';
import { dirname, join, relative } from 'node:path';
import { BuildError, type BuildProblem } from './build-error.js';
import { cleanUpThread } from './publish.js';
import type { BuildProgress, BuildReportOptions, BuildResult } from './pipeline.js';
import type { Logger } from './plugin.js';

/** A plugin to load in each worker: a package name or path, resolved from `fromDir`. */
export interface PluginRef {
  spec: string;
  fromDir: string;
}

/** Options of {@link buildMany}. */
export interface BuildManyOptions extends Pick<BuildReportOptions, 'outDir' | 'options' | 'env' | 'strict' | 'cwd' | 'site'> {
  /** The plugins, in order, by spec (each worker loads them once). */
  plugins: readonly PluginRef[];
  /** The config file the options came from, named in option diagnostics. */
  optionsFile?: string;
  /** Number of workers; default the available parallelism, never more than the number of reports. */
  concurrency?: number;
  /** Called with each result as soon as its report is done, with the count done so far. */
  onResult?: (result: BuildResult, done: number, total: number) => void;
  /** Called as each report goes on (the workers send these events only when it is given). */
  onProgress?: (event: BuildProgress) => void;
  /** Messages from plugins. */
  logger?: Logger;
  /** Keep every result in the returned list (default true); set false for very large batches and use onResult. */
  keepResults?: boolean;
  /**
   * The longest a worker may spend on one report, in ms. Past it the worker is stopped, the
   * report fails (`plugin-failed`, saying so) and a new worker builds the rest, so one plugin
   * that never finishes cannot hold up a whole batch. The same limit applies to a worker
   * loading the plugins (an import that never finishes fails the batch, naming the plugin).
   * Default: no limit.
   */
  timeoutMs?: number;
  /**
   * The worker script, its Node flags (default: the worker beside this module, the parent's
   * flags) and V8 heap limits (default {@link DEFAULT_WORKER_LIMITS}).
   */
  worker?: { url?: URL; execArgv?: string[]; resourceLimits?: ResourceLimits };
}

/** What {@link buildMany} returns. */
export interface BuildManySummary {
  /** True when every report was built. */
  ok: boolean;
  /** Results in the order the reports finished (empty when keepResults is false). */
  results: BuildResult[];
  /** Counts of reports built and failed. */
  built: number;
  failed: number;
}

/** @internal What a worker gets at start. */
export interface WorkerData {
  plugins: readonly PluginRef[];
  outDir: string;
  options?: Readonly<Record<string, unknown>>;
  optionsFile?: string;
  env: Record<string, string | undefined>;
  strict: boolean;
  cwd?: string;
  site?: BuildReportOptions['site'];
  /** Two Int32 slots the worker sets before running plugin code: the plugin importing and the plugin rendering (index + 1). */
  doing?: SharedArrayBuffer;
  /** Only load the plugins, post `probed` with their names and formats, and stop. */
  probe?: boolean;
  /** Post `progress` messages (only when the caller listens: each one is a message between threads). */
  progress?: boolean;
}
/** @internal Messages to a worker. */
export type ToWorker = { type: 'build'; file: string };
/** @internal Messages from a worker. */
export type FromWorker =
  | { type: 'ready'; names: string[] }
  | { type: 'loading'; spec: string }
  | { type: 'probed'; plugins: { name: string; formats: string[] }[] }
  | { type: 'fatal'; problem: BuildProblem }
  | { type: 'result'; result: BuildResult }
  | { type: 'progress'; event: BuildProgress }
  | { type: 'log'; level: 'info' | 'warn'; message: string };

/**
 * Heap limits of each worker. A pipeline needs far less (about 45 MB live after a full
 * collection for a generated report in all five formats, not growing from report to report),
 * but without a limit V8 lets the heap grow lazily. The old generation's cap also sets how
 * eagerly V8 collects: 100 generated reports on two workers ran at 8.5 reports/s peaking at
 * 283 MB RSS with 512 MB, 9.5/s at 306 MB with 1536 MB, and 10.8/s at 460 MB with 2048 MB or
 * no limit (buildMany over bench/reports, two runs each). The young generation keeps V8's
 * default (about 48 MB here): 16 MB saved 15–25 MB of peak RSS on two workers but scavenged
 * 168 times instead of 99 for 10 reports (GC pauses 5.1 s against 3.0 s), and 64 MB cost
 * 46 MB more at the same CPU time within the noise.
 */
export const DEFAULT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536 };

/** Time a worker may take to start before its plugins' time limit begins (from TypeScript sources it registers tsx first). */
export const STARTUP_ALLOWANCE_MS = 30_000;

/** The worker script beside this module (`worker.ts` when running from sources). */
export function defaultWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
}

/**
 * Starts a worker. From TypeScript sources (tests, development) the worker registers tsx
 * first and resolves workspace packages to their sources; from the built package it is a
 * plain module worker.
 */
function startWorker(url: URL, workerData: WorkerData, execArgv: string[] | undefined, resourceLimits: ResourceLimits | undefined): Worker {
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData, ...limits, ...(execArgv ? { execArgv } : {}) });
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const entry = (JSON.parse(readFileSync(pkg, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsx = pathToFileURL(join(dirname(pkg), entry)).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, workerData, ...limits, execArgv: execArgv ?? ['--conditions=@kommunrapport/source'] });
}

/**
 * Imports plugins on a worker thread, under a time limit, and returns their names and
 * formats: a plugin that never finishes importing, blocks its thread or ends the process
 * at import fails here (a BuildError `plugin-failed` naming it) instead of hanging or
 * ending the command. The command imports a plugin into its own thread only after this.
 */
export async function probePlugins(
  plugins: readonly PluginRef[],
  options: { timeoutMs?: number; worker?: BuildManyOptions['worker'] } = {},
): Promise<{ name: string; formats: string[] }[]> {
  if (plugins.length === 0) return [];
  const doing = new SharedArrayBuffer(8);
  const data: WorkerData = { plugins, outDir: '', env: {}, strict: false, probe: true, doing };
  const worker = startWorker(options.worker?.url ?? defaultWorkerUrl(), data, options.worker?.execArgv, options.worker?.resourceLimits ?? DEFAULT_WORKER_LIMITS);
  let loading: string | undefined;
  try {
    return await new Promise((resolvePromise, rejectPromise) => {
      const fail = (reason: string) => {
        loading = plugins[Atomics.load(new Int32Array(doing), 0) - 1]?.spec ?? loading;
        rejectPromise(
          new BuildError({
            code: 'plugin-failed',
            hook: 'load',
            ...(loading !== undefined ? { plugin: loading } : {}),
            message: `${loading !== undefined ? `Importing the plugin "${loading}"` : 'Starting a worker to import the plugins'} did not finish: ${reason}. Nothing was built.`,
          }),
        );
      };
      let timer: NodeJS.Timeout | undefined;
      const limit = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(`it was still importing after ${options.timeoutMs! / 1000} s, the time limit`), ms);
      };
      if (options.timeoutMs !== undefined) limit(options.timeoutMs + STARTUP_ALLOWANCE_MS);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'loading') {
          if (loading === undefined && options.timeoutMs !== undefined) limit(options.timeoutMs);
          loading = message.spec;
        }
        else if (message.type === 'fatal') {
          clearTimeout(timer);
          rejectPromise(new BuildError(message.problem));
        } else if (message.type === 'probed') {
          clearTimeout(timer);
          resolvePromise(message.plugins);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        fail(error.message);
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        fail(`the plugin ended its thread (exit code ${code})`);
      });
    });
  } finally {
    void worker.terminate();
  }
}

/**
 * The id of a report file, read without decoding the report: a plain top-level `id:` line
 * is taken as it is; anything less plain (quoted, flow style, written twice) is parsed as
 * YAML. Undefined when the file cannot be read or has no text id (its build reports why).
 */
export function reportIdOf(file: string): string | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile() || checkSize(stats.size, file) !== undefined) return undefined;
    const source = decodeSource(readFileSync(file), file);
    if (source.text === undefined) return undefined;
    const plain = [...source.text.matchAll(/^id:[ \t]*([a-z0-9][a-z0-9-]*)[ \t]*(?:#.*)?\r?$/gm)];
    if (plain.length === 1 && !/^(?:---|\.\.\.|\{)/m.test(source.text)) return plain[0]![1];
    const value = parseYaml(source.text, file).value as { id?: unknown } | undefined;
    return typeof value === 'object' && value !== null && typeof value.id === 'string' ? value.id : undefined;
  } catch {
    return undefined;
  }
}

/** Report files that share an id, each id with its files sorted. */
export interface SharedId {
  id: string;
  files: string[];
}

/**
 * The ids that two or more of the files share, read as a build reads them ({@link reportIdOf}):
 * distinct files (by absolute path) with the same id, whatever their language or level, would
 * be written to the same folder. Files without a readable id are left out: their build says why.
 */
export function sharedIds(files: readonly string[]): SharedId[] {
  const byId = new Map<string, string[]>();
  for (const file of [...new Set(files)].sort()) {
    const id = reportIdOf(file);
    if (id === undefined) continue;
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return [...byId].filter(([, f]) => f.length > 1).map(([id, f]) => ({ id, files: f }));
}

/**
 * The problem `duplicate-report-id` for shared ids, worded once: build refuses the batch with
 * it, and validate shows it at the `id:` of each file concerned (with that file's own clash).
 */
export function duplicateIdProblem(shared: readonly SharedId[], show: (file: string) => string = (f) => f): BuildProblem {
  const list = shared.map(({ id, files }) => `"${id}" in ${files.map(show).join(', ')}`).join('; ');
  return { code: 'duplicate-report-id', message: `Reports share an id, so their outputs would go to the same folder: ${list}. A build of them together writes nothing.` };
}

/**
 * Throws a BuildError `duplicate-report-id` when two of the files have the same report id
 * (they would be written to the same folder), before anything is built.
 */
export function assertDistinctIds(files: readonly string[], show: (file: string) => string = (f) => f): void {
  const shared = sharedIds(files);
  if (shared.length > 0) throw new BuildError(duplicateIdProblem(shared, show));
}

/**
 * Builds many reports on a pool of worker threads. Resolves when all are done; throws a
 * BuildError when the plugins cannot be loaded at all, or when two reports share an id
 * (nothing is built then).
 */
export async function buildMany(files: readonly string[], options: BuildManyOptions): Promise<BuildManySummary> {
  const total = files.length;
  const summary: BuildManySummary = { ok: true, results: [], built: 0, failed: 0 };
  if (total === 0) return summary;
  assertDistinctIds(files, (f) => (options.cwd !== undefined ? relative(options.cwd, f) || f : f));
  const size = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), total));
  const data: WorkerData = {
    plugins: options.plugins,
    outDir: options.outDir,
    ...(options.options !== undefined ? { options: options.options } : {}),
    ...(options.optionsFile !== undefined ? { optionsFile: options.optionsFile } : {}),
    env: { ...(options.env ?? process.env) },
    strict: options.strict === true,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.site !== undefined ? { site: options.site } : {}),
    progress: options.onProgress !== undefined,
  };
  const url = options.worker?.url ?? defaultWorkerUrl();
  let next = 0;
  let done = 0;
  const workers = new Set<Worker>();
  let pluginNames: string[] | undefined; // the loaded plugins' names, in order

  return await new Promise<BuildManySummary>((resolvePromise, rejectPromise) => {
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      workers.clear();
      if (error !== undefined) rejectPromise(error);
      else resolvePromise(summary);
    };
    const record = (result: BuildResult) => {
      done++;
      if (result.ok) summary.built++;
      else {
        summary.failed++;
        summary.ok = false;
      }
      if (options.keepResults !== false) summary.results.push(result);
      options.onResult?.(result, done, total);
      if (done === total) finish();
    };
    const spawn = () => {
      const doing = new SharedArrayBuffer(8);
      const slots = new Int32Array(doing);
      const worker = startWorker(url, { ...data, doing }, options.worker?.execArgv, options.worker?.resourceLimits ?? DEFAULT_WORKER_LIMITS);
      const thread = worker.threadId; // -1 once the worker has stopped
      workers.add(worker);
      let ready = false;
      let current: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      let loading: string | undefined; // the plugin spec being imported
      let rendering: string | undefined; // the plugin rendering the current report
      const limit = (ms = options.timeoutMs) => {
        if (ms === undefined) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          void worker.terminate();
        }, ms).unref();
      };
      // Starting a thread is not the plugins' time: the limit runs from the first import on.
      if (options.timeoutMs !== undefined) limit(options.timeoutMs + STARTUP_ALLOWANCE_MS);
      const feed = () => {
        if (next >= total) {
          current = undefined;
          workers.delete(worker);
          void worker.terminate();
          return;
        }
        current = files[next++]!;
        rendering = undefined;
        worker.postMessage({ type: 'build', file: current } satisfies ToWorker);
        limit();
      };
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'loading':
            if (loading === undefined) limit();
            loading = message.spec;
            break;
          case 'probed':
            break;
          case 'ready':
            ready = true;
            pluginNames ??= message.names;
            clearTimeout(timer);
            feed();
            break;
          case 'fatal':
            finish(new BuildError(message.problem));
            break;
          case 'result':
            clearTimeout(timer);
            current = undefined;
            record(message.result);
            if (!settled) feed();
            break;
          case 'progress':
            if (message.event.stage === 'render') rendering = message.event.plugin;
            options.onProgress?.(message.event);
            break;
          case 'log':
            options.logger?.[message.level](message.message);
            break;
        }
      });
      const lost = (reason: string) => {
        clearTimeout(timer);
        if (settled || !workers.has(worker)) return;
        if (timedOut) reason = `it was still ${ready ? 'building' : 'loading'} after ${options.timeoutMs! / 1000} s, the time limit, and was stopped`;
        loading = options.plugins[Atomics.load(slots, 0) - 1]?.spec ?? loading;
        if (current !== undefined && Atomics.load(slots, 1) > 0) rendering = pluginNames?.[Atomics.load(slots, 1) - 1] ?? rendering;
        workers.delete(worker);
        cleanUpThread(options.outDir, thread);
        if (!ready) {
          finish(
            new BuildError({
              code: 'plugin-failed',
              hook: 'load',
              ...(loading !== undefined ? { plugin: loading } : {}),
              message: `A build worker stopped while ${loading !== undefined ? `importing the plugin "${loading}"` : 'starting'}: ${reason}. Nothing was built.`,
            }),
          );
          return;
        }
        if (current !== undefined) {
          const file = current;
          current = undefined;
          const by = rendering !== undefined ? ` while plugin "${rendering}" rendered` : '';
          record({ ok: false, file, artifacts: [], diagnostics: [], problems: [{ code: 'plugin-failed', hook: 'render', ...(rendering !== undefined ? { plugin: rendering } : {}), file, message: `The worker building this report stopped${by}: ${reason}. Nothing was written.` }] });
        }
        if (!settled && next < total) spawn();
      };
      worker.on('error', (error) =>
        lost((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it ran out of memory (${error.message}); raise worker.resourceLimits.maxOldGenerationSizeMb` : error.message),
      );
      worker.on('exit', (code) => lost(`exit code ${code}`));
    };
    try {
      for (let i = 0; i < size; i++) spawn();
    } catch (error) {
      finish(error);
    }
  });
}
