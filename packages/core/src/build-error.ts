// Problems of a build that are not findings in the report's content: a plugin that cannot
// be loaded, bad plugin options, a plugin that throws or returns bad artifacts, a file that
// cannot be read or written. Each has a permanent code from one catalogue; like Rollup, the
// message names the plugin, its hook and the report file, so the user knows whose fault it is.

/** One entry of the catalogue of build problem codes. */
export interface BuildProblemInfo {
  /** Short title of the problem. */
  title: string;
  /** Whether it is the input's or a plugin's fault (`build`, exit code 1) or the machine's or the command line's (`io`, exit code 2). */
  kind: 'build' | 'io';
  /** What the code means. */
  meaning: string;
  /** How to fix it. */
  fix: string;
}

/** The catalogue of build problem codes. Names are permanent: add codes, never rename them. */
export const BUILD_PROBLEM_CODES = {
  'plugin-not-found': {
    title: 'Plugin not found',
    kind: 'io',
    meaning: 'The plugin named by package or path could not be found or imported.',
    fix: 'Check the spelling; a package must be installed next to the report or the command, a path is relative to the folder it was given in.',
  },
  'plugin-invalid': {
    title: 'Not a plugin',
    kind: 'build',
    meaning: 'The module was imported, but its default export is not a plugin made with definePlugin({ name, formats, options, render }).',
    fix: 'Export the plugin as the default export: `export default definePlugin({ ... })`, with every field named in the message.',
  },
  'plugin-options': {
    title: 'Plugin options not valid',
    kind: 'build',
    meaning: 'The options given to a plugin do not decode with its options codec.',
    fix: 'Correct the option at the path given, in kommunrapport.config.(json|yaml) under options.<plugin name>.',
  },
  'plugin-failed': {
    title: 'Plugin failed',
    kind: 'build',
    meaning: 'A plugin threw an error (or its promise rejected) while rendering the report; nothing was written.',
    fix: 'Read the plugin’s message; if it points at the report, correct the report, otherwise report the error to the plugin’s authors.',
  },
  'artifact-invalid': {
    title: 'Plugin returned a bad artifact',
    kind: 'build',
    meaning: 'A plugin returned something that cannot be written safely: not a list, a path that is absolute, climbs out with "..", uses a backslash or is used twice, or contents that are neither text nor bytes.',
    fix: 'The plugin must return [{ path, contents, mediaType }] with relative POSIX paths inside the output folder, each path once; report it to the plugin’s authors.',
  },
  'report-invalid': {
    title: 'Report has errors',
    kind: 'build',
    meaning: 'The report could not be read, decoded or checked without errors, so it was not published.',
    fix: 'Correct the diagnostics listed (run `kommunrapport validate <file>` for the same list).',
  },
  'report-unreadable': {
    title: 'Report file cannot be read',
    kind: 'io',
    meaning: 'The report file does not exist or cannot be read.',
    fix: 'Check the path and the file’s permissions.',
  },
  'output-failed': {
    title: 'Output cannot be written',
    kind: 'io',
    meaning: 'The output folder could not be created, written or moved into place; the previous output is left as it was.',
    fix: 'Check that the output folder is writable and the disk is not full, then build again.',
  },
  'output-not-ours': {
    title: 'Output folder not made by a build',
    kind: 'io',
    meaning: 'The folder `<out>/<report id>/` exists but holds no `.kommunrapport-build.json` marker, so no build made it (or an older version did, which wrote no marker); it is left as it was and nothing is written.',
    fix: 'Choose another output folder with --out, or give the report another id; if the folder is an output of an older kommunrapport version, delete it once and build again.',
  },
  'duplicate-report-id': {
    title: 'Two reports with the same id',
    kind: 'build',
    meaning: 'Two or more reports of one batch have the same id, so they would be written to the same folder and one output would silently replace the other; nothing is built.',
    fix: 'Give each report its own id (the id names the output folder), or build them into different output folders.',
  },
  'output-locked': {
    title: 'Output folder busy',
    kind: 'io',
    meaning: 'Another build kept the output folder of this report locked for too long.',
    fix: 'Wait for the other build to finish; if none is running, remove the `.<id>.lock` file in the output folder.',
  },
} as const satisfies Record<string, BuildProblemInfo>;

/** A code of the build problem catalogue. */
export type BuildProblemCode = keyof typeof BUILD_PROBLEM_CODES;

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
  return BUILD_PROBLEM_CODES[problem.code].kind === 'io';
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
  const hint = problem.hint ?? BUILD_PROBLEM_CODES[problem.code].fix;
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
