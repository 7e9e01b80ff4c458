// The open-data plugin: renders a report to report.json (valid against the published JSON
// Schema), report.schema.json, long-format CSV tables, each table of the page as shown
// (tables/<name>.csv, which the HTML page links beside the table), datapackage.json and
// DCAT-AP-SE metadata (dcat.rdf, dcat.jsonld), all under `open-data/`. Byte-identical for the same
// input: dates come from the context's documentDate, never the clock.
import { createHash } from 'node:crypto';
import { definePlugin, documentTables, reportDocument, reportKommuner, tableCsvFile, type Artifact, type DocumentModel } from '@kommunrapport/core';
import { Report, type SiteSettings } from '@kommunrapport/model';
import { OpenDataOptions, DEFAULT_BASE_URL, CC0 } from './options.js';
import { OPEN_DATA_CODES } from './diagnostics.js';
import { buildTables } from './tables.js';
import { writeCsv, writeTableCsv } from './csv.js';
import { buildDataPackage, type ResourceFile } from './datapackage.js';
import { buildDcat, contactFor, datasetTitle, datasetDescription, type DistributionInfo, type DcatInput } from './dcat.js';
import { toRdfXml, toJsonLd } from './rdf.js';
import { reportSchema } from './schema.js';

/** The folder the plugin writes into, relative to the report's output folder. */
export const OUT_DIR = 'open-data';

const encoder = new TextEncoder();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The whole report as open data: the model's encoding with `$schema` and `schemaVersion` first. */
export function reportJson(report: Report, schemaId: string, schemaVersion: string): Record<string, unknown> {
  const { $schema: _s, schemaVersion: _v, ...encoded } = Report.encode(report) as Record<string, unknown>;
  return { $schema: schemaId, schemaVersion, ...encoded };
}

/** Where a report's open data is published below a site when the baseUrl option is not given: `<site baseUrl><report id>/open-data/`. */
export const siteOpenDataUrl = (site: Pick<SiteSettings, 'baseUrl'>): string => `${site.baseUrl}{report}/open-data/`;

/** The published folder's address for a report: `baseUrl` with `{report}` replaced, ending in `/`. */
export function openDataBaseUrl(report: Report, baseUrl: string): string {
  const base = baseUrl.replace('{report}', report.id);
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The files of a report's open data (without its DCAT files) and the DCAT description's
 * input. `document` is the report's document (ctx.document in a build; made from the report
 * when left out): each of its tables is written as shown, one CSV per table.
 */
export function openDataFiles(report: Report, options: OpenDataOptions, documentDate: Date, document: DocumentModel = reportDocument(report)): { files: { path: string; contents: Uint8Array; mediaType: string }[]; dcat: DcatInput } {
  const { text: schemaText, id: schemaId, version } = reportSchema();
  const baseUrl = openDataBaseUrl(report, options.baseUrl);
  const date = documentDate.toISOString().slice(0, 10);
  // `shown`: a table of the page as shown, listed in datapackage.json but not a DCAT distribution.
  const files: (ResourceFile & { contents: Uint8Array; conformsTo?: string; shown?: true })[] = [];
  const add = (path: string, text: string, meta: Omit<ResourceFile, 'path' | 'bytes' | 'sha256'> & { conformsTo?: string; shown?: true }) => {
    const contents = encoder.encode(text);
    files.push({ path, contents, bytes: contents.byteLength, sha256: sha256(contents), ...meta });
  };

  add('report.json', json(reportJson(report, schemaId, version)), {
    name: 'report',
    title: 'The whole report as JSON',
    description: 'Every field of the report, rich text as its block tree, valid against report.schema.json.',
    mediaType: 'application/json',
    conformsTo: schemaId,
  });
  add('report.schema.json', schemaText, {
    name: 'report-schema',
    title: 'JSON Schema of report.json',
    description: `JSON Schema (2020-12) of the report model, version ${version}.`,
    mediaType: 'application/schema+json',
  });
  for (const table of buildTables(report)) {
    add(`${table.name}.csv`, writeCsv(table), {
      name: table.name,
      title: table.title,
      description: table.description,
      mediaType: 'text/csv; charset=utf-8',
      table,
      conformsTo: `${baseUrl}datapackage.json`,
    });
  }
  // Each table of the page as the page shows it, for readers who want that table in a
  // spreadsheet: listed with its size and hash, not a tabular resource (its cells are text as
  // shown, its header the page's words) and not a DCAT distribution (the data is in the
  // long-format tables above).
  for (const { table, name } of documentTables(document)) {
    add(tableCsvFile(name), writeTableCsv(table), {
      name: `table-${name}`,
      title: table.caption,
      description: `The table "${table.caption}" as the report shows it: the header row as shown, then one row per row of the table, every cell as text.`,
      mediaType: 'text/csv; charset=utf-8',
      shown: true,
    });
  }

  const parts = { finance: files.some((f) => f.table?.name === 'tables' && f.table.rows.length > 0), workforce: files.some((f) => f.table?.name === 'workforce' && f.table.rows.length > 0) };
  const descriptor = buildDataPackage({
    report,
    version,
    created: documentDate.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    licence: options.licence,
    title: datasetTitle(report, report.language),
    description: datasetDescription(report, report.language, parts),
    keywords: [...reportKommuner(report).map((k) => k.name), report.body.name, report.title],
    baseUrl,
    files,
  });
  const packageText = json(descriptor);
  const packageBytes = encoder.encode(packageText);

  const distributions: DistributionInfo[] = [
    ...files.filter((f) => !f.shown).map((f) => ({ path: f.path, title: f.title, description: f.description, mediaType: f.mediaType, bytes: f.bytes, sha256: f.sha256, ...(f.conformsTo ? { conformsTo: f.conformsTo } : {}) })),
    {
      path: 'datapackage.json',
      title: 'Frictionless Data Package descriptor',
      description: 'Describes every CSV with its Table Schema, the licence and a sha256 hash per file.',
      mediaType: 'application/json',
      bytes: packageBytes.byteLength,
      sha256: sha256(packageBytes),
      conformsTo: 'https://datapackage.org/standard/data-package/',
    },
  ];
  return {
    files: [...files.map((f) => ({ path: f.path, contents: f.contents, mediaType: f.mediaType })), { path: 'datapackage.json', contents: packageBytes, mediaType: 'application/json' }],
    dcat: { report, baseUrl, licence: options.licence, spatial: options.spatial, schemaId, date, files: distributions },
  };
}

