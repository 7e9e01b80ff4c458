// Reading a table out of a workbook (XLSX through exceljs) or a CSV file as Swedish Excel
// writes it (semicolon or comma, Windows-1252 or UTF-8 with or without BOM), into a grid of
// cells that each know their address (`Driftredovisning!D14`), so every error can name it.
import { readInputFile } from '@kommunrapport/core';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Diagnostic } from '@kommunrapport/model';
import { countWorkbookCells, zipUnpackedSize } from './zip.js';

export { zipUnpackedSize } from './zip.js';

/** One cell: its text as shown, or its number, or the error a formula left in it. */
export interface GridCell {
  /** `A1`-style address in its sheet. */
  address: string;
  text: string;
  /** The number an XLSX cell holds (undefined for text cells and CSV). */
  number?: number;
  /** Whether the cell's number format shows the number as a percentage (0,12 shown as 12 %). */
  percentFormat?: boolean;
  /** An error value (#DIV/0!, #REF!) or a formula without a stored result. */
  error?: string;
  /** The merged range the cell belongs to (`C2:C8`): XLSX repeats the first cell's value in every cell of it. */
  merged?: string;
}

/** A sheet as rows of cells (0-based, ragged). */
export interface Grid {
  /** The sheet name, or for a CSV file its file name. */
  sheet: string;
  rows: GridCell[][];
}

/** Largest workbook or CSV read (bytes). A 2 000-row workbook is about 100 kB. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/**
 * Largest a workbook may unpack to (bytes, the sum of its parts as its zip directory
 * declares them). A 2 000-row workbook unpacks to about 1 MB; a zip bomb of 600 kB that
 * unpacks to 600 MB took about 780 MB of memory before exceljs gave up.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 200 * 1024 * 1024;

/** The column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The 0-based row and column of an `A1` address, or undefined. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `Sheet!D14`, quoting a sheet name with spaces as spreadsheets do. */
export function cellRef(sheet: string, address: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(sheet) ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Decodes a CSV file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Swedish Excel's "CSV (semikolonavgränsad)" writes Windows-1252: å ä ö are single bytes.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters at 0x80–0x9F (Node's TextDecoder reads these bytes as Latin-1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252: Latin-1 except 0x80–0x9F, where the en dash (0x96) and € (0x80) live. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** The delimiter of a CSV text: the most frequent of ; , and tab on its first line outside quotes (ties go to ;). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ';';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Parses CSV text (RFC 4180 quoting, CRLF or LF) into rows of fields. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Most cells a sheet may have. A 2 000-row table of ten columns is 20 000; a 40 MB CSV of
 * empty lines is 40 million, and made into cells it ran the command out of memory (a V8
 * crash after 50 s), 20 MB of semicolons on one line took 2 GB.
 */
export const MAX_SHEET_CELLS = 1_000_000;

/** How many fields a CSV text has, counted as {@link parseCsv} splits them, without making them. */
export function csvCellCount(text: string, delimiter = detectDelimiter(text)): number {
  // parseCsv's walk, keeping only whether the field has text and the row has fields.
  let cells = 0;
  let filled = false;
  let fields = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') filled = true;
      else if (text[i + 1] === '"') {
        filled = true;
        i++;
      } else quoted = false;
    } else if (ch === '"' && !filled) quoted = true;
    else if (ch === delimiter) {
      cells++;
      filled = false;
      fields = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells++;
      filled = false;
      fields = false;
    } else filled = true;
  }
  return cells + (filled || fields ? 1 : 0);
}

/** A CSV text as a grid named after its file. */
export function csvGrid(text: string, sheet: string): Grid {
  return { sheet, rows: parseCsv(text).map((fields, r) => fields.map((f, c) => ({ address: `${columnLetters(c)}${r + 1}`, text: f.trim() }))) };
}

/** Whether a file is read as CSV (by its extension). */
export function isCsv(file: string): boolean {
  return ['.csv', '.txt', '.tsv'].includes(extname(file).toLowerCase());
}

/** What reading a workbook gave: the grid, or diagnostics naming the file and sheet. */
export type ReadResult = { grid: Grid; diagnostics: Diagnostic[] } | { grid?: undefined; diagnostics: Diagnostic[] };

