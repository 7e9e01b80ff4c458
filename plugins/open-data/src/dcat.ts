// DCAT-AP-SE metadata of the open data: a catalogue with one dataset (the report) and one
// distribution per published file, with titles and descriptions in Swedish and English,
// publisher, licence, period, place, contact point, keywords and themes. Words come from
// the report and the governance vocabularies (the report's own and the presets), not code.
import { plainText, presets, REPORT_KIND_TERM, type Report, type Governance } from '@kommunrapport/model';
import type { RdfNode, RdfObject, QName } from './rdf.js';
import { collectFacts } from './collect.js';

/** One published file, as the distributions describe it. */
export interface DistributionInfo {
  path: string;
  title: string;
  description: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** The IRI of the standard the file follows (the JSON Schema, datapackage.json). */
  conformsTo?: string;
}

/** What the DCAT description needs besides the report. */
export interface DcatInput {
  report: Report;
  /** Absolute IRI of the folder the files are published in, ending in `/`. */
  baseUrl: string;
  licence: string;
  /** IRI of the kommun for dct:spatial. */
  spatial: string;
  /** The schema's `$id`. */
  schemaId: string;
  /** The document date, YYYY-MM-DD. */
  date: string;
  files: readonly DistributionInfo[];
}

const EU = 'http://publications.europa.eu/resource/authority/';
const LANGUAGE: Record<string, string> = { sv: `${EU}language/SWE`, en: `${EU}language/ENG` };
const FILE_TYPE: Record<string, string> = {
  'text/csv': `${EU}file-type/CSV`,
  'application/json': `${EU}file-type/JSON`,
  'application/schema+json': `${EU}file-type/JSON`,
  'application/rdf+xml': `${EU}file-type/RDF_XML`,
  'application/ld+json': `${EU}file-type/JSON_LD`,
};

const lit = (value: string, lang?: string): RdfObject => (lang ? { value, lang } : { value });
const iri = (i: string): RdfObject => ({ iri: i });
const date = (d: string): RdfObject => ({ value: d, datatype: 'xsd:date' });

/** The vocabulary to take words from for one language: the report's own for its language, else a preset. */
function vocabularyFor(report: Report, lang: 'sv' | 'en'): Governance {
  if (report.language === lang) return report.governance;
  return lang === 'en' ? presets['generic-en'] : presets.generic;
}


/** The dataset's title in a language. */
export function datasetTitle(report: Report, lang: 'sv' | 'en'): string {
  const place = `${report.body.name}, ${report.municipality.name}`;
  if (report.language === lang) return `${report.title}, ${place}`;
  const g = vocabularyFor(report, lang);
  return `${g.terms[REPORT_KIND_TERM[report.kind]]} ${report.period.start}–${report.period.end}, ${place}`;
}

/** The dataset's description in a language: what it holds, in the vocabulary's words, and the summary in the report's language. */
export function datasetDescription(report: Report, lang: 'sv' | 'en', parts: { finance: boolean; workforce: boolean }): string {
  const g = vocabularyFor(report, lang);
  const contents = [
    g.terms.summary,
    g.levels.area.plural,
    g.levels.goal.plural,
    g.levels.commitment.plural,
    g.levels.indicator.plural,
    ...(parts.finance ? [g.terms.finance] : []),
    ...(parts.workforce ? [g.terms.workforce] : []),
  ];
  const head = `${datasetTitle(report, lang)}: ${contents.join(', ')}.`;
  return report.language === lang ? `${head}\n\n${plainText(report.summary)}` : head;
}

