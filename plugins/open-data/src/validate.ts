// Checks a published open-data folder the way a re-user would: every file datapackage.json
// lists is there with the stated bytes and sha256 hash; report.json is valid against
// report.schema.json (Ajv, JSON Schema 2020-12, strict); every CSV is RFC 4180 with CRLF and
// valid against its Table Schema (types, required, enums, primary keys unique, foreign keys
// resolve); the tables as shown (tables/) are RFC 4180 with no unprotected formula cell; ids have the stable form; the tables hold what report.json holds; and dcat.rdf
// holds what DCAT-AP-SE requires, with absolute, non-placeholder addresses (dcat-check.ts).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type * as AjvModule from 'ajv/dist/2020.js';
import type * as AjvFormatsModule from 'ajv-formats';
import type * as CsvParseModule from 'csv-parse/sync';
import { IsoDate, Report, createDiagnostic, type Diagnostic } from '@kommunrapport/model';
import { OPEN_DATA_CODES, type OpenDataCode } from './diagnostics.js';
import { collectFacts } from './collect.js';
import { createIdMaker, idPrefix } from './ids.js';
import { checkDcat, parseRdfXmlTriples, type DcatCheckOptions } from './dcat-check.js';

// Ajv and the CSV parser are loaded when a folder is validated, not when the plugin is
// imported: a build that only renders would pay for them at start.
const load = createRequire(import.meta.url);
let ajvModule: typeof AjvModule | undefined;
let csvModule: typeof CsvParseModule | undefined;
const ajvClass = () => (ajvModule ??= load('ajv/dist/2020.js') as typeof AjvModule).Ajv2020;
const ajvFormats = () => load('ajv-formats') as typeof AjvFormatsModule;

/**
 * Parses RDF/XML as a re-user's RDF library would, synchronously: the problems (syntax,
 * IRIs that are not IRIs) and every IRI of the graph.
 */
export function parseRdfXml(text: string, baseIRI: string): { errors: string[]; iris: string[] } {
  const { errors, triples } = parseRdfXmlTriples(text, baseIRI);
  const iris: string[] = [];
  for (const q of triples) {
    for (const term of [q.subject, q.object]) if (term.termType === 'NamedNode') iris.push(term.value);
    iris.push(q.predicate.value);
  }
  return { errors, iris };
}

const parse = (input: string, options: Record<string, unknown>): unknown => (csvModule ??= load('csv-parse/sync') as typeof CsvParseModule).parse(input, options as never);

/** The files of an open-data folder by path relative to it. */
export type OpenDataFiles = ReadonlyMap<string, Uint8Array>;

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  bytes?: number;
  hash?: string;
  schema?: { fields: Field[]; primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[] };
}

const FORMULA_EXPECTED = "text that begins with an apostrophe (') before =, +, -, @, tab or carriage return";

const ID_COLUMNS: Record<string, string> = {
  area_id: 'area',
  goal_id: 'goal',
  commitment_id: 'commitment',
  indicator_id: 'indicator',
  table_id: 'table',
  deviation_id: 'deviation',
  workforce_id: 'workforce',
  perspective_id: 'perspective',
  section_id: 'section',
};

const TYPE_CHECKS: Record<string, (s: string) => boolean> = {
  string: () => true,
  integer: (s) => /^[-+]?\d+$/.test(s),
  number: (s) => /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s),
  boolean: (s) => ['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0'].includes(s),
  // The report's own date check: the form and a day that exists (2022-02-30 does not).
  date: (s) => IsoDate.is(s),
  year: (s) => /^-?\d{4}$/.test(s),
};

/** Reads every file of a folder and its subfolders (the tables as shown are in `tables/`), by POSIX path relative to it. */
export function readOpenDataFolder(folder: string): OpenDataFiles {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (stat.isFile()) files.set(`${prefix}${name}`, readFileSync(path));
    }
  };
  walk(folder, '');
  return files;
}

/**
 * Validates a published open-data folder and returns the findings (empty when all is
 * well). Throws only when the folder cannot be read at all.
 */
export function validateOpenData(folder: string, options: DcatCheckOptions = {}): Diagnostic[] {
  return validateOpenDataFiles(readOpenDataFolder(folder), options);
}

/**
 * Validates a site's DCAT-AP-SE catalogue (catalog.rdf) and returns the findings. Throws
 * only when the file cannot be read at all.
 */
export function validateCatalogueFile(file: string, options: DcatCheckOptions = {}): Diagnostic[] {
  return checkDcat(new TextDecoder('utf-8').decode(readFileSync(file)), basename(file), options);
}

