// `kommunrapport validate <file…> [--json] [--strict] [--config <file>] [-q] [-v]`: reads each
// report and its config and checks them as build does before rendering, prints a one-screen
// summary and the findings (or JSON) and sets the exit code.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { countBySeverity, countContent, formatDiagnostic, hasErrors, type Diagnostic, type Severity } from '@kommunrapport/model';
import { BuildError, duplicateIdProblem, importPlugin, problemInfo, readReport, sharedIds, type BuildProblem, type Plugin } from '@kommunrapport/core';
import { loadConfigFor } from '../config.js';
import { FIRST_PARTY } from '../first-party.js';
import { EXIT, type CommandContext } from '../io.js';
import { configFindings, configPluginSpecs, optionFindings, pluginLoadFindings, probeThenImport, type Findings } from '../preflight.js';
import { RepeatedFindings } from '../repeats.js';
import { DEFAULT_TIMEOUT_S, resolveReports, UsageError } from './build.js';

/** Options of the validate command. */
export interface ValidateOptions {
  json?: boolean;
  strict?: boolean;
  /** Print only problems (errors and warnings), nothing for a file without them. */
  quiet?: boolean;
  /** Also print what was read: the sections, tables and images checked. */
  verbose?: boolean;
  /** A config file to check instead of the kommunrapport.config.* next to each report (as build's --config). */
  config?: string;
}

/** The JSON written for one file by `validate --json`. */
export interface ValidateJson {
  file: string;
  ok: boolean;
  summary: { areas: number; goals: number; commitments: number; indicators: number } | null;
  diagnostics: {
    code: string;
    severity: Severity;
    path: string;
    line: number | null;
    column: number | null;
    message: string;
    expected?: string;
    found?: string;
    hint: string | null;
    file: string;
  }[];
}

interface FileResult {
  json: ValidateJson;
  text: string;
  exit: number;
}

/**
 * Validates one file; never throws for bad input or unreadable files. `sharedId` is the
 * `duplicate-report-id` problem of this file's id shared with other files of the same
 * command (see {@link sharedIdProblems}), shown at its `id:`; `repeats`, of a command with
 * several files, leaves out a hint an earlier file printed (repeats.ts).
 */
