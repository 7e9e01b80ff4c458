// One DCAT-AP-SE catalogue for a site: the publisher described once (named by its
// organisationsnummer, as dataportal.se merges publishers), the contact point, and every
// report's dataset with its distributions, built by the same builder as a report's own
// dcat.rdf. Sorted by dataset address and free of the clock, so the same reports give the
// same bytes. The site's build writes it as catalog.rdf (harvested) and catalog.jsonld.
import { createDiagnostic, presets, type Diagnostic, type Report, type SiteSettings } from '@kommunrapport/model';
import { documentDate } from '@kommunrapport/core';
import { DEFAULT_OPTIONS, type OpenDataOptions } from './options.js';
import { OPEN_DATA_CODES, type OpenDataCode } from './diagnostics.js';
import { openDataFiles, openDataBaseUrl, publishedOptions } from './plugin.js';
import { buildDatasetNodes, contactFor, contactNode, datasetIri, sitePublisherNode, siteCatalogueIri, siteContactIri, CATALOGUE_LICENCE, LANGUAGE, EU_THEMES } from './dcat.js';
import { toJsonLd, toRdfXml, type QName, type RdfNode, type RdfObject } from './rdf.js';

/** One report of the site: the report, its web page and the address of its open-data folder. */
export interface SiteCatalogueEntry {
  report: Report;
  /** Absolute address of the report's page on the site (dcat:landingPage). */
  pageUrl: string;
  /** Absolute address of the report's published open-data folder, ending in `/`. */
  openDataUrl: string;
  /** The document date the open data was built with; default: the build's rule (report date, SOURCE_DATE_EPOCH, period end). */
  documentDate?: Date;
}

/** Optional settings of the catalogue beyond the site's. */
export interface SiteCatalogueOptions {
  /**
   * The open-data plugin's options the reports were built with (decoded; default: the
   * defaults), so that the catalogue describes the published files as they are: their
   * licence, the kommun's IRI (dct:spatial), their sizes and hashes.
   */
  options?: OpenDataOptions;
  /** Environment for the default document date (SOURCE_DATE_EPOCH); default process.env. */
  env?: Record<string, string | undefined>;
}

