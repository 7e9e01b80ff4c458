// One CSV per table of the report as its page shows it (open-data/tables/<name>.csv, named by
// core's documentTables): exactly the table's cells, spreadsheet-safe, listed in
// datapackage.json with size and hash but not as a tabular resource nor as a DCAT
// distribution, and checked by validate-open-data.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createRenderContext, documentTables, tableText, type Artifact } from '@kommunrapport/core';
import { FORMULA_START, protectCell, unprotectCell, validateOpenData, validateOpenDataFiles } from '../src/index.js';
import { loadFile, loadText, MINIMAL, SOLBERGA, render, text } from './helpers.js';

const filesOf = (artifacts: readonly Artifact[]) =>
  new Map(artifacts.map((a) => [a.path.replace(/^open-data\//, ''), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));
const records = (csv: string) => parse(csv, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];

describe('the tables as shown', () => {
  it('are one CSV per table of the document, legends included, each holding exactly its cells as shown', async () => {
    const report = loadFile(SOLBERGA);
    const artifacts = await render(report);
    const tables = documentTables(createRenderContext(report, {}).document);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.some((t) => t.block.kind === 'legend')).toBe(true);
    const written = artifacts.filter((a) => a.path.startsWith('open-data/tables/')).map((a) => a.path);
    expect(written).toEqual(tables.map((t) => `open-data/tables/${t.name}.csv`));
    for (const t of tables) {
      const rows = records(text(artifacts, `tables/${t.name}.csv`));
      // Header row, then one record per row of the table; every cell as core's tableText gives it.
      expect(rows, t.name).toEqual(tableText(t.table).map((r) => r.map(protectCell)));
      expect(rows[0]![0], t.name).toBe(t.table.corner);
      expect(rows).toHaveLength(t.table.rows.length + 1);
    }
    // A figure as the page shows it, e.g. a negative amount with its minus sign.
    expect(artifacts.filter((a) => a.path.startsWith('open-data/tables/')).some((a) => /(^|,|")−\d/m.test(text(artifacts, a.path.slice('open-data/'.length))))).toBe(true);
  });

  it('are listed in datapackage.json with size and sha256 but without a Table Schema, and are not DCAT distributions', async () => {
    const artifacts = await render(loadFile(MINIMAL));
    const shown = artifacts.filter((a) => a.path.startsWith('open-data/tables/')).map((a) => a.path.slice('open-data/'.length));
    expect(shown.length).toBeGreaterThan(2);
    const dp = JSON.parse(text(artifacts, 'datapackage.json')) as { resources: { name: string; path: string; type?: string; schema?: unknown; format: string; mediatype: string; hash: string }[] };
    for (const path of shown) {
      const r = dp.resources.find((x) => x.path === path);
      expect(r, path).toBeDefined();
      expect(r!.name).toBe(`table-${path.slice('tables/'.length, -'.csv'.length)}`);
      expect([r!.type, r!.schema, r!.format, r!.mediatype]).toEqual([undefined, undefined, 'csv', 'text/csv']);
      expect(r!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    const dcat = text(artifacts, 'dcat.rdf');
    expect(dcat).toContain('indicator_values.csv');
    expect(dcat).not.toContain('tables/');
  });

  it('protect a cell that starts like a formula, and validate-open-data flags it once unprotected or changed', async () => {
    const yaml = readFileSync(MINIMAL, 'utf8').replace('label: Intäkter', 'label: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"');
    const report = loadText(yaml);
    const artifacts = await render(report);
    const table = artifacts.find((a) => a.path.startsWith('open-data/tables/') && text(artifacts, a.path.slice('open-data/'.length)).includes('HYPERLINK'))!;
    const path = table.path.slice('open-data/'.length);
    const cells = records(text(artifacts, path)).flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    expect(cells.map(unprotectCell)).toContain('=HYPERLINK("http://evil.example","x")');
    const files = filesOf(artifacts);
    expect(validateOpenDataFiles(files, { allowPlaceholder: true }).filter((d) => d.severity === 'error')).toEqual([]);
    // A spreadsheet saved the file again and dropped the apostrophe.
    const resaved = new Map(files).set(path, new TextEncoder().encode(text(artifacts, path).replace(`'=HYPERLINK`, '=HYPERLINK')));
    const found = validateOpenDataFiles(resaved, { allowPlaceholder: true }).map((d) => `${d.code} ${d.file}`);
    expect(found).toContain(`open-data-csv-formula ${path}`);
    expect(found).toContain(`open-data-hash-mismatch ${path}`);
  });

  it('validate-open-data reads them from the tables/ folder of a published folder, and warns of a file there that datapackage.json does not list', async () => {
    const artifacts = await render(loadFile(MINIMAL));
    const dir = mkdtempSync(join(tmpdir(), 'kr-shown-'));
    for (const [path, bytes] of filesOf(artifacts)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    expect(validateOpenData(dir, { allowPlaceholder: true }).filter((d) => d.severity === 'error')).toEqual([]);
    const one = [...filesOf(artifacts).keys()].find((p) => p.startsWith('tables/'))!;
    // A file no build listed (left from an earlier build) is reported; dot files are not.
    writeFileSync(join(dir, 'tables', 'gammal.csv'), 'Post\r\n');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    expect(validateOpenData(dir, { allowPlaceholder: true }).filter((d) => d.code === 'open-data-unlisted-file').map((d) => `${d.severity} ${d.file}`)).toEqual(['warning tables/gammal.csv']);
    writeFileSync(join(dir, one), 'Post\r\nändrad\r\n');
    expect(validateOpenData(dir, { allowPlaceholder: true }).map((d) => `${d.code} ${d.file}`)).toContain(`open-data-hash-mismatch ${one}`);
    rmSync(dir, { recursive: true, force: true });
  });
});
