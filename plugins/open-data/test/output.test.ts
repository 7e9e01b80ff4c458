// The open-data folder as a whole: report.json valid against the schema (Ajv 2020, strict),
// every CSV valid against its Table Schema, hashes matching the bytes, the CSVs giving back
// the facts of report.json, identical bytes from two builds and no float artefacts.
import { createHash } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Report, walkReport, type Report as ReportType, type CellValue } from '@kommunrapport/model';
import type { Artifact } from '@kommunrapport/core';
import { validateOpenDataFiles, reportSchema } from '../src/index.js';
import { ESKILSTUNA, MINIMAL, SOLBERGA, loadFile, render, text, bytes, csv } from './helpers.js';

const filesOf = (artifacts: readonly Artifact[]) =>
  new Map(artifacts.map((a) => [a.path.replace(/^open-data\//, ''), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));

describe.each([
  ['Eskilstuna example', ESKILSTUNA],
  ['minimal fixture', MINIMAL],
  ['Solberga example', SOLBERGA],
])('open data of the %s', (_name, file) => {
  let report: ReportType;
  let artifacts: Artifact[];
  beforeAll(async () => {
    report = loadFile(file);
    artifacts = await render(report);
  });

  it('writes every file under open-data/', () => {
    const paths = artifacts.map((a) => a.path);
    for (const p of ['report.json', 'report.schema.json', 'datapackage.json', 'dcat.rdf', 'dcat.jsonld', 'areas.csv', 'goals.csv', 'commitments.csv', 'commitment_responsible.csv', 'indicators.csv', 'indicator_values.csv', 'income_statement.csv', 'operating_statement.csv', 'investments.csv', 'workforce.csv', 'codelist_assessment.csv', 'codelist_trend.csv', 'codelist_commitment_status.csv', 'codelist_completion.csv'])
      expect(paths).toContain(`open-data/${p}`);
    // The long-format files at the top, the tables as shown (one CSV per table of the page) in tables/.
    for (const p of paths) expect(p).toMatch(/^open-data\/([a-z_.]+|tables\/[a-z0-9_-]+\.csv)$/);
  });

  it('has report.json valid against report.schema.json with Ajv 2020 in strict mode', () => {
    const schema = JSON.parse(text(artifacts, 'report.schema.json'));
    const json = JSON.parse(text(artifacts, 'report.json'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(schema);
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(json.$schema).toBe(schema.$id);
    expect(json.$schema).toBe(reportSchema().id);
    expect(json.schemaVersion).toBe(reportSchema().version);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // The same validator rejects a report.json with a field of the wrong type.
    expect(validate({ ...json, period: { ...json.period, year: 'tjugotjugotvå' } })).toBe(false);
  });

  it('makes the published schema once per process, read-only', () => {
    expect(reportSchema()).toBe(reportSchema());
    expect(Object.isFrozen(reportSchema())).toBe(true);
  });

  it('has report.json holding the whole report: decoding it gives the report back', () => {
    const json = JSON.parse(text(artifacts, 'report.json'));
    const decoded = Report.decode(json);
    expect(decoded._tag).toBe('Right');
    if (decoded._tag === 'Right') {
      const { $schema: _a, schemaVersion: _b, ...back } = decoded.right;
      const { $schema: _c, schemaVersion: _d, ...orig } = report;
      expect(back).toEqual(JSON.parse(JSON.stringify(orig)));
    }
  });

  it('passes validateOpenData: every CSV valid against its Table Schema, keys unique, foreign keys resolve, hashes match, DCAT complete', () => {
    // The Eskilstuna example has no contact e-mail: the one warning DCAT-AP-SE asks for.
    expect(validateOpenDataFiles(filesOf(artifacts)).map((d) => `${d.code} ${d.severity}`)).toEqual(report.contact?.email ? [] : ['open-data-contact-email warning']);
  });

  it('states the sha256 hash and byte size of every resource in datapackage.json', () => {
    const dp = JSON.parse(text(artifacts, 'datapackage.json'));
    expect(dp.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(dp.resources.length).toBeGreaterThanOrEqual(20);
    for (const r of dp.resources) {
      const b = bytes(artifacts, r.path);
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(b).digest('hex')}`);
      expect(r.bytes).toBe(b.byteLength);
    }
    expect(dp.created).toBe(report.date ? `${report.date}T00:00:00Z` : `${report.period.end}T00:00:00Z`);
    expect(dp.licenses).toEqual([{ name: 'CC0-1.0', path: 'http://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0' }]);
    const values = dp.resources.find((r: { name: string }) => r.name === 'indicator_values');
    expect(values.schema.primaryKey).toEqual(['indicator_id', 'period', 'kind', 'gender']);
    expect(values.schema.foreignKeys).toEqual([{ fields: ['indicator_id'], reference: { resource: 'indicators', fields: ['indicator_id'] } }]);
    expect(values.schema.fields.find((f: { name: string }) => f.name === 'gender').constraints).toEqual({ required: true, enum: ['T', 'K', 'M'] });
    expect(values.schema.fields.find((f: { name: string }) => f.name === 'factor').description).toMatch(/tkr = 1000, mnkr = 1000000/);
  });

  it('gives back the facts of report.json when the CSVs are reassembled', () => {
    const json = JSON.parse(text(artifacts, 'report.json'));
    const back = Report.decode(json);
    if (back._tag !== 'Right') throw new Error('report.json does not decode');
    const r = back.right;
    const prefix = `${r.municipality.code}-${r.body.abbreviation.toLowerCase()}`;
    // Indicator values.
    const values = csv(artifacts, 'indicator_values');
    const walk: { id: string; values: unknown[] }[] = [];
    walkReport(r, { indicator: (i) => walk.push({ id: i.id, values: [...i.values] }) });
    expect(walk.length).toBeGreaterThan(0);
    for (const ind of walk) {
      const rows = values.filter((v) => v.indicator_id === `${prefix}-indicator-${ind.id}`);
      const rebuilt = new Map<string, Record<string, unknown>>();
      for (const row of rows) {
        const key = `${row.year}|${row.kind}`;
        const v = rebuilt.get(key) ?? { year: Number(row.year), kind: row.kind };
        const field = { T: 'total', K: 'women', M: 'men' }[row.gender!]!;
        if (row.value !== '') v[field] = Number(row.value);
        if (row.missing_reason !== '') v.missing = row.missing_reason;
        rebuilt.set(key, v);
      }
      expect([...rebuilt.values()]).toEqual(ind.values);
    }
    // Tables of figures: every cell, by table, row and column.
    const cells = [...csv(artifacts, 'income_statement'), ...csv(artifacts, 'operating_statement'), ...csv(artifacts, 'investments'), ...csv(artifacts, 'other_tables')];
    const tables: { id: string; rows: { id: string; values: Record<string, CellValue> }[] }[] = [];
    walkReport(r, { table: (t) => tables.push(t) });
    expect(cells.length).toBe(tables.reduce((n, t) => n + t.rows.length * Object.keys(t.rows[0]?.values ?? {}).length, 0));
    for (const t of tables)
      for (const row of t.rows) {
        const rebuilt = Object.fromEntries(cells.filter((c) => c.table_id === `${prefix}-table-${t.id}` && c.row_id === row.id).map((c) => [c.column_key, c.value === '' ? null : Number(c.value)]));
        expect(rebuilt).toEqual(row.values);
      }
    // Deviation explanations and workforce figures.
    const deviations = csv(artifacts, 'deviations');
    const items = csv(artifacts, 'deviation_items');
    const workforce = csv(artifacts, 'workforce');
    walkReport(r, {
      deviation: (e) => {
        const d = deviations.find((x) => x.local_id === e.id)!;
        expect([Number(d.amount), d.unit]).toEqual([e.deviation, e.unit]);
        expect(items.filter((x) => x.deviation_id === d.deviation_id).map((x) => ({ label: x.label, amount: Number(x.amount) }))).toEqual(e.items);
      },
      sections: {
        workforce: (s) => {
          const rows = workforce.filter((x) => x.workforce_id === `${prefix}-workforce-${s.id}`);
          const g = (measure: string, ref: string, gender: string) => Number(rows.find((x) => x.measure === measure && x.reference === ref && x.gender === gender)!.value);
          if (s.headcount) expect({ asOf: s.headcount.asOf, total: g('headcount', s.headcount.asOf, 'T'), women: g('headcount', s.headcount.asOf, 'K'), men: g('headcount', s.headcount.asOf, 'M') }).toEqual(s.headcount);
          for (const y of s.sickLeave ?? []) expect({ year: y.year, total: g('sick_leave', String(y.year), 'T'), women: g('sick_leave', String(y.year), 'K'), men: g('sick_leave', String(y.year), 'M') }).toEqual(y);
          expect(rows).toHaveLength((s.headcount ? 3 : 0) + 3 * (s.sickLeave?.length ?? 0));
        },
      },
    });
    // Areas, goals and commitments with their assessments.
    const areas = csv(artifacts, 'areas');
    const commitments = csv(artifacts, 'commitments');
    const goals = csv(artifacts, 'goals');
    const responsible = csv(artifacts, 'commitment_responsible');
    walkReport(r, {
      area: (a) => {
        const row = areas.find((x) => x.local_id === a.id)!;
        expect([row.title, row.assessment || null, row.trend || null]).toEqual([a.title, a.assessment ?? null, a.trend ?? null]);
        for (const goal of a.goals ?? []) {
          const grow = goals.find((x) => x.local_id === goal.id)!;
          expect([grow.title, grow.assessment || null, grow.trend || null, grow.area_id]).toEqual([goal.title, goal.assessment ?? null, goal.trend ?? null, row.area_id]);
        }
        for (const c of a.commitments ?? []) {
          const crow = commitments.find((x) => x.local_id === c.id)!;
          expect([crow.title, crow.status || null, crow.completion || null, crow.area_id]).toEqual([c.title, c.status ?? null, c.completion ?? null, row.area_id]);
          expect(responsible.filter((x) => x.commitment_id === crow.commitment_id).map((x) => x.responsible)).toEqual(c.responsible);
        }
      },
    });
  });

  it('gives identical bytes from two builds', async () => {
    const again = await render(loadFile(file));
    expect(again.map((a) => a.path)).toEqual(artifacts.map((a) => a.path));
    for (const a of artifacts) expect(Buffer.from(bytes(again, a.path.slice(10))).equals(Buffer.from(bytes(artifacts, a.path.slice(10)))), a.path).toBe(true);
  });

  it('has no float artefacts in any file', () => {
    for (const a of artifacts) expect(text(artifacts, a.path.slice(10)), a.path).not.toMatch(/\d\.\d*9999|0000000\d/);
  });
});

describe('validateOpenData finds what is wrong', () => {
  let files: Map<string, Uint8Array>;
  beforeAll(async () => {
    files = filesOf(await render(loadFile(MINIMAL)));
  });
  const enc = (s: string) => new TextEncoder().encode(s);
  const dec = (b: Uint8Array) => new TextDecoder().decode(b);
  const codes = (m: Map<string, Uint8Array>) => validateOpenDataFiles(m).map((d) => `${d.code} ${d.file}`);

  it('reports a file changed after the build by its hash', () => {
    const m = new Map(files);
    m.set('areas.csv', enc(dec(m.get('areas.csv')!).replace('partly', 'achieved')));
    expect([...new Set(codes(m))]).toEqual(['open-data-hash-mismatch areas.csv']);
  });

  it('reports a datapackage.json that was changed after dcat.jsonld described it', () => {
    const m = new Map(files);
    const dp = JSON.parse(dec(m.get('datapackage.json')!));
    dp.title = 'Ändrad titel';
    m.set('datapackage.json', enc(`${JSON.stringify(dp, null, 2)}\n`));
    const found = validateOpenDataFiles(m);
    expect(found.map((d) => `${d.code} ${d.file} ${d.path}`)).toEqual(['open-data-hash-mismatch datapackage.json dcat.jsonld']);
  });

  it('reports a missing file', () => {
    const m = new Map(files);
    m.delete('goals.csv');
    expect(codes(m)).toContain('open-data-missing-file goals.csv');
  });

  it('reports type, required, primary and foreign key errors with the row', () => {
    const m = new Map(files);
    const dp = JSON.parse(dec(m.get('datapackage.json')!));
    const put = (path: string, text: string) => {
      m.set(path, enc(text));
      const r = dp.resources.find((x: { path: string }) => x.path === path);
      r.bytes = enc(text).byteLength;
      r.hash = `sha256:${createHash('sha256').update(enc(text)).digest('hex')}`;
    };
    const values = dec(m.get('indicator_values.csv')!).split('\r\n').filter((l) => l !== '');
    values[1] = values[1]!.replace(/,outcome,T,72,/, ',outcome,T,72 st,');
    values.push(values[2]!);
    put('indicator_values.csv', `${values.join('\r\n')}\r\n`);
    const goals = dec(m.get('goals.csv')!).replace('0999-ks-area-naringsliv', '0999-ks-area-saknas').replace(/"Företagsklimatet[^\r]*?<tydligt>"/, '');
    put('goals.csv', goals);
    m.set('datapackage.json', enc(JSON.stringify(dp)));
    const found = validateOpenDataFiles(m);
    const summary = found.map((d) => `${d.code} ${d.file} ${d.line ?? ''}`);
    expect(summary).toContain('open-data-csv-type indicator_values.csv 2');
    expect(summary.some((s) => s.startsWith('open-data-primary-key indicator_values.csv'))).toBe(true);
    expect(summary).toContain('open-data-foreign-key goals.csv 2');
    expect(summary).toContain('open-data-csv-required goals.csv 2');
    const typeError = found.find((d) => d.code === 'open-data-csv-type')!;
    expect(typeError).toMatchObject({ expected: 'a number', found: '"72 st"' });
    expect(typeError.hint).toBeTruthy();
  });

  it('reports a date of the right form that is not in the calendar', () => {
    const m = new Map(files);
    const dp = JSON.parse(dec(m.get('datapackage.json')!));
    const values = dec(m.get('indicator_values.csv')!).split('\r\n');
    const header = values[0]!.split(',');
    const at = header.indexOf('period_end');
    expect(at).toBeGreaterThan(-1);
    const cells = values[1]!.split(',');
    cells[at] = '2022-02-30';
    values[1] = cells.join(',');
    const text = values.join('\r\n');
    m.set('indicator_values.csv', enc(text));
    const r = dp.resources.find((x: { path: string }) => x.path === 'indicator_values.csv');
    r.bytes = enc(text).byteLength;
    r.hash = `sha256:${createHash('sha256').update(enc(text)).digest('hex')}`;
    m.set('datapackage.json', enc(JSON.stringify(dp)));
    const found = validateOpenDataFiles(m).filter((d) => d.code === 'open-data-csv-type');
    expect(found.map((d) => `${d.file} ${d.line} ${d.found}`)).toEqual(['indicator_values.csv 2 "2022-02-30"']);
  });

  it('reports a report.json that breaks the schema', () => {
    const m = new Map(files);
    const json = JSON.parse(dec(m.get('report.json')!));
    json.period.year = '2022';
    m.set('report.json', enc(JSON.stringify(json)));
    const found = validateOpenDataFiles(m).map((d) => d.code);
    expect(found).toContain('open-data-schema');
    expect(found).toContain('open-data-hash-mismatch');
  });

  it('reports LF line ends in a CSV', () => {
    const m = new Map(files);
    m.set('organisations.csv', enc(dec(m.get('organisations.csv')!).replace(/\r\n/g, '\n')));
    expect(codes(m)).toContain('open-data-csv-form organisations.csv');
  });
});
