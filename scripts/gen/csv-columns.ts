// The "CSV columns" section of plugins/open-data/README.md, generated from the Table Schemas
// the plugin writes (buildTables on the Eskilstuna example), between the markers
// <!-- csv-columns:start --> and <!-- csv-columns:end -->.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STANDARD_ROWS, loadReport } from '@kommunrapport/model';
import { buildTables } from '../../plugins/open-data/src/index.js';
import { withSection } from './section.js';

const INTRO =
  'Every CSV has a header row; an empty cell is a missing value (`missingValues: [""]`). Numbers use a full stop as decimal sign and no thousands separator; booleans are `true`/`false`. Units are the model\'s unit keys: `percent`, `index`, `count`, `score`, `days`, `kr`, `tkr` (thousand kronor), `mnkr` (million kronor). Gender codes are Kolada\'s: `T` total, `K` women, `M` men. Text columns hold the plain text of rich text: paragraphs separated by a blank line, list items starting with `- `.';

/** The section's text (without the markers). */
export function renderCsvColumns(root: string): string {
  const file = join(root, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
  const { report } = loadReport(readFileSync(file, 'utf8'), file);
  if (!report) throw new Error(`${file} does not load`);
  const lines = ['## CSV columns', '', '<!-- Generated from the Table Schemas by `pnpm gen`; do not edit by hand. -->', '', INTRO];
  for (const t of buildTables(report)) {
    // Codelists name the report's vocabulary; the docs speak of any report.
    const description = t.description.replace(` "${report.governance.name}"`, ' of the report');
    lines.push('', `### ${t.name}.csv`, '', description, '');
    const keys = [`Primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(', ')}.`];
    if (t.foreignKeys && t.foreignKeys.length > 0)
      keys.push(`Foreign keys: ${t.foreignKeys.map((fk) => `${fk.fields.map((f) => `\`${f}\``).join(', ')} → ${fk.referenceFields.map((f) => `\`${fk.resource}.${f}\``).join(', ')}`).join(', ')}.`);
    lines.push(keys.join(' '), '', '| column | type | required | meaning |', '|---|---|---|---|');
    for (const f of t.fields) lines.push(`| \`${f.name}\` | ${f.type} | ${f.required ? 'yes' : ''} | ${f.description.replace(/\|/g, '\\|')}${f.enum ? ` One of: ${f.enum.join(', ')}.` : ''} |`);
  }
  return lines.join('\n');
}

/** The table of standard row keys (statements.csv row_key, codelist_statement_rows.csv), from STANDARD_ROWS. */
export function renderStandardRows(): string {
  const lines = [
    '## Standard row keys of the financial statements',
    '',
    '<!-- Generated from STANDARD_ROWS (packages/model/src/statements.ts) by `pnpm gen`; do not edit by hand. -->',
    '',
    "A row of a statement may name its place in RKR's uppställningsform with `key:`; its label stays the kommun's own. The key goes into `statements.csv` as `row_key`, and every package holds this list as `codelist_statement_rows.csv`, so the same figure can be found in every kommun's open data. The kind decides the sign a signed statement expects (revenue positive, cost negative; see `sign_convention`).",
    '',
    '| key | statement | kind | label in RKR\'s uppställningsform |',
    '|---|---|---|---|',
  ];
  for (const [key, row] of Object.entries(STANDARD_ROWS)) lines.push(`| \`${key}\` | ${row.statement} | ${row.kind} | ${row.label} |`);
  return lines.join('\n');
}

/** The README with the sections replaced. */
export function withCsvColumns(readme: string, root: string): string {
  return withSection(withSection(readme, 'csv-columns', renderCsvColumns(root)), 'standard-rows', renderStandardRows());
}
