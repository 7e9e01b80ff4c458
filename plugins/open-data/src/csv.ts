// Long-format CSV tables with their Table Schema: each table is declared once (fields with
// type, required, description and unit; primary and foreign keys) and written as RFC 4180
// CSV (UTF-8, header row, CRLF, quotes doubled) by csv-stringify; text cells that a
// spreadsheet would run as a formula get a leading apostrophe. The tables of the page as
// shown (writeTableCsv) are written in the same form.
import { stringify } from 'csv-stringify/sync';
import { tableText, type TableModel } from '@kommunrapport/core';

/** Table Schema field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** One column of a CSV table, as described in datapackage.json. */
export interface FieldDef {
  /** Lowercase ASCII column name. */
  name: string;
  type: FieldType;
  /** What the column holds, with its unit where it has one. */
  description: string;
  required?: boolean;
  /** The allowed values, for codes such as gender (T, K, M). */
  enum?: readonly string[];
}

/** A field of a table's schema: name, Table Schema type, description and any further properties. */
export const field = (name: string, type: FieldDef['type'], description: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, type, description, ...extra });

/** The extra properties of a field that every row must fill. */
export const REQUIRED = { required: true } as const;

/** A foreign key: these fields refer to fields of another table (or this one). */
export interface ForeignKeyDef {
  fields: readonly string[];
  resource: string;
  referenceFields: readonly string[];
}

/** A CSV table: name (file name without `.csv`), fields, keys and rows of cell values. */
export interface TableDef {
  name: string;
  title: string;
  description: string;
  fields: readonly FieldDef[];
  primaryKey: readonly string[];
  foreignKeys?: readonly ForeignKeyDef[];
  /** Cell values by column name; null or undefined is an empty cell. */
  rows: Record<string, string | number | boolean | null | undefined>[];
}

/** A cell as text: numbers must be given as decimal strings already (see decimal.ts). */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`csv: non-integer numbers must be written as decimal strings, got ${value}`);
    return String(value);
  }
  return value;
}

/**
 * The characters that make a spreadsheet program (Excel, LibreOffice, Google Sheets) read
 * a cell as a formula: `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV injection").
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A text cell that must be protected: a formula start, possibly after apostrophes (so protection can be undone exactly). */
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;

/**
 * A text cell as it is written: one apostrophe is put before a text that begins with a
 * formula character (or with apostrophes and then one), so a spreadsheet shows it as
 * text and never runs it. Numbers, dates and booleans are never changed. The exact text is
 * in report.json; {@link unprotectCell} undoes this.
 */
export function protectCell(text: string): string {
  return NEEDS_PROTECTION.test(text) ? `'${text}` : text;
}

/** Undoes {@link protectCell}: the text as the report has it. */
export function unprotectCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The form of every CSV: RFC 4180 with CRLF line ends, a final line end, fields with a line break quoted. */
const CSV_FORM = { record_delimiter: '\r\n', quoted_match: /[\r\n]/, eof: true } as const;

/**
 * Writes a table as RFC 4180 CSV: header row, CRLF line ends, fields with comma, quote or
 * line break quoted, text cells protected against formula injection ({@link protectCell}).
 */
export function writeCsv(table: TableDef): string {
  // Plain loops: closures made per call lose their optimised code at each full garbage
  // collection, so a batch recompiled them every few reports.
  const columns: string[] = [];
  const text: boolean[] = [];
  for (const f of table.fields) {
    columns.push(f.name);
    text.push(f.type === 'string');
  }
  const records: string[][] = [columns];
  for (const row of table.rows) {
    const record: string[] = [];
    for (let i = 0; i < columns.length; i++) {
      const value = cell(row[columns[i]!]);
      record.push(text[i] ? protectCell(value) : value);
    }
    records.push(record);
  }
  return stringify(records, CSV_FORM);
}

/**
 * Writes one table of the report as its page shows it (core's `tableText`): the header row
 * as shown, then its rows, every cell text as shown. Same form as {@link writeCsv}; every
 * cell is text, so every cell is protected against formula injection ({@link protectCell}).
 */
export function writeTableCsv(table: TableModel): string {
  const records: string[][] = [];
  for (const row of tableText(table)) records.push(row.map(protectCell));
  return stringify(records, CSV_FORM);
}