export async function validateFile(file: string, options: ValidateOptions, ctx: Pick<CommandContext, 'io'>, sharedId?: BuildProblem, repeats?: RepeatedFindings): Promise<FileResult> {
  const colours = pc.createColors(ctx.io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colours.red(text) : s === 'warning' ? colours.yellow(text) : colours.cyan(text));
  // Everything a build finds before rendering: the report as core reads it (with its images
  // and the vocabulary's colours), then the config found as build finds it (see preflight.ts).
  const abs = resolve(ctx.io.cwd, file);
  const read = await readReport(abs, file);
  if (read.unreadable) {
    const d = read.unreadable;
    return { json: toJson(file, false, null, [d]), text: `${formatDiagnostic(d, { colour: paint })}\n`, exit: EXIT.usage };
  }
  const { report } = read;
  const imageFiles = new Set([...read.images.values()].map((i) => i.src));
  const imageCount = imageFiles.size;
  const config = await checkConfig(abs, options, ctx);
  const diagnostics = [...read.diagnostics, ...config.diagnostics];
  if (sharedId !== undefined) {
    const place = read.locate?.(['id']);
    diagnostics.push({ code: sharedId.code, severity: 'error', path: 'id', message: sharedId.message, file, ...(place ? { line: place.line, column: place.column } : {}), hint: sharedId.hint ?? problemInfo(sharedId.code).hint });
  }
  const failed = hasErrors(diagnostics, { strict: options.strict === true });
  const counts = report ? countContent(report) : undefined;
  const summary = counts ? { areas: counts.areas, goals: counts.goals, commitments: counts.commitments, indicators: counts.indicators } : null;
  const bySeverity = countBySeverity(diagnostics);
  const exit = config.exit === EXIT.usage ? EXIT.usage : failed ? EXIT.invalid : EXIT.ok;
  const verdict = failed ? colours.red(`✗ ${file} is not valid${options.strict && bySeverity.error === 0 ? ' (warnings count as errors under --strict)' : ''}`) : colours.green(`✓ ${file} is valid`);
  const json = toJson(file, !failed, summary, diagnostics);
  const shown = (list: readonly Diagnostic[]) => (repeats ? repeats.report(list, { colour: paint }) : list.map((d) => formatDiagnostic(d, { colour: paint })));
  if (options.quiet === true) {
    // Only problems: errors and warnings, and the verdict of a file that fails; nothing for a clean one.
    const problems = shown(diagnostics.filter((d) => d.severity !== 'info'));
    if (failed) problems.push(verdict);
    return { json, text: problems.length === 0 ? '' : `${problems.join('\n\n')}\n`, exit };
  }
  const lines: string[] = [colours.bold(file)];
  if (report) {
    lines.push(`  ${report.municipality.name} (${report.municipality.code}) · ${report.body.name} (${report.body.abbreviation}) · ${report.period.label}`);
    lines.push(`  ${plural(summary!.areas, 'area')} · ${plural(summary!.goals, 'goal')} · ${plural(summary!.commitments, 'commitment')} · ${plural(summary!.indicators, 'indicator')}`);
    if (options.verbose === true) {
      lines.push(`  read: ${plural(report.sections.length, 'section')} (${plural(counts!.perspectives, 'perspective')}) · ${plural(counts!.tables, 'table')} · ${plural(imageCount, 'image')}${imageCount > 0 ? ` (${[...imageFiles].join(', ')})` : ''}`);
    }
  } else {
    lines.push('  The report could not be read; fix the errors below first.');
  }
  lines.push(`  ${paint('error', plural(bySeverity.error, 'error'))} · ${paint('warning', plural(bySeverity.warning, 'warning'))} · ${paint('info', `${bySeverity.info} info`)}`);
  for (const f of shown(diagnostics)) lines.push('', f);
  lines.push('', verdict);
  return { json, text: `${lines.join('\n')}\n`, exit };
}

/**
 * The config next to the report (or --config) checked as build checks it before rendering:
 * the file, its site: block, the plugins it adds (imported as build imports them: first on
 * a worker under the time limit), options for a plugin nobody knows, and the options of
 * every plugin they are given for. A plugin that cannot be found is exit 2, one that is not
 * a plugin exit 1, with build's code and message.
 */
async function checkConfig(report: string, options: ValidateOptions, ctx: Pick<CommandContext, 'io'>): Promise<Findings> {
  const show = shownFrom(ctx.io.cwd);
  const config = await loadConfigFor(report, show, options.config === undefined ? undefined : resolve(ctx.io.cwd, options.config));
  const checked = configFindings(config, show, options.strict === true);
  if (checked.exit !== EXIT.ok) return checked;
  let extras: Plugin<any>[];
  try {
    extras = await probeThenImport(configPluginSpecs(config, dirname(report), ctx.io.cwd), { timeoutMs: DEFAULT_TIMEOUT_S * 1000, load: async (spec, dirs) => (await importPlugin(spec, dirs)).plugin });
  } catch (error) {
    const found = error instanceof BuildError ? pluginLoadFindings(error, config, show) : undefined;
    if (found === undefined) throw error;
    return { diagnostics: [...checked.diagnostics, ...found.diagnostics], exit: found.exit };
  }
  const given = config.config.options ?? {};
  // First-party plugins are imported only when options are given for them, so validate stays quick.
  const firstParty = await Promise.all(FIRST_PARTY.filter((p) => given[p.format] !== undefined).map((p) => p.load()));
  const names = [...FIRST_PARTY.map((p) => p.format), ...extras.map((e) => e.name)];
  const plugins = [...firstParty.filter((p) => !extras.some((e) => e.name === p.name)), ...extras];
  const { strays, invalid } = optionFindings({ config, options: given, names, plugins, show });
  return { diagnostics: [...checked.diagnostics, ...strays, ...invalid], exit: EXIT.ok };
}

