// DCAT-AP-SE metadata of the open data: one dataset per report with one distribution per
// published file, titles and descriptions in Swedish and English, publisher, licence,
// period, place, contact point, keywords and themes. The same dataset nodes go into the
// per-report catalogue (dcat.rdf) and into the site's one catalogue (catalog.rdf), so both
// describe a report alike. Words come from the report and the governance vocabularies.
//
// Followed: DCAT-AP-SE 3.0.1 (github.com/diggsweden/DCAT-AP-SE: 3.0.1/bundle.json and the
// templates/ it is built from, exempel/obligatoriskt.rdf, docs/harvesting.md). Mandatory
// (cardinality min 1): catalogue dct:title (language-tagged), dct:description, dct:publisher
// (1..1), dct:license (1..1, CC0 1.0 in Sweden), dcat:dataset; dataset dct:title,
// dct:description, dct:publisher (1..1); distribution dcat:accessURL (1..1, http(s)); agent
// foaf:name; contact point vcard:fn and vcard:hasEmail (mailto). docs/harvesting.md: the
// publisher is described once, named http://dataportal.se/organisation/SE<orgnr>; no blank
// nodes for catalogue, datasets, distributions, publishers and contacts; absolute IRIs.
import { plainText, presets, REPORT_KIND_TERM, type Report, type Governance, type SiteSettings, type Publisher } from '@kommunrapport/model';
import { reportKommuner, reportOwner, reportPublisher } from '@kommunrapport/core';
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
/** Language IRIs of the EU vocabulary, by the report's language. */
export const LANGUAGE: Record<string, string> = { sv: `${EU}language/SWE`, en: `${EU}language/ENG` };
/** The EU data-theme vocabulary (dcat:themeTaxonomy). */
export const EU_THEMES = `${EU}data-theme`;
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
  const place = reportOwner(report);
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
  const words = [g.terms[REPORT_KIND_TERM[report.kind]], ...reportKommuner(report).map((k) => k.name), report.body.name, g.levels.indicator.plural, ...(finance ? [g.terms.finance] : [])];
  return [...new Set(words.map((w) => w.toLowerCase()))];
}

/** The publishing organisation's IRI as dataportal.se merges publishers: `http://dataportal.se/organisation/SE<orgnr, digits only>`. */
export function publisherIri(publisher: Pick<Publisher, 'organisationNumber'>): string {
  return `http://dataportal.se/organisation/SE${publisher.organisationNumber.replace(/\D/g, '')}`;
}

/** The IRI of a site's catalogue: its RDF/XML file, at a stable address below the site. */
export const siteCatalogueIri = (site: Pick<SiteSettings, 'baseUrl'>): string => `${site.baseUrl}catalog.rdf#catalog`;
/** The IRI of a site's shared contact point (differs from the publisher's, as dataportal.se requires). */
export const siteContactIri = (site: Pick<SiteSettings, 'baseUrl'>): string => `${site.baseUrl}catalog.rdf#contact-point`;

/** The publisher node of a report without site settings: its kommun (a kommunalförbund: the förbund itself), named below the report's folder. */
function reportPublisherNode(report: Report, baseUrl: string): RdfNode {
  return {
    iri: `${baseUrl}#publisher`,
    types: ['foaf:Agent'],
    props: [
      ['foaf:name', lit(reportPublisher(report), report.language)],
      ['dct:type', iri('http://purl.org/adms/publishertype/LocalAuthority')],
    ],
  };
}

/** The site's publisher node: the organisation with its organisationsnummer (dct:identifier), named as dataportal.se expects. */
export function sitePublisherNode(site: SiteSettings): RdfNode {
  const p = site.publisher;
  return {
    iri: publisherIri(p),
    types: ['foaf:Organization', 'foaf:Agent'],
    props: [
      ['foaf:name', lit(p.name, site.language ?? 'sv')],
      ['dct:identifier', lit(p.organisationNumber)],
      ...(p.municipalityCode ? [['dct:type', iri('http://purl.org/adms/publishertype/LocalAuthority')] as [QName, RdfObject]] : []),
      ...(p.url ? [['foaf:homepage', iri(p.url)] as [QName, RdfObject]] : []),
    ],
  };
}

