// datapackage.json (Frictionless Data Package v2): every CSV as a tabular resource with its
// Table Schema (types, required, enums, primary and foreign keys, units in descriptions),
// the JSON files as plain resources, licence, sources, version, created date and a sha256
// hash per resource.
import type { Report } from '@kommunrapport/model';
import { reportPublisher } from '@kommunrapport/core';
import type { FieldDef, TableDef } from './csv.js';
import { KNOWN_LICENCES } from './options.js';

/** A file to list as a resource: path, bytes and hash already computed. */
export interface ResourceFile {
  path: string;
  name: string;
  title: string;
  description: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** The CSV table, for tabular resources. */
  table?: TableDef;
}

/** What datapackage.json needs besides the files. */
export interface DataPackageInput {
  report: Report;
  /** Version of the data format: the model's schema version. */
  version: string;
  /** The document date as an ISO 8601 date-time. */
  created: string;
  licence: string;
  title: string;
  description: string;
  keywords: readonly string[];
  /** Absolute IRI of the folder the files are published in. */
  baseUrl: string;
  files: readonly ResourceFile[];
}

const PROFILE = 'https://datapackage.org/profiles/2.0/';

/** A field as Table Schema writes it (a module-level function, so no closure is made per table). */
function schemaField(f: FieldDef): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.enum) constraints.enum = [...f.enum];
  return { name: f.name, type: f.type, description: f.description, ...(Object.keys(constraints).length > 0 ? { constraints } : {}) };
}

/** The Table Schema of a CSV table. */
export function tableSchema(table: TableDef): Record<string, unknown> {
  return {
    $schema: `${PROFILE}tableschema.json`,
    fields: table.fields.map(schemaField),
    missingValues: [''],
    primaryKey: [...table.primaryKey],
    ...(table.foreignKeys && table.foreignKeys.length > 0
      ? {
          foreignKeys: table.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            reference: { resource: fk.resource, fields: [...fk.referenceFields] },
          })),
        }
      : {}),
  };
}

/** Builds the datapackage.json descriptor. */
export function buildDataPackage(input: DataPackageInput): Record<string, unknown> {
  const known = KNOWN_LICENCES[input.licence];
  const licence = known ? { name: known.name, path: input.licence, title: known.title } : { path: input.licence, title: input.licence };
  return {
    $schema: `${PROFILE}datapackage.json`,
    name: input.report.id,
    id: `${input.baseUrl}#dataset`,
    title: input.title,
    description: input.description,
    version: input.version,
    created: input.created,
    keywords: [...input.keywords],
    licenses: [licence],
    sources: [{ title: [`${input.report.title} (${reportPublisher(input.report)})`, input.report.caseNumber].filter(Boolean).join(', ') }],
    // A kommunalförbund publishes its own report: one contributor, publisher and creator.
    contributors: reportPublisher(input.report) === input.report.body.name
      ? [{ title: input.report.body.name, roles: ['publisher', 'creator'] }]
      : [{ title: reportPublisher(input.report), roles: ['publisher'] }, { title: input.report.body.name, roles: ['creator'] }],
    resources: input.files.map((file) => ({
      name: file.name,
      path: file.path,
      ...(file.table ? { type: 'table' } : {}),
      title: file.title,
      description: file.description,
      format: file.path.split('.').pop(),
      mediatype: file.mediaType.split(';')[0]!.trim(),
      encoding: 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      ...(file.table
        ? {
            dialect: { $schema: `${PROFILE}tabledialect.json`, header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
            schema: tableSchema(file.table),
          }
        : {}),
    })),
  };
}