/** What a file that does not open as a workbook is, from its first bytes. */
function describeNonWorkbook(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'an Excel 97–2003 workbook (.xls), which is not read';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'a zip archive that is damaged or holds no workbook (cut short, or another kind of file)';
  const head = bytes.subarray(0, 512);
  if (head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20)) return 'a text file (a CSV export named .xlsx?)';
  return 'a file of another kind';
}

function workbookProblem(file: string, code: string, message: string, hint: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', path: '', file, message, hint, ...extra };
}

/** Reads one sheet (XLSX) or the whole file (CSV) as a grid; never throws for bad input. */
export async function readGrid(file: string, shown: string, sheetName?: string): Promise<ReadResult> {
  // Only a regular file is read, never more than a workbook may be (a FIFO or a device is refused).
  const input = await readInputFile(file, { display: shown, maxBytes: MAX_WORKBOOK_BYTES });
  if (input.diagnostic) {
    const d = input.diagnostic;
    if (d.code === 'input-too-large') return { diagnostics: [workbookProblem(shown, 'input-too-large', `${shown} is more than the ${MAX_WORKBOOK_BYTES} bytes a workbook may be.`, 'Export only the sheet with the table.')] };
    return { diagnostics: [d.code === 'file-unreadable' ? { ...d, hint: 'Check the path; paths in kommunrapport.config.yaml are relative to that file.' } : d] };
  }
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  if (isCsv(file)) {
    // A CSV file is one sheet: a sheet named for it is a mistake (the workbook meant, or a leftover), not ignored.
    if (sheetName !== undefined) {
      return {
        diagnostics: [
          workbookProblem(shown, 'import-sheet-missing', `${shown} is a CSV file, which has no sheets; the sheet ${JSON.stringify(sheetName)} cannot be chosen in it.`, 'Leave out --sheet (or sheet: in the config) for a CSV file, or name the XLSX workbook that has the sheet.', {
            expected: 'no sheet for a CSV file',
            found: JSON.stringify(sheetName),
          }),
        ],
      };
    }
    const { text } = decodeCsv(bytes);
    const cells = csvCellCount(text);
    if (cells > MAX_SHEET_CELLS) {
      return {
        diagnostics: [
          workbookProblem(shown, 'input-too-large', `${shown} has ${cells} cells, more than the ${MAX_SHEET_CELLS} a sheet may; it was not read.`, 'Export only the table (its header row, its rows and columns), not the whole sheet with its empty rows and columns.', {
            expected: `at most ${MAX_SHEET_CELLS} cells`,
            found: `${cells} cells`,
          }),
        ],
      };
    }
    return { grid: csvGrid(text, basename(file)), diagnostics: [] };
  }
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked !== undefined && unpacked > MAX_WORKBOOK_UNPACKED_BYTES) {
    return {
      diagnostics: [
        workbookProblem(shown, 'input-too-large', `${shown} unpacks to ${Number.isFinite(unpacked) ? `${Math.ceil(unpacked / 1024 / 1024)} MB` : 'more than 4 GB'}, more than the ${MAX_WORKBOOK_UNPACKED_BYTES / 1024 / 1024} MB a workbook may; it was not opened.`, 'Export only the sheet with the table (as a new workbook or as CSV); a workbook this size is damaged or not a spreadsheet.', {
          expected: `a workbook that unpacks to at most ${MAX_WORKBOOK_UNPACKED_BYTES / 1024 / 1024} MB`,
          found: Number.isFinite(unpacked) ? `${unpacked} bytes unpacked` : 'a ZIP64 size',
        }),
      ],
    };
  }
  // Cells counted before the workbook is opened: exceljs makes an object of every cell of
  // every sheet (over 2 GB, still loading after 11 minutes, for 3.3 million), so a workbook with more than a sheet may have is refused.
  const counts = await countWorkbookCells(bytes);
  const cells = counts ? counts.sheets.reduce((n, s) => n + s.cells, 0) : 0;
  if (counts && (cells > MAX_SHEET_CELLS || counts.strings > MAX_SHEET_CELLS)) {
    const largest = [...counts.sheets].sort((a, b) => b.cells - a.cells)[0]!;
    const sheet = largest.name !== undefined ? `sheet ${JSON.stringify(largest.name)}` : largest.part;
    const texts = cells <= MAX_SHEET_CELLS;
    const message = texts
      ? `${shown} holds ${counts.strings} different texts; a workbook read for a report may hold at most ${MAX_SHEET_CELLS}, so it was not opened.`
      : `${shown} holds ${cells} cells${counts.sheets.length > 1 ? ` in ${counts.sheets.length} sheets, ${largest.cells} of them in ${sheet}` : ` in ${sheet}`}; a workbook read for a report may hold at most ${MAX_SHEET_CELLS} cells, so it was not opened.`;
    return {
      diagnostics: [
        workbookProblem(shown, 'input-too-large', message, `Save the table (its header row, its rows and columns) as a workbook or CSV file of its own, or split the data into files of at most ${MAX_SHEET_CELLS} cells, one per table; a report's table is a few thousand cells.`, {
          expected: `at most ${MAX_SHEET_CELLS} ${texts ? 'texts' : 'cells'}`,
          found: texts ? `${counts.strings} texts` : `${cells} cells`,
        }),
      ],
    };
  }
  // Loaded only when a workbook is read: the other commands start without it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    // What the file is, from its first bytes: the library's own message (about zip archives,
    // with a link to its docs) does not tell an author what to do.
    const found = describeNonWorkbook(bytes);
    return {
      diagnostics: [
        workbookProblem(shown, 'import-workbook-unreadable', `${shown} is not a readable XLSX workbook: ${found}.`, found.startsWith('an Excel 97') ? 'Open it in Excel or LibreOffice and save it as "Excel-arbetsbok (.xlsx)", or export the sheet as CSV.' : found.startsWith('a text file') ? 'Give the file a .csv name if it is a CSV export, or save the workbook from Excel or LibreOffice as "Excel-arbetsbok (.xlsx)".' : 'Save it from Excel or LibreOffice as "Excel-arbetsbok (.xlsx)", or export the sheet as CSV.', {
          expected: 'an XLSX workbook (a zip archive, as Excel and LibreOffice save .xlsx)',
          found,
        }),
      ],
    };
  }
  const names = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    return {
      diagnostics: [
        workbookProblem(shown, 'import-sheet-missing', `${shown} has no sheet named ${JSON.stringify(sheetName)}.`, 'Name one of the workbook\'s sheets.', {
          expected: names.length > 0 ? names.map((n) => JSON.stringify(n)).join(', ') : 'a workbook with a sheet',
          found: sheetName === undefined ? 'no sheet' : JSON.stringify(sheetName),
        }),
      ],
    };
  }
  // Merged ranges by their first cell; exceljs gives every cell of one the first cell's value.
  const merges = new Map(((sheet.model as { merges?: string[] }).merges ?? []).map((range) => [range.split(':')[0]!, range] as const));
  const rows: GridCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const read = xlsxCell(cell);
      const merged = cell.isMerged ? merges.get(cell.master.address) : undefined;
      cells[colNumber - 1] = merged ? { ...read, merged } : read;
    });
    for (let c = 0; c < cells.length; c++) cells[c] ??= { address: `${columnLetters(c)}${rowNumber}`, text: '' };
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { grid: { sheet: sheet.name, rows }, diagnostics: [] };
}

function xlsxCell(cell: ExcelJS.Cell): GridCell {
  const address = cell.address;
  const percentFormat = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
  const v = cell.value as unknown;
  const fromValue = (value: unknown): GridCell => {
    if (value === null || value === undefined) return { address, text: '' };
    if (typeof value === 'number') return { address, text: String(value), number: value, percentFormat };
    if (typeof value === 'string') return { address, text: value.trim() };
    if (typeof value === 'boolean') return { address, text: String(value) };
    if (value instanceof Date) return { address, text: value.toISOString().slice(0, 10) };
    if (typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if ('error' in o) return { address, text: String(o.error), error: String(o.error) };
      if (Array.isArray(o.richText)) return { address, text: (o.richText as { text: string }[]).map((p) => p.text).join('').trim() };
      if ('formula' in o || 'sharedFormula' in o) {
        if (o.result === undefined) return { address, text: '', error: 'a formula without a stored result' };
        return fromValue(o.result);
      }
      if ('text' in o) return fromValue(o.text);
    }
    return { address, text: String(value) };
  };
  return fromValue(v);
}