/** Validates the files of an open-data folder given in memory. */
export function validateOpenDataFiles(files: OpenDataFiles, options: DcatCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: OpenDataCode, file: string, path: string, message: string, extra: Partial<Diagnostic> = {}) =>
    out.push({ ...createDiagnostic(code, OPEN_DATA_CODES[code], { detail: message }, { path, file }), ...extra });
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const textOf = (path: string) => decoder.decode(files.get(path));
  const readJson = (path: string): unknown => {
    if (!files.has(path)) {
      add('open-data-missing-file', path, '', `${path} is missing from the folder.`, { expected: path, found: 'no such file' });
      return undefined;
    }
    try {
      return JSON.parse(textOf(path));
    } catch (e) {
      add('open-data-invalid-json', path, '', `${path} is not valid JSON: ${(e as Error).message}.`);
      return undefined;
    }
  };

  const descriptor = readJson('datapackage.json') as { resources?: Resource[] } | undefined;
  const resources = Array.isArray(descriptor?.resources) ? descriptor.resources : [];

  // Files, sizes and hashes.
  resources.forEach((r, i) => {
    const bytes = files.get(r.path);
    if (!bytes) {
      add('open-data-missing-file', r.path, `resources[${i}]`, `${r.path}, listed in datapackage.json, is missing from the folder.`, { expected: r.path, found: 'no such file' });
      return;
    }
    if (r.bytes !== undefined && r.bytes !== bytes.byteLength)
      add('open-data-hash-mismatch', r.path, `resources[${i}].bytes`, `${r.path} has ${bytes.byteLength} bytes; datapackage.json says ${r.bytes}.`, { expected: String(r.bytes), found: String(bytes.byteLength) });
    const hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (r.hash !== hash) add('open-data-hash-mismatch', r.path, `resources[${i}].hash`, `The sha256 hash of ${r.path} differs from datapackage.json.`, { expected: String(r.hash), found: hash });
  });

  // Every file besides the metadata is listed (dot files, which tools leave, are not published data).
  const listed = new Set([...resources.map((r) => r.path), 'datapackage.json', 'dcat.rdf', 'dcat.jsonld']);
  if (descriptor)
    for (const path of files.keys())
      if (!listed.has(path) && !path.split('/').some((part) => part.startsWith('.')))
        add('open-data-unlisted-file', path, '', `${path} is in the folder but not listed in datapackage.json.`, { expected: 'a resource of datapackage.json', found: 'not listed' });

  // report.json against report.schema.json.
  const schema = readJson('report.schema.json') as Record<string, unknown> | undefined;
  const reportJson = readJson('report.json') as Record<string, unknown> | undefined;
  let report: Report | undefined;
  if (schema && reportJson) {
    try {
      const Ajv2020 = ajvClass();
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      const formats = ajvFormats();
      (((formats as unknown as { default?: (a: InstanceType<typeof Ajv2020>) => void }).default ?? formats) as unknown as (a: InstanceType<typeof Ajv2020>) => void)(ajv);
      const validate = ajv.compile(schema);
      if (!validate(reportJson)) {
        for (const e of (validate.errors ?? []).slice(0, 20))
          add('open-data-schema', 'report.json', e.instancePath.replace(/^\//, '').replace(/\//g, '.'), `report.json ${e.instancePath || '(root)'} ${e.message ?? 'is not valid'}.`, { expected: JSON.stringify(e.params) });
      }
    } catch (e) {
      add('open-data-schema', 'report.schema.json', '', `report.schema.json cannot be compiled: ${(e as Error).message}.`);
    }
    if (reportJson.$schema !== schema.$id)
      add('open-data-schema', 'report.json', '$schema', 'report.json names another schema than report.schema.json.', { expected: String(schema.$id), found: String(reportJson.$schema) });
    const decoded = Report.decode(reportJson);
    if (decoded._tag === 'Right') report = decoded.right;
    else add('open-data-schema', 'report.json', '', 'report.json cannot be read as a report of the model.');
  }

  // CSVs against their Table Schemas; the tables as shown (CSVs without a schema: every cell
  // is text) for their form and formula protection.
  const tables = new Map<string, Record<string, string>[]>();
  for (const r of resources) {
    if (!files.has(r.path) || !(r.schema || r.path.endsWith('.csv'))) continue;
    const text = textOf(r.path);
    let records: string[][];
    try {
      records = parse(text, { record_delimiter: '\r\n', relax_column_count: false, skip_empty_lines: false }) as string[][];
    } catch (e) {
      add('open-data-csv-form', r.path, '', `${r.path} cannot be read as CSV: ${(e as Error).message}.`, { expected: 'RFC 4180 CSV with CRLF line ends' });
      continue;
    }
    if (!text.endsWith('\r\n') || /(^|[^\r])\n/.test(text.replace(/"(?:[^"]|"")*"/g, '')))
      add('open-data-csv-form', r.path, '', `${r.path} has a line that does not end with CRLF.`, { expected: 'CRLF (\\r\\n) after every record' });
    if (!r.schema) {
      records.forEach((rec, ri) =>
        rec.forEach((v, ci) => {
          if (/^[=+\-@\t\r]/.test(v))
            add('open-data-csv-formula', r.path, `${r.path} row ${ri + 1} column ${ci + 1}`, `Column ${ci + 1} in row ${ri + 1} of ${r.path} begins with ${JSON.stringify(v[0])}, so a spreadsheet would run it as a formula.`, { line: ri + 1, expected: FORMULA_EXPECTED, found: JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v) });
        }),
      );
      continue;
    }
    const fields = r.schema.fields;
    const header = records[0] ?? [];
    if (header.join(',') !== fields.map((f) => f.name).join(',')) {
      add('open-data-csv-form', r.path, 'header', `The header of ${r.path} differs from its Table Schema.`, { expected: fields.map((f) => f.name).join(','), found: header.join(',') });
      continue;
    }
    const rows = records.slice(1).map((rec) => Object.fromEntries(fields.map((f, i) => [f.name, rec[i] ?? ''])));
    tables.set(r.name, rows);
    rows.forEach((row, ri) => {
      const line = ri + 2;
      for (const f of fields) {
        const v = row[f.name]!;
        const place = { line, path: `${r.path} row ${line} ${f.name}` };
        if (v === '') {
          if (f.constraints?.required) add('open-data-csv-required', r.path, place.path, `${f.name} is required but empty in row ${line} of ${r.path}.`, { line, expected: `a ${f.type}` });
          continue;
        }
        if ((f.type ?? 'string') === 'string' && /^[=+\-@\t\r]/.test(v))
          add('open-data-csv-formula', r.path, place.path, `${f.name} in row ${line} of ${r.path} begins with ${JSON.stringify(v[0])}, so a spreadsheet would run it as a formula.`, { line, expected: FORMULA_EXPECTED, found: JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v) });
        const check = TYPE_CHECKS[f.type] ?? TYPE_CHECKS.string!;
        if (!check(v)) add('open-data-csv-type', r.path, place.path, `${f.name} in row ${line} of ${r.path} is not a ${f.type}.`, { line, expected: `a ${f.type}`, found: JSON.stringify(v) });
        else if (f.constraints?.enum && !f.constraints.enum.includes(v))
          add('open-data-csv-type', r.path, place.path, `${f.name} in row ${line} of ${r.path} is not an allowed value.`, { line, expected: f.constraints.enum.join(', '), found: JSON.stringify(v) });
      }
    });
    const pk = r.schema.primaryKey ?? [];
    if (pk.length > 0) {
      const seen = new Map<string, number>();
      rows.forEach((row, ri) => {
        const key = JSON.stringify(pk.map((k) => row[k]));
        const first = seen.get(key);
        if (first !== undefined)
          add('open-data-primary-key', r.path, `${r.path} row ${ri + 2}`, `Row ${ri + 2} of ${r.path} repeats the primary key of row ${first} (${pk.join(', ')}).`, { line: ri + 2, found: key });
        else seen.set(key, ri + 2);
      });
    }
  }

  // Foreign keys.
  for (const r of resources) {
    const rows = tables.get(r.name);
    if (!rows || !r.schema?.foreignKeys) continue;
    for (const fk of r.schema.foreignKeys) {
      const target = tables.get(fk.reference.resource || r.name);
      if (!target) {
        add('open-data-foreign-key', r.path, 'schema.foreignKeys', `${r.path} refers to table "${fk.reference.resource}", which the folder does not have.`);
        continue;
      }
      const keys = new Set(target.map((t) => JSON.stringify(fk.reference.fields.map((f) => t[f]))));
      rows.forEach((row, ri) => {
        const values = fk.fields.map((f) => row[f]);
        if (values.some((v) => v === '' || v === undefined)) return;
        if (!keys.has(JSON.stringify(values)))
          add('open-data-foreign-key', r.path, `${r.path} row ${ri + 2} ${fk.fields.join(',')}`, `${fk.fields.join(', ')} in row ${ri + 2} of ${r.path} does not appear in ${fk.reference.resource}.`, {
            line: ri + 2,
            expected: `a value of ${fk.reference.resource}.${fk.reference.fields.join(',')}`,
            found: values.join(', '),
          });
      });
    }
  }

  // DCAT metadata: every distribution's size and checksum agree with the file it describes.
  const dcat = readJson('dcat.jsonld') as { '@graph'?: Record<string, unknown>[] } | undefined;
  if (!files.has('dcat.rdf')) add('open-data-missing-file', 'dcat.rdf', '', 'dcat.rdf is missing from the folder.', { expected: 'dcat.rdf', found: 'no such file' });
  // dcat.rdf is RDF/XML: it must parse, name only absolute web addresses and hold what DCAT-AP-SE requires.
  else out.push(...checkDcat(textOf('dcat.rdf'), 'dcat.rdf', options));
  if (dcat && Array.isArray(dcat['@graph'])) {
    const nodes = new Map(dcat['@graph'].map((n) => [n['@id'] as string, n]));
    const first = (n: Record<string, unknown> | undefined, p: string) => ((n?.[p] as { '@id'?: string; '@value'?: string }[] | undefined) ?? [])[0];
    for (const n of dcat['@graph']) {
      if (!(n['@type'] as string[] | undefined)?.includes('dcat:Distribution')) continue;
      const url = first(n, 'dcat:downloadURL')?.['@id'] ?? '';
      const path = url.slice(url.lastIndexOf('/') + 1);
      const bytes = files.get(path);
      if (!bytes) {
        add('open-data-missing-file', path || 'dcat.jsonld', '', `${path}, described in dcat.jsonld, is missing from the folder.`, { expected: path, found: 'no such file' });
        continue;
      }
      const size = first(n, 'dcat:byteSize')?.['@value'];
      const checksum = first(nodes.get(first(n, 'spdx:checksum')?.['@id'] ?? ''), 'spdx:checksumValue')?.['@value'];
      const hash = createHash('sha256').update(bytes).digest('hex');
      if (size !== String(bytes.byteLength) || checksum !== hash)
        add('open-data-hash-mismatch', path, 'dcat.jsonld', `The size or sha256 checksum of ${path} in dcat.jsonld differs from the file.`, { expected: `${size} bytes, ${checksum}`, found: `${bytes.byteLength} bytes, ${hash}` });
    }
  }

  // Stable ids and agreement with report.json.
  if (report) {
    const prefix = idPrefix(report);
    for (const r of resources) {
      const rows = tables.get(r.name);
      if (!rows) continue;
      for (const f of r.schema?.fields ?? []) {
        const kind = ID_COLUMNS[f.name];
        if (!kind) continue;
        const re = new RegExp(`^${prefix}-${kind}-[a-z0-9][a-z0-9-]*$`);
        rows.forEach((row, ri) => {
          const v = row[f.name]!;
          if (v !== '' && !re.test(v))
            add('open-data-id', r.path, `${r.path} row ${ri + 2} ${f.name}`, `${f.name} in row ${ri + 2} of ${r.path} is not a stable ${kind} id of this report.`, {
              line: ri + 2,
              expected: `${prefix}-${kind}-{local id}`,
              found: JSON.stringify(v),
            });
        });
      }
    }
    const facts = collectFacts(report);
    const id = createIdMaker(report);
    const expected: [string, string, string[]][] = [
      ['areas', 'area_id', facts.areas.map((a) => id('area', a.area.id))],
      ['goals', 'goal_id', facts.goals.map((g) => id('goal', g.goal.id))],
      ['commitments', 'commitment_id', facts.commitments.map((c) => id('commitment', c.commitment.id))],
      ['indicators', 'indicator_id', facts.indicators.map((x) => id('indicator', x.indicator.id))],
      ['tables', 'table_id', facts.tables.map((x) => id('table', x.table.id))],
      ['deviations', 'deviation_id', facts.deviations.map((x) => id('deviation', x.explanation.id))],
    ];
    for (const [name, column, ids] of expected) {
      const rows = tables.get(name);
      if (!rows) {
        add('open-data-missing-file', `${name}.csv`, '', `The folder has no table ${name} although report.json has ${ids.length}.`);
        continue;
      }
      const have = new Set(rows.map((row) => row[column]));
      const want = new Set(ids);
      for (const x of ids) if (!have.has(x)) add('open-data-reference', `${name}.csv`, column, `${x} of report.json is missing from ${name}.csv.`, { expected: x, found: 'no row' });
      for (const x of have) if (!want.has(x!)) add('open-data-reference', `${name}.csv`, column, `${name}.csv has ${x}, which report.json does not have.`, { found: String(x) });
    }
  }
  return out;
}
