// The Eskilstuna example's figures in the CSVs equal the source: the tables are read from an
// unchanged excerpt of the seed's text extraction (fixtures/eskilstuna-source-excerpt.txt)
// and compared cell by cell, after turning Swedish number forms (3 414; -71,5; 1,7%; +5,9)
// into the CSV's decimal form. Income statement, operating statement, deviation
// explanations and sick leave.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '@kommunrapport/core';
import { ESKILSTUNA, loadFile, render, csv } from './helpers.js';

const source = readFileSync(new URL('./fixtures/eskilstuna-source-excerpt.txt', import.meta.url), 'utf8').split('\n');

/** A Swedish number as written in the source, in the CSV's decimal form: "3 414" → "3414", "-71,5" → "-71.5", "+5,9" → "5.9". */
const decimal = (s: string) => s.replace(/[\s\u00a0%]/g, '').replace(',', '.').replace(/^\+/, '');

/** The tab-separated rows after a heading line, up to the first empty line after them. */
function block(heading: string): string[][] {
  const start = source.findIndex((l) => l.trim() === heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 1; i < source.length; i++) {
    const line = source[i]!;
    if (line.includes('\t')) rows.push(line.split('\t'));
    else if (rows.length > 0 && line.trim() === '') break;
  }
  return rows;
}

describe('Eskilstuna figures in the CSVs equal the source', () => {
  let artifacts: Artifact[];
  beforeAll(async () => {
    artifacts = await render(loadFile(ESKILSTUNA));
  });

  it('income statement (Resultaträkning): every cell, by row label and column header', () => {
    const [header, ...rows] = block('Resultaträkning');
    const cells = csv(artifacts, 'income_statement');
    expect(rows).toHaveLength(8);
    let compared = 0;
    for (const [label, ...values] of rows) {
      values.forEach((v, i) => {
        const cell = cells.find((c) => c.row_label === label && c.column_label === header![i + 1]);
        expect(cell, `${label} / ${header![i + 1]}`).toBeDefined();
        expect(cell!.value, `${label} / ${header![i + 1]}`).toBe(decimal(v));
        expect(cell!.unit).toBe('mnkr');
        compared++;
      });
    }
    expect(compared).toBe(48);
    expect(cells).toHaveLength(48);
  });

  it('operating statement (Driftredovisning): every cell per department', () => {
    const [header, ...rows] = block('Driftredovisning');
    const cells = csv(artifacts, 'operating_statement');
    expect(rows).toHaveLength(8);
    for (const [label, ...values] of rows)
      values.forEach((v, i) => {
        const cell = cells.find((c) => c.row_label === label && c.column_label === header![i + 1]);
        expect(cell?.value, `${label} / ${header![i + 1]}`).toBe(decimal(v));
      });
    expect(cells).toHaveLength(32);
  });

  it('deviation explanations: every item and its amount', () => {
    const start = source.findIndex((l) => l.startsWith('Avvikelsen mellan budget'));
    const items = source.slice(start + 1).filter((l) => l.startsWith('- ')).map((l) => /^- (.*) ([+-]\d+,\d)$/.exec(l)!).map((m) => [m[1], decimal(m[2]!)]);
    expect(items).toHaveLength(8);
    const rows = csv(artifacts, 'deviation_items');
    expect(rows.map((r) => [r.label, r.amount])).toEqual(items);
    const total = csv(artifacts, 'deviations')[0]!;
    expect(total.amount).toBe(decimal(/prognos \(([+-]\d+,\d)\)/.exec(source[start]!)![1]!));
  });

  it('sick leave on KLK: every year for total, women and men', () => {
    const [header, ...rows] = block('Sjukfrånvaro på KLK som egen förvaltning');
    const gender: Record<string, string> = { Totalt: 'T', Kvinnor: 'K', Män: 'M' };
    const csvRows = csv(artifacts, 'workforce').filter((r) => r.measure === 'sick_leave');
    expect(rows).toHaveLength(3);
    let compared = 0;
    for (const [label, ...values] of rows)
      values.forEach((v, i) => {
        const row = csvRows.find((r) => r.year === header![i + 1] && r.gender === gender[label!]);
        expect(row?.value, `${label} ${header![i + 1]}`).toBe(decimal(v));
        expect(row?.unit).toBe('percent');
        compared++;
      });
    expect(compared).toBe(9);
    expect(csvRows).toHaveLength(9);
  });
});
