// Diagnostics: problems in a report's content, each with a permanent code, a severity and
// a place (file, line, column, path). One catalogue names every code with its title, what
// it means and how to fix it; the READMEs list it and formatDiagnostic prints it.

/** How serious a finding is: an error stops publishing, a warning does under --strict, info never does. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about a report, with where it is, what was expected, what was found and a hint. */
export interface Diagnostic {
  /** Permanent kebab-case code from {@link DIAGNOSTIC_CODES}. */
  code: string;
  severity: Severity;
  /** Path in the report, e.g. `sections[5].areas[2].commitments[1].status`; empty for the whole file. */
  path: string;
  message: string;
  file?: string;
  /** 1-based line in the source file. */
  line?: number;
  /** 1-based column in the source file. */
  column?: number;
  expected?: string;
  found?: string;
  hint?: string;
}

/** One entry of the catalogue of diagnostic codes. */
export interface DiagnosticInfo {
  /** Short title of the problem. */
  title: string;
  /** The severity a finding with this code has unless a rule says otherwise. */
  severity: Severity;
  /** What the code means. */
  meaning: string;
  /** How to fix it. */
  fix: string;
}

/** The catalogue of diagnostic codes. Names are permanent: add codes, never rename them. */
export const DIAGNOSTIC_CODES = {
  'file-unreadable': {
    title: 'File cannot be read',
    severity: 'error',
    meaning: 'The file does not exist, is a folder, or cannot be read; the command exits with code 2.',
    fix: 'Check the path (relative to the current folder) and the file permissions.',
  },
  'input-too-large': {
    title: 'File too large',
    severity: 'error',
    meaning: 'The file is larger than a report may be (10 MB), so it is not read at all; reading it could exhaust memory.',
    fix: 'Check that the file is the report and not an export or a data dump; a whole report is well under 1 MB.',
  },
  'file-encoding': {
    title: 'File not in UTF-8',
    severity: 'error',
    meaning: 'The file is written in another encoding (UTF-16, Latin-1, Windows-1252 …); letters such as å, ä and ö would be lost.',
    fix: 'Save the file again with the encoding UTF-8 (in most editors: Save as → Encoding → UTF-8).',
  },
  'nesting-too-deep': {
    title: 'Nesting too deep',
    severity: 'error',
    meaning: 'Mappings and lists are nested more than 64 levels deep; a report needs about 15, and deeper input could exhaust the stack.',
    fix: 'Look for unclosed [ or { brackets, or indentation that keeps growing, at the line given.',
  },
  'too-many-values': {
    title: 'Too many values',
    severity: 'error',
    meaning: 'The file holds more than 50 000 keys and values (scalars and aliases); a report holds a few thousand, and reading more could exhaust memory.',
    fix: 'Check that the file is the report and not an export or a data dump; publish large data sets as open data beside the report.',
  },
  'yaml-syntax': {
    title: 'YAML syntax error',
    severity: 'error',
    meaning: 'The file is not valid YAML, so nothing after the error can be read.',
    fix: 'Look at the line and column given: an unclosed quote or bracket, a missing colon or a wrong indentation is the usual cause.',
  },
  'yaml-tab-indent': {
    title: 'Tab used for indentation',
    severity: 'error',
    meaning: 'YAML does not allow tab characters as indentation.',
    fix: 'Replace the tabs at the start of the line with spaces (two per level).',
  },
  'yaml-duplicate-key': {
    title: 'Key written twice',
    severity: 'error',
    meaning: 'The same key appears twice in one mapping; one of the values would be lost silently.',
    fix: 'Remove or rename one of the two keys.',
  },
  'yaml-alias-limit': {
    title: 'Too many YAML aliases',
    severity: 'error',
    meaning: 'The file uses so many aliases (*name) that expanding them would take unbounded memory (a "billion laughs" document).',
    fix: 'Write the values out instead of nesting aliases of aliases.',
  },
  'empty-file': {
    title: 'Empty file',
    severity: 'error',
    meaning: 'The file holds no YAML document, or only comments.',
    fix: 'Start from `kommunrapport init` or from an example report.',
  },
  'unknown-key': {
    title: 'Unknown key',
    severity: 'error',
    meaning: 'The key is not part of the model at this place; it is often a misspelling, and its value would be ignored.',
    fix: 'Use the suggested key, or remove the key. The JSON Schema lists every key an object may have.',
  },
  'invalid-type': {
    title: 'Wrong type of value',
    severity: 'error',
    meaning: 'The value has the wrong type, e.g. text where a number or a list is expected.',
    fix: 'Write a value of the expected type; quote text that YAML would read as a number, and do not quote numbers.',
  },
  'missing-field': {
    title: 'Required key missing',
    severity: 'error',
    meaning: 'An object lacks a key the model requires.',
    fix: 'Add the key with a value of the expected type.',
  },
  'invalid-value': {
    title: 'Value not allowed',
    severity: 'error',
    meaning: 'The value has the right type but is not one of the allowed values or does not have the required form (an id, a date, a kommunkod …).',
    fix: 'Write one of the values listed as expected.',
  },
  'control-character': {
    title: 'Invisible control character',
    severity: 'error',
    meaning: 'A text or key holds an invisible control character (U+0000–U+001F except tab and line ends, U+007F–U+009F, a noncharacter or a lone surrogate); it shows as nothing and makes the HTML and XML output invalid.',
    fix: 'Remove the character at the place given; it usually comes from copying text out of another program.',
  },
  'unknown-scale-key': {
    title: 'Not a step of the scale',
    severity: 'error',
    meaning: 'An assessment, trend, status or completion names a step that the report’s governance vocabulary does not define.',
    fix: 'Use one of the keys of that scale, or add the step to the governance vocabulary. Write null when the source does not state it.',
  },
  'duplicate-id': {
    title: 'Id used twice',
    severity: 'error',
    meaning: 'Two things of the same kind share an id; ids give stable anchors and open-data keys and must be unique.',
    fix: 'Give one of them another id.',
  },
  'unresolved-reference': {
    title: 'Reference does not resolve',
    severity: 'error',
    meaning: 'An abbreviation, row id, column key or table reference names something that does not exist in the report.',
    fix: 'Correct the spelling, or add the organisation, row, column or table it refers to.',
  },
  'sum-mismatch': {
    title: 'Sum does not add up',
    severity: 'error',
    meaning: 'A total or subtotal row differs from the sum of the rows it sums by more than rounding allows.',
    fix: 'Check the figures against the source; correct the total, a part, or the list of rows in sumOf.',
  },
  'difference-mismatch': {
    title: 'Difference does not add up',
    severity: 'error',
    meaning: 'A column declared as the difference of two columns (differenceOf) does not equal their difference within rounding.',
    fix: 'Check the figures against the source, or the order of the columns in differenceOf (a − b).',
  },
  'gender-sum-mismatch': {
    title: 'Women and men do not add up to the total',
    severity: 'error',
    meaning: 'For a count (headcount or an indicator counted in persons), women plus men must equal the total.',
    fix: 'Check the three figures against the source.',
  },
  'deviation-sum-mismatch': {
    title: 'Explanations do not add up to the deviation',
    severity: 'error',
    meaning: 'The amounts of the items explaining a deviation differ from the deviation by more than rounding allows.',
    fix: 'Check the amounts against the source; an item may be missing or have the wrong sign.',
  },
  'percent-out-of-range': {
    title: 'Percentage out of range',
    severity: 'error',
    meaning: 'A share in percent is negative or above 100.',
    fix: 'Write the percentage as a number from 0 to 100 (e.g. 8.2 for 8,2 %).',
  },
  'year-outside-period': {
    title: 'Year after the report period',
    severity: 'warning',
    meaning: 'An outcome or a table column is for a year after the year of the report period; outcomes cannot be known yet.',
    fix: 'Check the year; targets for later years are allowed, outcomes are not.',
  },
  'date-outside-period': {
    title: 'Date outside the period',
    severity: 'warning',
    meaning: 'The period starts after it ends, or its dates are not in the period year.',
    fix: 'Check period.start, period.end and period.year.',
  },
  'unit-slip': {
    title: 'Same figure in another unit scale',
    severity: 'error',
    meaning: 'Two places state the same figure, but converted to kronor they differ by a factor of about 1 000 or 1 000 000: a unit (kr, tkr, mnkr) is wrong.',
    fix: 'Check the unit of both tables against the source.',
  },
  'figure-mismatch': {
    title: 'Same figure stated differently',
    severity: 'warning',
    meaning: 'Two places state the same figure (sameAs), but their values differ by more than rounding.',
    fix: 'Check both figures against the source.',
  },
  'missing-value-reason': {
    title: 'Value without figure or reason',
    severity: 'error',
    meaning: 'An indicator value has neither a total nor a reason why it is missing.',
    fix: 'Give `total`, or `missing` with the reason (e.g. "Mätning senare under 2022").',
  },
  'value-and-missing': {
    title: 'Value with a figure and a missing reason',
    severity: 'warning',
    meaning: 'An indicator value has both a total and a reason why it is missing.',
    fix: 'Remove `missing` when the figure is known, or `total` when it is not.',
  },
  'formula-mismatch': {
    title: 'Formula does not add up',
    severity: 'error',
    meaning: 'A row declared as a formula over other rows with signs (formula: "a + b - c") differs from what the formula gives by more than rounding allows.',
    fix: 'Check the figures and the signs of the formula against the source.',
  },
  'formula-invalid': {
    title: 'Formula cannot be read',
    severity: 'error',
    meaning: 'A row\'s formula is not row ids joined by + and −, or the row has both sumOf and formula.',
    fix: 'Write e.g. formula: "kommunbidrag + intakter + kostnader - disposition", with row ids of the same table.',
  },
  'sign-contradicts-kind': {
    title: 'Sign contradicts the kind of row',
    severity: 'error',
    meaning: 'An income written negative or a cost written positive in a statement whose convention is signed (costs negative, income positive), or a negative amount where every amount is written positive.',
    fix: 'Correct the sign, or state the table\'s signConvention (signed or positive).',
  },
  'heading-with-values': {
    title: 'Heading row with values',
    severity: 'error',
    meaning: 'A row of kind heading names a group of rows and has no figures of its own.',
    fix: 'Remove the values, or give the row another kind.',
  },
  'balance-sheet-unbalanced': {
    title: 'Balansräkning does not balance',
    severity: 'error',
    meaning: 'Summa tillgångar differs from eget kapital, avsättningar och skulder by more than rounding allows.',
    fix: 'Check each post of both sides against the ledger.',
  },
  'result-mismatch': {
    title: 'Årets resultat differs between statements',
    severity: 'error',
    meaning: 'Årets resultat in the resultaträkning, in the balansräkning\'s eget kapital and in the balanskravsutredning must be the same figure for the same entity and period.',
    fix: 'Find the statement that has it wrong and correct it.',
  },
  'cash-flow-mismatch': {
    title: 'Kassaflödesanalys ends at other likvida medel',
    severity: 'error',
    meaning: 'Likvida medel at the end of the period in the kassaflödesanalys differs from likvida medel in the balansräkning for the same entity and date.',
    fix: 'Check the flows and likvida medel at the start of the period.',
  },
  'statement-figure-mismatch': {
    title: 'Figure differs from the statements',
    severity: 'error',
    meaning: 'A figure that names a cell of a financial statement (sameAs) differs from it by more than rounding: the förvaltningsberättelse must state what the statements state.',
    fix: 'Check the figure against the statement it names.',
  },
} as const satisfies Record<string, DiagnosticInfo>;

