// `kommunrapport import [report] [--from <workbook> --table <id> …] [--config <file>] [--dry-run] [--json] [-q] [-v]`:
// fills tables of a report from workbooks (XLSX) or CSV files. With --from it imports one
// table; without, every mapping in `imports:` of kommunrapport.config.yaml. Prints each
// change (old → new per cell, rows added and removed) and writes nothing with --dry-run.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatDiagnostic, Unit, type Diagnostic, type Severity } from '@kommunrapport/model';
import { findConfig, loadConfigFor } from '../config.js';
import { EXIT, type CommandContext } from '../io.js';
import type { Change } from '../import/apply.js';
import type { ImportMapping } from '../import/mapping.js';
import { resolveMapping, runImport, showPath, type ImportOutcome } from '../import/run.js';

/** Options of the import command. */
export interface ImportOptions {
  from?: string;
  sheet?: string;
  range?: string;
  anchor?: string;
  table?: string;
  unit?: string;
  sign?: string;
  keepMissingRows?: boolean;
  config?: string;
  dryRun?: boolean;
  json?: boolean;
  /** Print only problems, not the changes. */
  quiet?: boolean;
  /** Also print what was read (the config file, each workbook's sheet and table) and written. */
  verbose?: boolean;
}

const SIGNS = ['as-is', 'invert', 'costs-positive'] as const;

/** A figure for people: Swedish style, − for minus, "tomt" for no value. */
function show(v: number | null | undefined): string {
  if (v === undefined) return '(none)';
  if (v === null) return 'null';
  return String(v).replace('-', '−');
}

/** One change as a line of the report printed to the terminal. */
export function describeChange(c: Change): string {
  if (c.type === 'cell') return `  ${c.table} ${c.row}.${c.column}: ${show(c.old)} → ${show(c.new)}  (${c.ref})`;
  if (c.type === 'row-added') return `  ${c.table} + row ${c.row} "${c.label}"  (${c.ref})`;
  return `  ${c.table} − row ${c.row} "${c.label}" (not in the sheet)`;
}

function summary(o: ImportOutcome, dryRun: boolean): string {
  const cells = o.changes.filter((c) => c.type === 'cell').length;
  const added = o.changes.filter((c) => c.type === 'row-added').length;
  const removed = o.changes.filter((c) => c.type === 'row-removed').length;
  if (o.changes.length === 0) return `${o.report}: no change`;
  const what = `${cells} cell${cells === 1 ? '' : 's'} changed, ${added} row${added === 1 ? '' : 's'} added, ${removed} row${removed === 1 ? '' : 's'} removed`;
  return `${o.report}: ${what}${o.written ? '; written' : dryRun ? ' (dry run: nothing written)' : ''}`;
}

