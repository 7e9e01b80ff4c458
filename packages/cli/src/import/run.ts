// One import run: every mapping of a report applied in turn to its text, the result decoded
// and checked like a typed report, and written (atomically) only when it has no errors.
import { rename, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { decodeSource, formatPath, hasErrors, LIMITS, loadReport, parseYaml, type Diagnostic, type ParsedSource, type Position } from '@kommunrapport/model';
import { readInputFile } from '@kommunrapport/core';
import { applySheetTable, type Change } from './apply.js';
import { locateTable } from './locate.js';
import type { ImportMapping } from './mapping.js';
import { readGrid } from './sheet.js';

/** One report's import: its file, the mappings (paths already absolute) and how to show paths. */
export interface ImportJob {
  report: string;
  mappings: ImportMapping[];
}

/** What importing into one report did. */
export interface ImportOutcome {
  report: string;
  changes: Change[];
  diagnostics: Diagnostic[];
  /** Whether the report file was written. */
  written: boolean;
  /** 0 ok, 1 errors in the workbook or the resulting report, 2 a file could not be read or written. */
  exit: 0 | 1 | 2;
}

/** Reads a UTF-8 text file with the report's size limit; a diagnostic instead of a throw. */
export async function readText(file: string, shown: string): Promise<{ text?: string; diagnostics: Diagnostic[]; io: boolean }> {
  // Only a regular file is read, never more than the size limit (a FIFO or a device is refused).
  const input = await readInputFile(file, { display: shown });
  if (input.diagnostic) {
    const d = input.diagnostic;
    const io = d.code !== 'input-too-large';
    return { diagnostics: [d.code === 'file-unreadable' ? { ...d, hint: 'Check the path (relative to the current folder, or to kommunrapport.config.yaml for its entries).' } : d], io };
  }
  const decoded = decodeSource(input.bytes, shown);
  return decoded.text === undefined ? { diagnostics: decoded.diagnostics, io: false } : { text: decoded.text, diagnostics: [], io: false };
}

/** Writes a file through a temporary file and a rename, so a reader never sees half of it. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.kommunrapport-${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/**
 * Findings of the report as a command would write it (`edited`), placed in the file as it is
 * on disk (`original`): a line above every change keeps its number, one below them is moved
 * by the lines added or removed, and its path names each list item as the file has it (a row
 * after one the command adds is `rows[7]` on disk, `rows[8]` in the text it would write); one
 * among the changed lines (which the file does not have yet) loses its line and column and
 * keeps its path, with a note saying so.
 */
export function placeInOriginal(original: string, edited: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const a = original.split('\n');
  const b = edited.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  /** A line of the edited text in the original, undefined among the changed lines. */
  const lineInOriginal = (line: number) => (line <= prefix ? line : line > b.length - suffix ? line - b.length + a.length : undefined);
  let parsed: ParsedSource | undefined;
  return diagnostics.map((d) => {
    if (d.line === undefined) return d;
    const line = lineInOriginal(d.line);
    if (line !== undefined) {
      const path = d.line <= prefix ? undefined : pathInOriginal(d.path, (parsed ??= parseYaml(original)), { line, column: d.column ?? 1 });
      return { ...d, line, ...(path !== undefined ? { path } : {}) };
    }
    const { line: _line, column: _column, ...rest } = d;
    return { ...rest, message: `${d.message} (In the lines the command would change; ${d.path || 'the place'} as it would be written.)` };
  });
}

/** The segments of a path written as `a.b[3]["c d"]`, or undefined when it is not one. */
function parsePath(path: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < path.length && (m = re.exec(path)) !== null) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  return re.lastIndex === path.length ? out : undefined;
}

/**
 * A finding's path as the original text has it, from the finding's place in it (`at`, outside
 * the changed lines): each list index is that of the last item starting at or before that
 * place, the item holding it. Undefined when the path cannot be read or does not fit the original.
 */
function pathInOriginal(path: string, original: ParsedSource, at: Position): string | undefined {
  const segments = parsePath(path);
  if (segments === undefined || !segments.some((s) => typeof s === 'number')) return undefined;
  const before = (p: Position | undefined) => p !== undefined && (p.line < at.line || (p.line === at.line && p.column <= at.column));
  const out: (string | number)[] = [];
  let node: unknown = original.value;
  for (const s of segments) {
    if (typeof s === 'string') {
      out.push(s);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[s] : undefined;
      continue;
    }
    if (!Array.isArray(node)) return undefined;
    let index = -1;
    for (let i = 0; i < node.length && before(original.locate([...out, i])); i++) index = i;
    if (index === -1) return undefined;
    out.push(index);
    node = node[index];
  }
  return formatPath(out);
}