/** A code of the catalogue. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Options of {@link formatDiagnostic}. */
export interface FormatOptions {
  /** Colour function for the severity word, e.g. from picocolors; default none. */
  colour?: (severity: Severity, text: string) => string;
}

/** The place of a diagnostic: `file:line:column`, as much of it as is known. */
export function formatPlace(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  const file = d.file ?? '<input>';
  if (d.line === undefined) return file;
  return d.column === undefined ? `${file}:${d.line}` : `${file}:${d.line}:${d.column}`;
}

/**
 * One diagnostic as a block of lines for people: `file:line:column  error  code  path`,
 * then the message, what was expected and found, and the hint, each indented.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const colour = options.colour ?? ((_s: Severity, text: string) => text);
  const head = [formatPlace(d), colour(d.severity, d.severity), d.code, d.path].filter((s) => s !== '').join('  ');
  const lines = [head, `  ${d.message}`];
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.found !== undefined) lines.push(`  found:    ${d.found}`);
  if (d.hint !== undefined) lines.push(`  hint:     ${d.hint}`);
  return lines.join('\n');
}

/** Options of {@link hasErrors}. */
export interface HasErrorsOptions {
  /** Count warnings as errors. */
  strict?: boolean;
}

/** Whether the diagnostics hold an error (or, with `strict`, a warning). */
export function hasErrors(diagnostics: readonly Diagnostic[], options: HasErrorsOptions = {}): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'));
}

/** Counts of diagnostics per severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Renders a value briefly for a "found" line: strings quoted, objects by their keys, long text cut. */
export function renderValue(value: unknown, max = 60): string {
  let s: string;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else if (Array.isArray(value)) s = `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  else if (typeof value === 'object') {
    const keys = Object.keys(value);
    s = keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  } else s = String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Formats a path of keys and indexes as `a.b[3].c`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