/**
 * The files of one validate command that build would refuse to build together, because
 * they share an id (core's {@link sharedIds}, the check build makes): each file's
 * `duplicate-report-id` problem, naming the files its id is shared with, by absolute path.
 */
function sharedIdProblems(files: readonly string[], cwd: string): Map<string, BuildProblem> {
  const show = shownFrom(cwd);
  const out = new Map<string, BuildProblem>();
  if (files.length < 2) return out;
  for (const shared of sharedIds(files.map((f) => resolve(cwd, f)))) for (const f of shared.files) out.set(f, duplicateIdProblem([shared], show));
  return out;
}

/** A file as findings name it: relative to the current folder, with forward slashes (as build names it). */
const shownFrom = (cwd: string) => (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toJson(file: string, ok: boolean, summary: ValidateJson['summary'], diagnostics: Diagnostic[]): ValidateJson {
  return {
    file,
    ok,
    summary,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      path: d.path,
      line: d.line ?? null,
      column: d.column ?? null,
      message: d.message,
      ...(d.expected !== undefined ? { expected: d.expected } : {}),
      ...(d.found !== undefined ? { found: d.found } : {}),
      hint: d.hint ?? null,
      file: d.file ?? file,
    })),
  };
}

/**
 * The files a validate command names, found by build's {@link resolveReports}: a glob pattern
 * gives its matches in build's order, and a file named twice ("rapport.yaml ./rapport.yaml") is
 * validated once. What build would refuse to resolve (a missing file, a folder, a pattern that
 * matches nothing) is taken as named, so it is reported as a file that cannot be read.
 */
async function namedFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const show = shownFrom(cwd);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const named = resolve(cwd, arg);
    let found: string[];
    try {
      found = await resolveReports([arg], cwd);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      found = [named];
    }
    for (const abs of found) {
      if (seen.has(abs)) continue;
      seen.add(abs);
      out.push(abs === named ? arg : show(abs));
    }
  }
  return out;
}

/** Adds `validate` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('validate')
    .description('decode and check reports; print a summary and every finding')
    .argument('<file...>', 'report files (YAML) or glob patterns, e.g. "reports/*.yaml"')
    .option('--json', 'print the result as JSON (an array for several files)')
    .option('--strict', 'treat warnings as errors')
    .option('--config <file>', 'check this config file instead of the kommunrapport.config.(json|yaml|yml) next to each report')
    .option('-q, --quiet', 'print only problems (errors and warnings), nothing for a file without them')
    .option('-v, --verbose', 'also print what was read: sections, tables and the image files checked')
    .addHelpText('after', '\nExit codes: 0 valid, 1 errors (or warnings with --strict), 2 usage or I/O problem.')
    .action(async (args: string[], options: ValidateOptions) => {
      const files = await namedFiles(args, ctx.io.cwd);
      // Files that share an id are refused by build together, so validate reports it too.
      const shared = sharedIdProblems(files, ctx.io.cwd);
      const results: FileResult[] = [];
      // Several files: a hint once (repeats.ts), as build and site print several reports' findings.
      const repeats = files.length > 1 ? new RepeatedFindings() : undefined;
      for (const file of files) results.push(await validateFile(file, options, ctx, shared.get(resolve(ctx.io.cwd, file)), repeats));
      if (options.json) {
        const json = results.map((r) => r.json);
        ctx.io.stdout(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
      } else {
        // Reports go to standard output; files that could not be read are I/O problems, for standard error.
        const readable = results.filter((r) => r.exit !== EXIT.usage && r.text !== '');
        if (readable.length > 0) ctx.io.stdout(readable.map((r) => r.text).join('\n'));
        for (const r of results) if (r.exit === EXIT.usage) ctx.io.stderr(r.text);
      }
      for (const r of results) ctx.exit(r.exit);
    });
}