/** The keywords of the dataset in a language. */
function keywords(report: Report, lang: 'sv' | 'en', finance: boolean): string[] {
  const g = vocabularyFor(report, lang);
  const words = [g.terms[REPORT_KIND_TERM[report.kind]], report.municipality.name, report.body.name, g.levels.indicator.plural, ...(finance ? [g.terms.finance] : [])];
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** Builds the DCAT-AP-SE graph: catalogue, dataset, publisher, contact point, period, place, standard, distributions. */
export function buildDcat(input: DcatInput): RdfNode[] {
  const { report, baseUrl, licence, date: issued } = input;
  const facts = collectFacts(report);
  const parts = { finance: facts.tables.length > 0 || facts.deviations.length > 0, workforce: facts.workforce.length > 0 };
  const catalogIri = `${baseUrl}#catalog`;
  const datasetIri = `${baseUrl}#dataset`;
  const publisherIri = `${baseUrl}#publisher`;
  const contactIri = `${baseUrl}#contact-point`;
  const periodIri = `${baseUrl}#period`;
  const spatialIri = input.spatial.replace('{kommunkod}', report.municipality.code);
  const langs = ['sv', 'en'] as const;
  const titles: [QName, RdfObject][] = langs.map((l) => ['dct:title', lit(datasetTitle(report, l), l)]);
  const descriptions: [QName, RdfObject][] = langs.map((l) => ['dct:description', lit(datasetDescription(report, l, parts), l)]);
  const distIri = (path: string) => `${baseUrl}#distribution-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const catalog: RdfNode = {
    iri: catalogIri,
    types: ['dcat:Catalog'],
    props: [
      ...titles,
      ...descriptions,
      ['dct:publisher', iri(publisherIri)],
      ['dct:license', iri(licence)],
      ['dct:language', iri(LANGUAGE[report.language]!)],
      ['dct:issued', date(issued)],
      ['dct:modified', date(issued)],
      ['dcat:dataset', iri(datasetIri)],
    ],
  };

  const themes = [`${EU}data-theme/GOVE`, ...(parts.finance ? [`${EU}data-theme/ECON`] : [])];
  const dataset: RdfNode = {
    iri: datasetIri,
    types: ['dcat:Dataset'],
    props: [
      ...titles,
      ...descriptions,
      ['dct:identifier', lit(datasetIri)],
      ['dct:publisher', iri(publisherIri)],
      ['dcat:contactPoint', iri(contactIri)],
      ...langs.flatMap((l) => keywords(report, l, parts.finance).map((k): [QName, RdfObject] => ['dcat:keyword', lit(k, l)])),
      ...themes.map((th): [QName, RdfObject] => ['dcat:theme', iri(th)]),
      ['dct:temporal', iri(periodIri)],
      ['dct:spatial', iri(spatialIri)],
      ['dct:conformsTo', iri(input.schemaId)],
      ['dct:language', iri(LANGUAGE[report.language]!)],
      ['dct:accessRights', iri(`${EU}access-right/PUBLIC`)],
      ['dct:issued', date(issued)],
      ['dct:modified', date(issued)],
      ...input.files.map((file): [QName, RdfObject] => ['dcat:distribution', iri(distIri(file.path))]),
    ],
  };

  const publisher: RdfNode = {
    iri: publisherIri,
    types: ['foaf:Agent'],
    props: [
      ['foaf:name', lit(report.municipality.name, report.language)],
      ['dct:type', iri('http://purl.org/adms/publishertype/LocalAuthority')],
    ],
  };

  const contact = report.contact;
  const contactPoint: RdfNode = {
    iri: contactIri,
    types: ['vcard:Organization'],
    props: [
      ['vcard:fn', lit(contact?.name ?? report.body.name, report.language)],
      ...(contact?.email ? [['vcard:hasEmail', iri(`mailto:${contact.email.replace(/^mailto:/i, '')}`)] as [QName, RdfObject]] : []),
      ...(contact?.url ? [['vcard:hasURL', iri(contact.url)] as [QName, RdfObject]] : []),
      ...(contact?.phone ? [['vcard:hasTelephone', iri(`tel:${contact.phone.replace(/[^+\d]/g, '')}`)] as [QName, RdfObject]] : []),
    ],
  };

  const period: RdfNode = {
    iri: periodIri,
    types: ['dct:PeriodOfTime'],
    props: [
      ['dcat:startDate', date(report.period.start)],
      ['dcat:endDate', date(report.period.end)],
    ],
  };

  const place: RdfNode = {
    iri: spatialIri,
    types: ['dct:Location'],
    props: [['dct:identifier', lit(report.municipality.code)]],
  };

  const standard: RdfNode = { iri: input.schemaId, types: ['dct:Standard'], props: [['dct:title', lit('report.schema.json')]] };

  const distributions = input.files.flatMap((file): RdfNode[] => {
    const d = distIri(file.path);
    const mediaType = file.mediaType.split(';')[0]!.trim();
    const checksumIri = `${d}-checksum`;
    return [
      {
        iri: d,
        types: ['dcat:Distribution'],
        props: [
          ['dct:title', lit(`${file.path}: ${file.title}`, 'en')],
          ['dct:description', lit(file.description, 'en')],
          ['dcat:accessURL', iri(baseUrl + file.path)],
          ['dcat:downloadURL', iri(baseUrl + file.path)],
          ['dcat:mediaType', iri(`https://www.iana.org/assignments/media-types/${mediaType}`)],
          ...(FILE_TYPE[mediaType] ? [['dct:format', iri(FILE_TYPE[mediaType])] as [QName, RdfObject]] : []),
          ['dct:license', iri(licence)],
          ['dcat:byteSize', { value: String(file.bytes), datatype: 'xsd:nonNegativeInteger' }],
          ['spdx:checksum', iri(checksumIri)],
          ...(file.conformsTo ? [['dct:conformsTo', iri(file.conformsTo)] as [QName, RdfObject]] : []),
          ['dct:issued', date(issued)],
        ],
      },
      {
        iri: checksumIri,
        types: ['spdx:Checksum'],
        props: [
          ['spdx:algorithm', iri(`${'http://spdx.org/rdf/terms#'}checksumAlgorithm_sha256`)],
          ['spdx:checksumValue', { value: file.sha256, datatype: 'xsd:hexBinary' }],
        ],
      },
    ];
  });

  return [catalog, dataset, publisher, contactPoint, period, place, standard, ...distributions];
}
