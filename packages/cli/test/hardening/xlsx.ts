// Writes XLSX workbooks of any size without a spreadsheet library (which would itself need
// gigabytes for the sizes tested): the few XML parts Excel and exceljs need, each deflated,
// zipped with fflate. Used to make sheets with millions of cells.
import { zipSync } from 'fflate';

/** One sheet: its name and its XML rows, or a function writing the rows' XML in pieces. */
export interface SheetSpec {
  name: string;
  /** The `<sheetData>` content, as pieces (joined in order). */
  rows: Iterable<string>;
  /** A `<dimension ref="…"/>` to declare (as Excel writes it; it may lie). */
  dimension?: string;
}

/** `n` rows of `columns` numeric cells each, as `<row>` XML pieces (one piece per row). */
export function* numericRows(rows: number, columns: number): Generator<string> {
  const letters = Array.from({ length: columns }, (_, c) => columnName(c));
  for (let r = 1; r <= rows; r++) {
    let xml = `<row r="${r}">`;
    for (let c = 0; c < columns; c++) xml += `<c r="${letters[c]}${r}"><v>${(r * 7 + c) % 1000}</v></c>`;
    yield `${xml}</row>`;
  }
}

function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** An XLSX workbook of the given sheets, with shared strings when `strings` are given. */
export function xlsx(sheets: SheetSpec[], strings: string[] = []): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: Record<string, Buffer> = {
    '[Content_Types].xml': Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${strings.length > 0 ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${strings.length > 0 ? `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    const pieces = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${rel}">${s.dimension ? `<dimension ref="${s.dimension}"/>` : ''}<sheetData>`];
    for (const piece of s.rows) pieces.push(piece);
    pieces.push('</sheetData></worksheet>');
    parts[`xl/worksheets/sheet${i + 1}.xml`] = Buffer.from(pieces.join(''));
  });
  if (strings.length > 0) parts['xl/sharedStrings.xml'] = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${escape(t)}</t></si>`).join('')}</sst>`);
  return Buffer.from(zipSync(parts, { level: 6 }));
}