/** Where data users write about a report: the report's own contact when it has an e-mail address, else the site's. */
export interface ContactChoice {
  iri: string;
  name: string;
  email?: string;
  phone?: string;
  url?: string;
}

/** Chooses the contact point of a report's dataset (see {@link ContactChoice}). */
export function contactFor(report: Report, baseUrl: string, site?: SiteSettings): ContactChoice {
  const own = report.contact;
  if (own?.email || !site) {
    return { iri: `${baseUrl}#contact-point`, name: own?.name ?? report.body.name, ...(own?.email ? { email: own.email } : {}), ...(own?.phone ? { phone: own.phone } : {}), ...(own?.url ? { url: own.url } : {}) };
  }
  const c = site.contact;
  return { iri: siteContactIri(site), name: c.name, email: c.email, ...(c.phone ? { phone: c.phone } : {}), ...(c.url ? { url: c.url } : {}) };
}

/** The contact point as a vcard:Organization; vcard:hasEmail is a mailto IRI. */
export function contactNode(contact: ContactChoice, lang: string): RdfNode {
  return {
    iri: contact.iri,
    types: ['vcard:Organization'],
    props: [
      ['vcard:fn', lit(contact.name, lang)],
      ...(contact.email ? [['vcard:hasEmail', iri(`mailto:${contact.email.replace(/^mailto:/i, '')}`)] as [QName, RdfObject]] : []),
      ...(contact.url ? [['vcard:hasURL', iri(contact.url)] as [QName, RdfObject]] : []),
      ...(contact.phone ? [['vcard:hasTelephone', iri(`tel:${contact.phone.replace(/[^+\d]/g, '')}`)] as [QName, RdfObject]] : []),
    ],
  };
}

/** What one report's dataset nodes need besides {@link DcatInput}: who publishes, whom to contact, the report's web page. */
export interface DatasetRefs {
  publisherIri: string;
  contactIri: string;
  /** The report's web page (dcat:landingPage), when known. */
  landingPage?: string;
}

/** The IRI of a report's dataset: its open-data folder with `#dataset`. */
export const datasetIri = (baseUrl: string): string => `${baseUrl}#dataset`;