/** Runs the import command; resolves to the exit code. */
export async function runImportCommand(reportArg: string | undefined, options: ImportOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const usage = (message: string) => {
    io.stderr(`kommunrapport import: ${message}\n`);
    return EXIT.usage;
  };
  if (options.sign !== undefined && !SIGNS.includes(options.sign as (typeof SIGNS)[number])) return usage(`--sign must be one of ${SIGNS.join(', ')}; found "${options.sign}".`);
  if (options.unit !== undefined && !Unit.is(options.unit)) return usage(`--unit must be one of kr, tkr, mnkr, percent; found "${options.unit}".`);
  if (options.range !== undefined && options.anchor !== undefined) return usage('give either --range or --anchor, not both.');
  // Verbose lines go to standard error, as build's, so standard output stays the result.
  const verbose = (text: string) => (options.verbose === true && options.quiet !== true ? io.stderr(`${text}\n`) : undefined);
  const jobs = new Map<string, ImportMapping[]>();
  const colour = pc.createColors(io.isTTY);
  const paint = (s: Severity, text: string) => (s === 'error' ? colour.red(text) : s === 'warning' ? colour.yellow(text) : colour.cyan(text));
  if (options.from !== undefined) {
    if (options.table === undefined) return usage('--from needs --table <id>: the id of the table in the report to fill.');
    const report = resolve(io.cwd, reportArg ?? 'rapport.yaml');
    jobs.set(report, [
      {
        workbook: resolve(io.cwd, options.from),
        table: options.table,
        ...(options.sheet ? { sheet: options.sheet } : {}),
        ...(options.range ? { range: options.range } : {}),
        ...(options.anchor ? { anchor: options.anchor } : {}),
        ...(options.unit ? { unit: options.unit as Unit } : {}),
        ...(options.sign ? { sign: options.sign as (typeof SIGNS)[number] } : {}),
        ...(options.keepMissingRows ? { keepMissingRows: true } : {}),
      },
    ]);
  } else {
    // The config: --config, else next to the report named, else in the current folder.
    const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : findConfig(reportArg !== undefined ? dirname(resolve(io.cwd, reportArg)) : io.cwd);
    if (configFile === undefined || !existsSync(configFile)) {
      return usage(
        options.config !== undefined
          ? `cannot read ${options.config}: no such file.`
          : 'nothing to import: give --from <workbook> --table <id>, or list the tables under `imports:` in kommunrapport.config.yaml.',
      );
    }
    const loaded = await loadConfigFor(resolve(dirname(configFile), 'rapport.yaml'), (f) => showPath(io.cwd, f));
    verbose(`config ${showPath(io.cwd, configFile)}`);
    if (loaded.diagnostics.length > 0) {
      if (options.json) io.stdout(`${JSON.stringify({ ok: false, reports: [], diagnostics: loaded.diagnostics }, null, 2)}\n`);
      else io.stderr(`${loaded.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n`);
      return EXIT.invalid;
    }
    const imports = loaded.config.imports ?? [];
    if (imports.length === 0) return usage(`${showPath(io.cwd, configFile)} lists no \`imports:\`; add one per table, or give --from <workbook> --table <id>.`);
    for (const raw of imports) {
      const m = resolveMapping(raw, loaded.dir);
      const report = reportArg !== undefined ? resolve(io.cwd, reportArg) : (m.report ?? resolve(loaded.dir, 'rapport.yaml'));
      if (reportArg !== undefined && m.report !== undefined && m.report !== report) continue;
      jobs.set(report, [...(jobs.get(report) ?? []), m]);
    }
  }
  const outcomes: ImportOutcome[] = [];
  for (const [report, mappings] of jobs) outcomes.push(await runImport({ report, mappings }, { cwd: io.cwd, dryRun: options.dryRun === true, log: verbose }));
  if (options.json) {
    const json = {
      ok: outcomes.every((o) => o.exit === 0),
      dryRun: options.dryRun === true,
      reports: outcomes.map((o) => ({ report: o.report, written: o.written, changes: o.changes, diagnostics: o.diagnostics.map(jsonDiagnostic) })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const o of outcomes) {
      const lines = o.changes.map(describeChange);
      if (o.diagnostics.length > 0) {
        io.stderr(`${o.diagnostics.map((d) => formatDiagnostic(d, { colour: paint })).join('\n\n')}\n\n${colour.red(`✗ ${o.report}: nothing written`)}\n`);
      } else if (options.quiet !== true) io.stdout(`${[...lines, summary(o, options.dryRun === true)].join('\n')}\n`);
    }
  }
  return Math.max(EXIT.ok, ...outcomes.map((o) => o.exit));
}

function jsonDiagnostic(d: Diagnostic) {
  return { code: d.code, severity: d.severity, file: d.file ?? null, path: d.path, line: d.line ?? null, column: d.column ?? null, message: d.message, expected: d.expected ?? null, found: d.found ?? null, hint: d.hint ?? null };
}

/** Adds `import` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('fill tables of a report from workbooks (XLSX) or CSV files; without --from, every table under imports: in kommunrapport.config.yaml')
    .argument('[report]', 'the report to fill (default: rapport.yaml, or each mapping\'s report:)')
    .option('--from <workbook>', 'an XLSX workbook or CSV file (semicolon or comma, UTF-8 or Windows-1252)')
    .option('--table <id>', 'the id of the table in the report to fill (with --from)')
    .option('--sheet <name>', 'the sheet of the workbook (default: the first)')
    .option('--range <A1:F20>', 'the table\'s cells: header row first, row labels in the first column')
    .option('--anchor <text>', 'the text of the table\'s top-left header cell, e.g. Avdelning (default: the first filled cell)')
    .option('--unit <unit>', 'the unit of the figures when no header names one: kr, tkr, mnkr, percent')
    .option('--sign <convention>', `${SIGNS.join(', ')} (costs-positive: the sheet writes costs as positive figures)`)
    .option('--keep-missing-rows', 'keep rows of the table that the sheet does not have (default: removed, except sum rows)')
    .option('--config <file>', 'the config file with imports: (default: kommunrapport.config.yaml next to the report)')
    .option('--dry-run', 'print what would change and write nothing')
    .option('--json', 'print the changes and findings as JSON')
    .option('-q, --quiet', 'print only problems, not the changes')
    .option('-v, --verbose', 'also print what was read (the config file, each workbook\'s sheet and table) and the file written')
    .addHelpText(
      'after',
      '\nFigures are read the Swedish way: "1 234,5", "−12,3", "(1 234)" is negative, "12 %"; an empty cell or – is no value.\nA header may name its unit ("Utfall (tkr)"); figures are converted to the table\'s unit.\nThe result is validated like a typed report: nothing is written when it has errors.\n\nExit codes: 0 imported (or nothing to change), 1 errors in a workbook or the resulting report, 2 usage or I/O problem.',
    )
    .action(async (report: string | undefined, options: ImportOptions) => {
      ctx.exit(await runImportCommand(report, options, ctx));
    });
}