const HTTP = /^https?:\/\/[^\s<>"{}|\\^`]+$/i;
const lit = (value: string, lang?: string): RdfObject => (lang ? { value, lang } : { value });
const iri = (i: string): RdfObject => ({ iri: i });
const date = (d: string): RdfObject => ({ value: d, datatype: 'xsd:date' });

/** The catalogue's title in a language: the publisher's (or site's) name and the vocabulary's word for open data. */
function catalogueTitle(name: string, lang: 'sv' | 'en'): string {
  return `${name}: ${(lang === 'en' ? presets['generic-en'] : presets.generic).terms.formatOpenData}`;
}

/** The catalogue's description in a language: what its datasets hold, in the preset's words. */
function catalogueDescription(name: string, lang: 'sv' | 'en'): string {
  const g = lang === 'en' ? presets['generic-en'] : presets.generic;
  const contents = [g.terms.summary, g.levels.area.plural, g.levels.goal.plural, g.levels.indicator.plural, g.terms.finance, g.terms.workforce];
  return `${catalogueTitle(name, lang)}: ${contents.join(', ')}.`;
}

/**
 * Builds the site's one DCAT-AP-SE catalogue (RDF/XML and JSON-LD) from its reports, with
 * findings about what DCAT-AP-SE needs and the entries lack (an error means the catalogue
 * should not be published).
 */
export function buildSiteCatalogue(site: SiteSettings, entries: readonly SiteCatalogueEntry[], options: SiteCatalogueOptions = {}): { rdfXml: string; jsonLd: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const add = (code: OpenDataCode, path: string, detail: string, extra: Partial<Diagnostic> = {}) =>
    diagnostics.push({ ...createDiagnostic(code, OPEN_DATA_CODES[code], { detail }, { path, file: 'catalog.rdf' }), ...extra });
  const catalogIri = siteCatalogueIri(site);
  const lang = site.language ?? 'sv';
  const publisher = sitePublisherNode(site);
  const published = publishedOptions(options.options ?? DEFAULT_OPTIONS, site);

  const datasets: { iri: string; nodes: RdfNode[]; date: string; language: string }[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const { report } = entry;
    const where = `reports[${report.id}]`;
    let bad = false;
    for (const [name, value] of [['openDataUrl', entry.openDataUrl], ['pageUrl', entry.pageUrl]] as const) {
      if (!HTTP.test(value)) {
        add('open-data-dcat-iri', `${where}.${name}`, `The ${name} of report ${report.id} is not an absolute http(s) address.`, { expected: 'an absolute https:// address', found: JSON.stringify(value) });
        bad = true;
      }
    }
    if (bad) continue;
    const baseUrl = openDataBaseUrl(report, entry.openDataUrl);
    const first = seen.get(baseUrl);
    if (first !== undefined) {
      add('open-data-duplicate-dataset', `${where}.openDataUrl`, `Reports ${first} and ${report.id} have the same open-data address, so the catalogue would merge their datasets.`, { expected: 'one open-data folder per report', found: baseUrl });
      continue;
    }
    seen.set(baseUrl, report.id);
    const when = entry.documentDate ?? documentDate(report, options.env);
    const { dcat } = openDataFiles(report, { ...published, baseUrl }, when);
    const contact = contactFor(report, baseUrl, site);
    if (!contact.email) add('open-data-contact-email', `${where}.contact.email`, `The contact point of report ${report.id} has no e-mail address.`, { expected: 'vcard:hasEmail <mailto:…>', found: 'no e-mail address' });
    const nodes = buildDatasetNodes(dcat, { publisherIri: publisher.iri, contactIri: contact.iri, landingPage: entry.pageUrl });
    datasets.push({ iri: datasetIri(baseUrl), nodes: [nodes[0]!, contactNode(contact, contact.iri === siteContactIri(site) ? lang : report.language), ...nodes.slice(1)], date: dcat.date, language: report.language });
  }
  datasets.sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));

  const name = site.title ?? site.publisher.name;
  const count = datasets.length;
  const dates = datasets.map((d) => d.date).sort();
  const languages = [...new Set([lang, ...datasets.map((d) => d.language)])].sort();
  const catalog: RdfNode = {
    iri: catalogIri,
    types: ['dcat:Catalog'],
    props: [
      ...(['sv', 'en'] as const).flatMap((l): [QName, RdfObject][] => [
        ['dct:title', lit(catalogueTitle(name, l), l)],
        ['dct:description', lit(catalogueDescription(name, l), l)],
      ]),
      ['dct:publisher', iri(publisher.iri)],
      ['dct:license', iri(CATALOGUE_LICENCE)],
      ...languages.flatMap((l): [QName, RdfObject][] => (LANGUAGE[l] ? [['dct:language', iri(LANGUAGE[l])]] : [])),
      ['foaf:homepage', iri(site.baseUrl)],
      ['dcat:themeTaxonomy', iri(EU_THEMES)],
      ...(dates.length > 0 ? ([['dct:issued', date(dates[0]!)], ['dct:modified', date(dates[dates.length - 1]!)]] as [QName, RdfObject][]) : []),
      ...datasets.map((d): [QName, RdfObject] => ['dcat:dataset', iri(d.iri)]),
    ],
  };
  if (count === 0) add('open-data-dcat-mandatory', 'reports', 'The catalogue has no dataset; DCAT-AP-SE requires at least one dcat:dataset.', { expected: 'at least one report', found: 'none' });

  // A node named twice (the kommun's place, the schema, a shared contact point) is written once.
  const nodes: RdfNode[] = [];
  const written = new Set<string>();
  for (const n of [catalog, publisher, ...datasets.flatMap((d) => d.nodes)]) {
    if (written.has(n.iri)) continue;
    written.add(n.iri);
    nodes.push(n);
  }
  return { rdfXml: toRdfXml(nodes), jsonLd: toJsonLd(nodes), diagnostics };
}
