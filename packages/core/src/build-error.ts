// Problems of a build that are not findings in the report's content: a plugin that cannot
// be loaded, bad plugin options, a plugin that throws or returns bad artifacts or reports
// errors, a file that cannot be read or written. Each has a permanent code, in the one shape
// of the model's catalogue (DiagnosticDefinition); like Rollup, the message names the plugin,
// its hook and the report file, so the user knows whose fault it is. A report file that
// cannot be read is the model's `file-unreadable`, the same code `validate` gives.
import { DIAGNOSTIC_CODES, type DiagnosticDefinition } from '@kommunrapport/model';

/** One entry of the catalogue of build problem codes: the one shape, and whose fault it is. */
export interface BuildProblemInfo extends DiagnosticDefinition<{ detail: string }> {
  /** Whether it is the input's or a plugin's fault (`build`, exit code 1) or the machine's or the command line's (`io`, exit code 2). */
  kind: 'build' | 'io';
}

/** The message of a build problem is composed where it happens: the plugin's own error, the path that failed. */
const detail = (d: { detail: string }): string => d.detail;

/** The catalogue of build problem codes. Names are permanent: add codes, never rename them. */
export const BUILD_PROBLEM_CODES = {
  'plugin-not-found': {
    title: 'Plugin not found',
    severity: 'error',
    group: 'build',
    kind: 'io',
    meaning: 'The plugin named by package or path could not be found: no such file, a package not installed where the report or the command can see it, or a package whose entry is not built.',
    message: detail,
    hint: 'Check the spelling; a package must be installed next to the report or the command, a path is relative to the folder it was given in.',
  },
  'plugin-folder': {
    title: 'Plugin folder is not a package',
    severity: 'error',
    group: 'build',
    kind: 'io',
    meaning: 'A plugin was given as a folder, but the folder has no package.json saying which file to load.',
    message: detail,
    hint: 'Give the folder of a plugin package (with package.json), or the plugin file itself, e.g. ./my-plugin/dist/index.js.',
  },
  'plugin-invalid': {
    title: 'Not a plugin',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'The plugin\'s module could not be imported (an error in it, or a module it imports is not installed), or its default export is not a plugin made with definePlugin({ name, formats, options, render }).',
    message: detail,
    hint: 'Export the plugin as the default export: `export default definePlugin({ ... })`, with every field named in the message.',
  },
  'plugin-options': {
    title: 'Plugin options not valid',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'The options given to a plugin do not decode with its options codec.',
    message: detail,
    hint: 'Correct the option at the path given, in kommunrapport.config.(json|yaml) under options.<plugin name>.',
  },
  'plugin-failed': {
    title: 'Plugin failed',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'A plugin threw an error (or its promise rejected) while rendering the report; nothing was written.',
    message: detail,
    hint: 'Read the plugin’s message; if it points at the report, correct the report, otherwise report the error to the plugin’s authors.',
  },
  'artifact-invalid': {
    title: 'Plugin returned a bad artifact',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'A plugin returned something that cannot be written safely: not a list, a path that is absolute, climbs out with "..", uses a backslash or is used twice, or contents that are neither text nor bytes.',
    message: detail,
    hint: 'The plugin must return [{ path, contents, mediaType }] with relative POSIX paths inside the output folder, each path once; report it to the plugin’s authors.',
  },
  'report-invalid': {
    title: 'Report has errors',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'The report could not be read, decoded or checked without errors, so it was not published.',
    message: detail,
    hint: 'Correct the diagnostics listed (run `kommunrapport validate <file>` for the same list).',
  },
  'plugin-findings': {
    title: 'Plugin reported errors',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'A plugin reported a finding of severity error through ctx.report (or a warning, under --strict); the findings are listed with the plugin and its code, and nothing was written.',
    message: detail,
    hint: 'Read the findings of the plugin named: each says what to change in the report or the options.',
  },
  'output-failed': {
    title: 'Output cannot be written',
    severity: 'error',
    group: 'build',
    kind: 'io',
    meaning: 'The output folder could not be created, written or moved into place; the previous output is left as it was.',
    message: detail,
    hint: 'Check that the output folder is writable and the disk is not full, then build again.',
  },
  'output-not-ours': {
    title: 'Output folder not made by a build',
    severity: 'error',
    group: 'build',
    kind: 'io',
    meaning: 'The folder `<out>/<report id>/` exists but holds no `.kommunrapport-build.json` marker, so no build made it (or an older version did, which wrote no marker); it is left as it was and nothing is written.',
    message: detail,
    hint: 'Choose another output folder with --out, or give the report another id; if the folder is an output of an older kommunrapport version, delete it once and build again.',
  },
  'duplicate-report-id': {
    title: 'Two reports with the same id',
    severity: 'error',
    group: 'build',
    kind: 'build',
    meaning: 'Two or more reports of one batch have the same id, so they would be written to the same folder and one output would silently replace the other; nothing is built. `validate` reports it at the `id:` of each of the files named together.',
    message: detail,
    hint: 'Give each report its own id (the id names the output folder), or build them into different output folders.',
  },
  'output-locked': {
    title: 'Output folder busy',
    severity: 'error',
    group: 'build',
    kind: 'io',
    meaning: 'Another build kept the output folder of this report locked for too long.',
    message: detail,
    hint: 'Wait for the other build to finish; if none is running, remove the `.<id>.lock` file in the output folder.',
  },
} as const satisfies Record<string, BuildProblemInfo>;

