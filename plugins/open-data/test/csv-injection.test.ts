// Class: spreadsheet safety of open data (OWASP "CSV injection"). Text cells that begin with
// =, +, -, @, tab or carriage return get one leading apostrophe, exactly reversibly; numbers,
// dates and booleans are never changed; validateOpenData flags an unprotected text cell.
// Generated strings, through writeCsv and through a whole report.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, protectCell, unprotectCell, validateOpenDataFiles, writeCsv } from '../src/index.js';
import { csv, loadText, MINIMAL, render } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const formulaish = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'=", "''+", ''), fc.string({ maxLength: 20 })).map(([a, b]) => a + b);

describe('CSV injection', () => {
  it('protects every text cell that starts like a formula, reversibly, and leaves numbers alone', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(formulaish, fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 8 }), (rows) => {
        const out = writeCsv({
          name: 't',
          title: 't',
          description: 't',
          primaryKey: [],
          fields: [
            { name: 'label', type: 'string', description: '' },
            { name: 'count', type: 'integer', description: '' },
            { name: 'amount', type: 'number', description: '' },
          ],
          rows: rows.map(([label, count, amount]) => ({ label, count, amount: String(amount) })),
        });
        const records = parse(out, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
        records.forEach((r, i) => {
          expect(r.label).not.toMatch(FORMULA_START);
          expect(unprotectCell(r.label!)).toBe(rows[i]![0]);
          expect(r.count).toBe(String(rows[i]![1]));
          expect(r.amount).toBe(String(rows[i]![2]));
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(unprotectCell(protectCell(s))).toBe(s);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a report whose texts start like formulas publishes protected cells, and validate-open-data flags them once unprotected', async () => {
    const yaml = readFileSync(MINIMAL, 'utf8');
    const start = fc.constantFrom('=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '=cmd|\' /C calc\'!A0');
    await fc.assert(
      fc.asyncProperty(start, async (payload) => {
        const report = loadText(yaml.replace('title: Ta fram fler detaljplaner', `title: ${JSON.stringify(payload)}`).replace('title: Näringsliv och arbete', `title: ${JSON.stringify(payload)}`));
        const artifacts = await render(report);
        const cells = ['areas', 'commitments'].flatMap((t) => csv(artifacts, t).flatMap((r) => Object.values(r)));
        expect(cells).toContain(`'${payload}`);
        expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
        const files = new Map(artifacts.filter((a) => a.path.startsWith('open-data/')).map((a) => [a.path.slice('open-data/'.length), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));
        expect(validateOpenDataFiles(files).filter((d) => d.code === 'open-data-csv-formula')).toEqual([]);
        // A spreadsheet program that saved the file dropped the apostrophe.
        const name = [...files.keys()].find((k) => new TextDecoder().decode(files.get(k)).includes(`'${payload.replace(/"/g, '""')}`))!;
        files.set(name, new TextEncoder().encode(new TextDecoder().decode(files.get(name)).replace(`'${payload.replace(/"/g, '""')}`, payload.replace(/"/g, '""'))));
        const found = validateOpenDataFiles(files).filter((d) => d.code === 'open-data-csv-formula');
        expect(found.length).toBeGreaterThan(0);
        expect(found[0]!.message).toContain('a spreadsheet would run it as a formula');
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