/** The IRI of the distribution of one file of the dataset. */
function distributionIri(baseUrl: string, path: string): string {
  return `${baseUrl}#distribution-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The nodes of one report's dataset: the dataset, its period, place and standard, and its
 * distributions with their checksums. The one builder for the per-report and the site catalogue.
 */
export function buildDatasetNodes(input: DcatInput, refs: DatasetRefs): RdfNode[] {
  const { report, baseUrl, licence, date: issued } = input;
  const facts = collectFacts(report);
  const parts = { finance: facts.tables.length > 0 || facts.deviations.length > 0, workforce: facts.workforce.length > 0 };
  const periodIri = `${baseUrl}#period`;
  // The kommuner the report covers: a kommunalförbund's members (else its seat), any other report's kommun.
  const spatial = reportKommuner(report).map((k) => ({ iri: input.spatial.replace('{kommunkod}', k.code), code: k.code }));
  const langs = ['sv', 'en'] as const;

  const themes = [`${EU}data-theme/GOVE`, ...(parts.finance ? [`${EU}data-theme/ECON`] : [])];
  const dataset: RdfNode = {
    iri: datasetIri(baseUrl),
    types: ['dcat:Dataset'],
    props: [
      ...langs.map((l): [QName, RdfObject] => ['dct:title', lit(datasetTitle(report, l), l)]),
      ...langs.map((l): [QName, RdfObject] => ['dct:description', lit(datasetDescription(report, l, parts), l)]),
      ['dct:identifier', lit(datasetIri(baseUrl))],
      ['dct:publisher', iri(refs.publisherIri)],
      ['dcat:contactPoint', iri(refs.contactIri)],
      ...(refs.landingPage ? [['dcat:landingPage', iri(refs.landingPage)] as [QName, RdfObject]] : []),
      ...langs.flatMap((l) => keywords(report, l, parts.finance).map((k): [QName, RdfObject] => ['dcat:keyword', lit(k, l)])),
      ...themes.map((th): [QName, RdfObject] => ['dcat:theme', iri(th)]),
      ['dct:temporal', iri(periodIri)],
      ...spatial.map((p): [QName, RdfObject] => ['dct:spatial', iri(p.iri)]),
      ['dct:conformsTo', iri(input.schemaId)],
      ['dct:language', iri(LANGUAGE[report.language]!)],
      ['dct:accessRights', iri(`${EU}access-right/PUBLIC`)],
      ['dct:issued', date(issued)],
      ['dct:modified', date(issued)],
    ],
  };
  // A loop, not an arrow made per report (V8 would drop its optimised code at each full collection).
  for (const file of input.files) dataset.props.push(['dcat:distribution', iri(distributionIri(baseUrl, file.path))]);

  const period: RdfNode = {
    iri: periodIri,
    types: ['dct:PeriodOfTime'],
    props: [
      ['dcat:startDate', date(report.period.start)],
      ['dcat:endDate', date(report.period.end)],
    ],
  };

  const places = spatial.map((p): RdfNode => ({ iri: p.iri, types: ['dct:Location'], props: [['dct:identifier', lit(p.code)]] }));

  const standard: RdfNode = { iri: input.schemaId, types: ['dct:Standard'], props: [['dct:title', lit('report.schema.json')]] };

  const distributions = input.files.flatMap((file): RdfNode[] => {
    const d = distributionIri(baseUrl, file.path);
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

  return [dataset, period, ...places, standard, ...distributions];
}

/** Builds one report's DCAT-AP-SE graph: catalogue, publisher, contact point and the report's dataset nodes. */
export function buildDcat(input: DcatInput & { site?: SiteSettings }): RdfNode[] {
  const { report, baseUrl, date: issued, site } = input;
  const facts = collectFacts(report);
  const parts = { finance: facts.tables.length > 0 || facts.deviations.length > 0, workforce: facts.workforce.length > 0 };
  const publisher = site ? sitePublisherNode(site) : reportPublisherNode(report, baseUrl);
  const contact = contactFor(report, baseUrl, site);
  const langs = ['sv', 'en'] as const;
  const catalog: RdfNode = {
    iri: `${baseUrl}#catalog`,
    types: ['dcat:Catalog'],
    props: [
      ...langs.map((l): [QName, RdfObject] => ['dct:title', lit(datasetTitle(report, l), l)]),
      ...langs.map((l): [QName, RdfObject] => ['dct:description', lit(datasetDescription(report, l, parts), l)]),
      ['dct:publisher', iri(publisher.iri)],
      // DCAT-AP-SE (templates/dcat:Catalog/dcat:dcterms:license_ca): the catalogue's own licence is CC0 1.0 in Sweden.
      ['dct:license', iri(CATALOGUE_LICENCE)],
      ['dct:language', iri(LANGUAGE[report.language]!)],
      ['dct:issued', date(issued)],
      ['dct:modified', date(issued)],
      ['dcat:dataset', iri(datasetIri(baseUrl))],
    ],
  };
  const dataset = buildDatasetNodes(input, { publisherIri: publisher.iri, contactIri: contact.iri });
  return [catalog, dataset[0]!, publisher, contactNode(contact, report.language), ...dataset.slice(1)];
}

/** The licence of every catalogue (DCAT-AP-SE requires CC0 1.0 on the catalogue itself). */
export const CATALOGUE_LICENCE = 'http://creativecommons.org/publicdomain/zero/1.0/';