/** A path as shown to the user: relative to the current folder, with forward slashes. */
export function showPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/** Runs the mappings of one report; `dryRun` computes everything but writes nothing. */
export async function runImport(job: ImportJob, options: { cwd: string; dryRun?: boolean; /** Told what was read and written (for --verbose). */ log?: (text: string) => void }): Promise<ImportOutcome> {
  const log = options.log ?? (() => {});
  const shown = showPath(options.cwd, job.report);
  const read = await readText(job.report, shown);
  if (read.text === undefined) return { report: shown, changes: [], diagnostics: read.diagnostics, written: false, exit: read.io ? 2 : 1 };
  let text = read.text;
  const changes: Change[] = [];
  const diagnostics: Diagnostic[] = [];
  let exit: 0 | 1 | 2 = 0;
  for (const m of job.mappings) {
    const workbookShown = showPath(options.cwd, m.workbook);
    const grid = await readGrid(m.workbook, workbookShown, m.sheet);
    if (!grid.grid) {
      diagnostics.push(...grid.diagnostics);
      exit = Math.max(exit, grid.diagnostics.some((d) => d.code === 'file-unreadable' || d.code === 'not-a-file') ? 2 : 1) as 0 | 1 | 2;
      continue;
    }
    const located = locateTable(grid.grid, { ...(m.range ? { range: m.range } : {}), ...(m.anchor ? { anchor: m.anchor } : {}) }, workbookShown);
    if (!located.table || located.diagnostics.length > 0) {
      diagnostics.push(...located.diagnostics);
      exit = Math.max(exit, 1) as 0 | 1 | 2;
      continue;
    }
    // Each row takes at least its id, its label and its values (a key and a value each) in the
    // report, which holds at most LIMITS.maxValues keys and values: a table that cannot fit is
    // refused before it is applied (110 000 rows ran over 400 s before the report was refused).
    const { rows, columns } = located.table;
    log(`read ${workbookShown}, sheet ${grid.grid.sheet}: ${rows.length} row${rows.length === 1 ? '' : 's'} × ${columns.length} column${columns.length === 1 ? '' : 's'} for table ${m.table}`);
    const values = rows.length * (5 + 2 * columns.length);
    if (values > LIMITS.maxValues) {
      diagnostics.push({
        code: 'input-too-large',
        severity: 'error',
        path: '',
        file: workbookShown,
        message: `The table at ${rows[0]!.ref}–${rows[rows.length - 1]!.ref} has ${rows.length} rows of ${columns.length} column${columns.length === 1 ? '' : 's'}, at least ${values} keys and values in the report; a report holds at most ${LIMITS.maxValues} in all, so it was not imported.`,
        expected: `a table of at most ${LIMITS.maxValues} keys and values`,
        found: `${rows.length} rows of ${columns.length} column${columns.length === 1 ? '' : 's'}`,
        hint: 'Give the table\'s cells only (--range, or range: in the config), or publish data this large as open data beside the report; a report\'s table has tens of rows.',
      });
      exit = Math.max(exit, 1) as 0 | 1 | 2;
      continue;
    }
    const applied = applySheetTable(text, shown, m.table, located.table, {
      ...(m.unit ? { unit: m.unit } : {}),
      ...(m.sign ? { sign: m.sign } : {}),
      ...(m.columns ? { columns: m.columns } : {}),
      ...(m.keepMissingRows ? { keepMissingRows: true } : {}),
    });
    if (applied.diagnostics.length > 0) {
      // A cell's problem is in the workbook; a missing table is in the report.
      diagnostics.push(...applied.diagnostics.map((d) => (d.code.startsWith('import-') && d.code !== 'import-table-missing' && d.code !== 'import-table-empty' ? { ...d, file: workbookShown } : d)));
      exit = Math.max(exit, 1) as 0 | 1 | 2;
      continue;
    }
    text = applied.text;
    changes.push(...applied.changes);
  }
  if (exit !== 0) return { report: shown, changes, diagnostics, written: false, exit };
  // The same validation as a typed report: nothing is written when the result has errors.
  const loaded = loadReport(text, shown);
  const errors = placeInOriginal(read.text, text, loaded.diagnostics.filter((d) => d.severity === 'error'));
  if (hasErrors(loaded.diagnostics)) return { report: shown, changes, diagnostics: errors, written: false, exit: 1 };
  if (options.dryRun || text === read.text) return { report: shown, changes, diagnostics: [], written: false, exit: 0 };
  try {
    await writeAtomic(job.report, text);
    log(`wrote ${shown}`);
  } catch (e) {
    return {
      report: shown,
      changes,
      diagnostics: [{ code: 'file-unwritable', severity: 'error', path: '', file: shown, message: `Cannot write ${shown}: ${(e as Error).message}.`, hint: 'Check that the folder is writable.' }],
      written: false,
      exit: 2,
    };
  }
  return { report: shown, changes, diagnostics: [], written: true, exit: 0 };
}

/** Resolves a mapping's paths against the folder of the config file. */
export function resolveMapping(m: ImportMapping, dir: string): ImportMapping {
  return { ...m, workbook: resolve(dir, m.workbook), ...(m.report ? { report: resolve(dir, m.report) } : {}) };
}