/** A code of the build problem catalogue, or `file-unreadable` from the model's catalogue. */
export type BuildProblemCode = keyof typeof BUILD_PROBLEM_CODES | 'file-unreadable';

/** The definition of a build problem's code. */
export function problemInfo(code: BuildProblemCode): DiagnosticDefinition & { kind: 'build' | 'io' } {
  return code === 'file-unreadable' ? { ...DIAGNOSTIC_CODES[code], kind: 'io' } : BUILD_PROBLEM_CODES[code];
}

/** A plugin hook a problem happened in. */
export type PluginHook = 'load' | 'options' | 'render' | 'artifacts';

/** One problem of a build, as plain data (it crosses worker threads and goes into `--json`). */
export interface BuildProblem {
  code: BuildProblemCode;
  /** What happened, without the `[plugin …]` prefix. */
  message: string;
  /** The plugin at fault, by name (or by the spec it was loaded from when it has no name). */
  plugin?: string;
  /** The plugin hook that failed. */
  hook?: PluginHook;
  /** The report file being built. */
  file?: string;
  /** How to fix it. */
  hint?: string;
}

/** An error carrying a {@link BuildProblem}; thrown by loadPlugin and the output writer. */
export class BuildError extends Error {
  /** The problem as plain data. */
  readonly problem: BuildProblem;
  constructor(problem: BuildProblem, options?: { cause?: unknown }) {
    super(formatProblem(problem), options);
    this.name = 'BuildError';
    this.problem = problem;
  }
  /** The problem's code. */
  get code(): BuildProblemCode {
    return this.problem.code;
  }
}

/** Whether a problem is an input/output problem (exit code 2) rather than a build failure (exit code 1). */
export function isIoProblem(problem: BuildProblem): boolean {
  return problemInfo(problem.code).kind === 'io';
}

/**
 * A problem as one or more lines for people, Rollup style:
 * `[plugin html] render rapport.yaml: message`, then the hint indented.
 */
export function formatProblem(problem: BuildProblem): string {
  const head: string[] = [];
  if (problem.plugin !== undefined) head.push(`[plugin ${problem.plugin}]`);
  if (problem.hook !== undefined) head.push(problem.hook);
  if (problem.file !== undefined) head.push(problem.file);
  const prefix = head.length > 0 ? `${head.join(' ')}: ` : '';
  const lines = [`${prefix}${problem.message} (${problem.code})`];
  const hint = problem.hint ?? problemInfo(problem.code).hint;
  lines.push(`  hint: ${hint}`);
  return lines.join('\n');
}

/** The message of anything thrown, without a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return `a non-error value was thrown: ${JSON.stringify(error)}`;
  } catch {
    return 'a non-error value was thrown';
  }
}
