// The catalogue of findings of validateOpenData, in the one shape of the model's catalogue:
// permanent codes, each with a title, group, what it means, a message and how to fix it. Findings use the model's Diagnostic shape, so the CLI prints
// them like every other finding.
import type { DiagnosticDefinition } from '@kommunrapport/model';

/** The data of a finding: the validator composes the sentence where it knows the file and the cell. */
type Said = { detail: string };
const said = (d: Said): string => d.detail;

/** The catalogue of open-data validation codes. Names are permanent: add codes, never rename them. */
export const OPEN_DATA_CODES = {
  'open-data-missing-file': {
    title: 'File missing',
    severity: 'error',
    group: 'open-data',
    meaning: 'A file that datapackage.json lists, or that every open-data folder has, is not in the folder.',
    message: said,
    hint: 'Publish the whole open-data folder as the build wrote it.',
  },
  'open-data-unlisted-file': {
    title: 'File not in datapackage.json',
    severity: 'warning',
    group: 'open-data',
    meaning: 'A file of the folder (e.g. a table as shown in tables/) is not listed in datapackage.json, so re-users cannot check its size and hash; a build lists every file it writes besides datapackage.json, dcat.rdf and dcat.jsonld.',
    message: said,
    hint: 'Remove the file, or publish the folder exactly as one build wrote it (a file left from an earlier build is not listed).',
  },
  'open-data-invalid-json': {
    title: 'Not valid JSON',
    severity: 'error',
    group: 'open-data',
    meaning: 'A JSON file of the folder cannot be parsed.',
    message: said,
    hint: 'Publish the file as the build wrote it; do not edit it by hand.',
  },
  'open-data-hash-mismatch': {
    title: 'File differs from its hash',
    severity: 'error',
    group: 'open-data',
    meaning: 'The bytes or the sha256 hash of a file differ from what datapackage.json states: the file was changed or damaged after the build.',
    message: said,
    hint: 'Build the open data again, or publish the files exactly as built.',
  },
  'open-data-schema': {
    title: 'report.json does not follow its schema',
    severity: 'error',
    group: 'open-data',
    meaning: 'report.json is not valid against report.schema.json (JSON Schema 2020-12), or names another schema.',
    message: said,
    hint: 'Build the open data again with the same version of kommunrapport for the report and the schema.',
  },
  'open-data-csv-form': {
    title: 'CSV not in the declared form',
    severity: 'error',
    group: 'open-data',
    meaning: 'A CSV file cannot be read as RFC 4180 CSV with CRLF line ends, or its header differs from the fields of its Table Schema.',
    message: said,
    hint: 'Publish the file as the build wrote it; spreadsheet programs may change line ends, quoting or the header when saving.',
  },
  'open-data-csv-type': {
    title: 'Cell of the wrong type',
    severity: 'error',
    group: 'open-data',
    meaning: 'A cell is not of the type its field declares (integer, number, boolean, date) or not one of the allowed values.',
    message: said,
    hint: 'Numbers use a full stop as decimal sign and no thousands separator; booleans are true or false.',
  },
  'open-data-csv-formula': {
    title: 'Text cell a spreadsheet would run as a formula',
    severity: 'error',
    group: 'open-data',
    meaning: 'A text cell begins with =, +, -, @, a tab or a carriage return, so Excel or LibreOffice would run it as a formula when the file is opened (CSV injection). The build writes such cells with a leading apostrophe.',
    message: said,
    hint: 'Publish the file as the build wrote it; a spreadsheet program that saved the file may have removed the apostrophe.',
  },
  'open-data-rdf': {
    title: 'dcat.rdf is not valid RDF',
    severity: 'error',
    group: 'open-data',
    meaning: 'dcat.rdf cannot be parsed as RDF/XML (broken XML, or an IRI with spaces, quotes or other characters an IRI may not hold), or it names an IRI whose scheme is not http, https or mailto (e.g. javascript:).',
    message: said,
    hint: 'Correct the address in the report (contact.url, contact.email) or the open-data options (baseUrl, licence, spatial), and build again.',
  },
  'open-data-csv-required': {
    title: 'Required cell empty',
    severity: 'error',
    group: 'open-data',
    meaning: 'A cell of a field declared as required is empty.',
    message: said,
    hint: 'Build the open data again; a required value cannot be left out.',
  },
  'open-data-primary-key': {
    title: 'Primary key not unique',
    severity: 'error',
    group: 'open-data',
    meaning: 'Two rows of a table have the same values in the fields of its primary key.',
    message: said,
    hint: 'Ids in the report must be unique; run kommunrapport validate on the report and build again.',
  },
  'open-data-foreign-key': {
    title: 'Reference to a missing row',
    severity: 'error',
    group: 'open-data',
    meaning: 'The values of a foreign key do not appear in the table they refer to.',
    message: said,
    hint: 'Publish every table of the folder from the same build.',
  },
  'open-data-id': {
    title: 'Id not in the stable form',
    severity: 'error',
    group: 'open-data',
    meaning: 'An id column holds a value that is not {kommunkod}-{body}-{kind}-{local id} for the kommun and body of report.json.',
    message: said,
    hint: 'Publish the tables from the same build as report.json.',
  },
  'open-data-reference': {
    title: 'Tables and report.json disagree',
    severity: 'error',
    group: 'open-data',
    meaning: 'A thing in report.json (area, goal, commitment, indicator, table) is missing from the CSV tables, or a table holds one report.json does not have.',
    message: said,
    hint: 'Publish every file of the folder from the same build.',
  },
  'open-data-contact-email': {
    title: 'No e-mail for the dataset\'s contact point',
    severity: 'warning',
    group: 'open-data',
    meaning: 'The DCAT contact point of a dataset has no e-mail address (vcard:hasEmail), which DCAT-AP-SE requires so that data users can report errors. The build warns (and fails under --strict); validate-open-data warns.',
    message: said,
    hint: 'Add contact.email to the report, or a site: block with contact.email to kommunrapport.config.yaml (used when the report has no e-mail of its own).',
  },
  'open-data-dcat-mandatory': {
    title: 'Mandatory DCAT-AP-SE property missing',
    severity: 'error',
    group: 'open-data',
    meaning: 'A catalogue, dataset, distribution, publisher (agent) or contact point lacks a property DCAT-AP-SE 3.0.1 marks mandatory, or the file describes no catalogue, or a property refers to a node the file does not describe.',
    message: said,
    hint: 'Publish the DCAT file as the build wrote it; if it was built so, report it as a bug of kommunrapport.',
  },
  'open-data-dcat-kind': {
    title: 'DCAT-AP-SE property of the wrong kind',
    severity: 'error',
    group: 'open-data',
    meaning: 'A DCAT property has a literal where an IRI is required or the other way round, a title or description lacks its language tag, or the catalogue licence is not CC0 1.0 (which DCAT-AP-SE requires of the catalogue itself).',
    message: said,
    hint: 'Publish the DCAT file as the build wrote it; if it was built so, report it as a bug of kommunrapport.',
  },
  'open-data-dcat-iri': {
    title: 'Address not an absolute http(s) or mailto IRI',
    severity: 'error',
    group: 'open-data',
    meaning: 'An address in the DCAT metadata (or given to the site catalogue) is not an absolute http, https or mailto IRI; dataportal.se harvests only absolute IRIs.',
    message: said,
    hint: 'Give absolute addresses (https://…): the site baseUrl, the open-data baseUrl option, contact.url and contact.email.',
  },
  'open-data-base-url': {
    title: 'No address for the open data',
    severity: 'warning',
    group: 'open-data',
    meaning: 'A report was built with open data but without the option baseUrl and without a site: block, so its DCAT metadata holds a placeholder address (example.org) instead of where the files will be published. The build warns (and fails under --strict); validate-open-data refuses the folder with open-data-placeholder.',
    message: said,
    hint: 'Set the open-data option baseUrl (options: open-data: baseUrl: in kommunrapport.config.yaml, or -O open-data.baseUrl=https://…/{report}/open-data/ on the command line), or add a site: block with baseUrl to kommunrapport.config.yaml.',
  },
  'open-data-placeholder': {
    title: 'Placeholder address',
    severity: 'error',
    group: 'open-data',
    meaning: 'An address in the DCAT metadata has a host reserved for examples or tests (example.org, example.com, example.net, localhost, *.invalid, *.example, *.test), so the published catalogue would point nowhere. The default single-report build uses such an address until baseUrl is set.',
    message: said,
    hint: 'Set the open-data option baseUrl (or the site: block\'s baseUrl) to where the files are published and build again; to check a local trial build, run validate-open-data with --allow-placeholder.',
  },
  'open-data-duplicate-dataset': {
    title: 'Two reports at one address',
    severity: 'error',
    group: 'open-data',
    meaning: 'Two reports of a site catalogue have the same open-data address, so their datasets would merge into one.',
    message: said,
    hint: 'Give each report its own open-data folder (the site puts each under its own report id).',
  },
} as const satisfies Record<string, DiagnosticDefinition<Said>>;

/** A code of the open-data catalogue. */
export type OpenDataCode = keyof typeof OPEN_DATA_CODES;