/**
 * Renders the open data of a report as artifacts. With the site's settings, the DCAT
 * metadata names the site's publisher (by organisationsnummer) and falls back to the
 * site's contact, so it describes the same publisher as the site's catalogue.
 */
export function renderOpenData(report: Report, options: OpenDataOptions, documentDate: Date, site?: SiteSettings, document?: DocumentModel): Artifact[] {
  const { files, dcat } = openDataFiles(report, options, documentDate, document);
  const graph = buildDcat({ ...dcat, ...(site ? { site } : {}) });
  // A loop, not an arrow made per report (V8 would drop its optimised code at each full collection).
  const artifacts: Artifact[] = [];
  for (const f of files) artifacts.push({ path: `${OUT_DIR}/${f.path}`, contents: f.contents, mediaType: f.mediaType });
  artifacts.push(
    { path: `${OUT_DIR}/dcat.rdf`, contents: toRdfXml(graph), mediaType: 'application/rdf+xml' },
    { path: `${OUT_DIR}/dcat.jsonld`, contents: toJsonLd(graph), mediaType: 'application/ld+json' },
  );
  return artifacts;
}

/**
 * The options a report's open data is published with. With the site's settings, an option
 * left at its default takes the site's: the files are published below the site, one folder
 * per report (baseUrl), under the site's licence. The site's catalogue describes the files
 * with the same options (site-catalogue.ts).
 */
export function publishedOptions(options: OpenDataOptions, site: SiteSettings | undefined): OpenDataOptions {
  if (!site) return options;
  return {
    ...options,
    ...(options.baseUrl === DEFAULT_BASE_URL ? { baseUrl: siteOpenDataUrl(site) } : {}),
    ...(site.licence && options.licence === CC0 ? { licence: site.licence } : {}),
  };
}

/** The open-data plugin: format `open-data`. */
export default definePlugin<OpenDataOptions, typeof OPEN_DATA_CODES>({
  name: 'open-data',
  // The codes `validate-open-data` reports about a published folder; they join the one catalogue under this plugin's name.
  codes: OPEN_DATA_CODES,
  formats: ['open-data'],
  options: OpenDataOptions,
  render(report, ctx) {
    const site = ctx.site?.settings;
    const options = publishedOptions(ctx.options, site);
    if (options.baseUrl === DEFAULT_BASE_URL) ctx.report('open-data-base-url', { detail: `The open data of report ${report.id} was built without the option baseUrl, so its DCAT metadata uses the placeholder address ${DEFAULT_BASE_URL}.` });
    // DCAT-AP-SE requires an e-mail address on the contact point (vcard:hasEmail).
    if (!contactFor(report, openDataBaseUrl(report, options.baseUrl), site).email)
      ctx.report(
        'open-data-contact-email',
        { detail: `The DCAT contact point of report ${report.id} has no e-mail address (vcard:hasEmail), which DCAT-AP-SE requires.` },
        report.contact ? ['contact'] : [],
      );
    return renderOpenData(report, options, ctx.documentDate, site, ctx.document);
  },
});
