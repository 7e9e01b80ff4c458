// @kommunrapport/core/testing: helpers for testing a plugin, inside this repository or in a
// package of its own. A sample report that validates (an invented kommun's delårsrapport
// with nested sections, tables, goals and indicators) and a function that builds it with a
// plugin through the core's real pipeline (options decoded by the plugin's codec, the
// document built, the plugin's artifacts checked and written), returning what was written.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, loadReport, type Diagnostic, type Report } from '@kommunrapport/model';
import { formatProblem, type BuildProblem } from './build-error.js';
import { buildReport } from './pipeline.js';
import type { Plugin } from './plugin.js';

/** The sample report's file (YAML), shipped with the package. */
export const sampleReportFile: string = fileURLToPath(new URL('../testing/rapport.yaml', import.meta.url));

/** Loads a report (default the sample) and returns it decoded and checked; throws with the diagnostics when it has errors. */
export function loadSampleReport(file: string = sampleReportFile): Report {
  const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (report === undefined || errors.length > 0) throw new Error(`${file} has errors:\n${errors.map((d) => formatDiagnostic(d)).join('\n')}`);
  return report;
}

/** One file a plugin made, as written. */
export interface RenderedFile {
  path: string;
  mediaType: string;
  contents: Uint8Array;
}

/** What {@link renderWith} gives back. */
export interface Rendered {
  /** True when the build succeeded and every file was written. */
  ok: boolean;
  /** The files written, sorted by path. */
  files: RenderedFile[];
  /** A written file's contents as UTF-8 text; throws when the plugin wrote no such file. */
  text(path: string): string;
  /** Findings about the report and the plugin's options (e.g. a bad option, with its path). */
  diagnostics: Diagnostic[];
  /** Problems of the plugin (it threw, returned a bad artifact, …), as the CLI reports them. */
  problems: BuildProblem[];
  /** Diagnostics and problems as the CLI prints them, for assertion messages. */
  messages: string;
}

/** Options of {@link renderWith}. */
export interface RenderWithOptions {
  /** Raw options for the plugin, as they would stand under `options.<plugin name>` in the config file. */
  options?: unknown;
  /** The report file (default the sample report). */
  file?: string;
  /** Environment for the document date; default `SOURCE_DATE_EPOCH=0` so output does not depend on the machine. */
  env?: Record<string, string | undefined>;
}

/** Builds a report (default the sample) with one plugin, exactly as `kommunrapport build` would, into a temporary folder, and returns the files. */
export async function renderWith(plugin: Plugin<any>, options: RenderWithOptions = {}): Promise<Rendered> {
  const dir = await mkdtemp(join(tmpdir(), 'kommunrapport-testing-'));
  try {
    const result = await buildReport({
      file: options.file ?? sampleReportFile,
      plugins: [plugin],
      outDir: join(dir, 'out'),
      ...(options.options !== undefined ? { options: { [plugin.name]: options.options } } : {}),
      env: options.env ?? { SOURCE_DATE_EPOCH: '0' },
    });
    const files: RenderedFile[] = [];
    if (result.ok && result.outDir !== undefined) {
      for (const a of result.artifacts) files.push({ path: a.path, mediaType: a.mediaType, contents: new Uint8Array(await readFile(join(result.outDir, a.path))) });
    }
    const decoder = new TextDecoder();
    return {
      ok: result.ok,
      files,
      text(path) {
        const f = files.find((x) => x.path === path);
        if (f === undefined) throw new Error(`The plugin wrote no file ${path}; it wrote ${files.map((x) => x.path).join(', ') || 'nothing'}.`);
        return decoder.decode(f.contents);
      },
      diagnostics: result.diagnostics,
      problems: result.problems,
      messages: [...result.diagnostics.map((d) => formatDiagnostic(d)), ...result.problems.map(formatProblem)].join('\n'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
