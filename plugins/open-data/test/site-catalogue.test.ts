// One DCAT-AP-SE catalogue for a site: the bundled examples as one site's reports, parsed
// with a real RDF/XML parser (the one validate-open-data uses) and a JSON-LD parser: one
// catalogue, the publisher described once and named by organisationsnummer, every report's
// dataset with its distributions, the same dataset nodes as the report's own dcat.rdf, the
// same bytes for the same reports in any order.
import { describe, expect, it, beforeAll } from 'vitest';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { JsonLdParser } from 'jsonld-streaming-parser';
import type * as RDF from '@rdfjs/types';
import type { Report, SiteSettings } from '@kommunrapport/model';
import { createRenderContext } from '@kommunrapport/core';
import plugin, { buildSiteCatalogue, checkDcat, OpenDataOptions, publisherIri } from '../src/index.js';
import { ESKILSTUNA, SOLBERGA, MINIMAL, loadFile, text } from './helpers.js';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const SITE: SiteSettings = {
  publisher: { name: 'Eskilstuna kommun', organisationNumber: '212000-0340', municipalityCode: '0484', url: 'https://www.eskilstuna.se/' },
  baseUrl: 'https://rapporter.eskilstuna.se/',
  contact: { name: 'Kommunledningskontoret', email: 'oppnadata@eskilstuna.se' },
};
const entry = (report: Report) => ({ report, pageUrl: `${SITE.baseUrl}${report.id}/`, openDataUrl: `${SITE.baseUrl}${report.id}/open-data/` });

function parse(parser: { on(e: string, f: (x: unknown) => void): unknown; write(s: string): unknown; end(): unknown }, input: string): Promise<RDF.Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: RDF.Quad[] = [];
    parser.on('data', (q) => quads.push(q as RDF.Quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(input);
    parser.end();
  });
}
const key = (q: RDF.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, (q.object as RDF.Literal).language, (q.object as RDF.Literal).datatype.value]) : q.object.value}`;

describe('the site catalogue of three bundled reports', () => {
  let reports: Report[];
  let built: ReturnType<typeof buildSiteCatalogue>;
  let quads: RDF.Quad[];
  const of = (type: string) => quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
  const values = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
  beforeAll(async () => {
    reports = [ESKILSTUNA, SOLBERGA, MINIMAL].map(loadFile);
    built = buildSiteCatalogue(SITE, reports.map(entry), { env: {} });
    quads = await parse(new RdfXmlParser(), built.rdfXml);
  });

  it('parses as RDF/XML and as JSON-LD to the same triples, and passes the DCAT-AP-SE check with no finding', async () => {
    expect(built.diagnostics).toEqual([]);
    const jsonld = await parse(new JsonLdParser(), built.jsonLd);
    expect(jsonld.map(key).sort()).toEqual(quads.map(key).sort());
    expect(checkDcat(built.rdfXml, 'catalog.rdf')).toEqual([]);
  });

  it('has one catalogue listing every report\'s dataset, and the publisher once, named by organisationsnummer', () => {
    expect(of(`${DCAT}Catalog`)).toEqual([`${SITE.baseUrl}catalog.rdf#catalog`]);
    const datasets = values(`${SITE.baseUrl}catalog.rdf#catalog`, `${DCAT}dataset`).map((t) => t.value);
    expect(datasets).toEqual(reports.map((r) => `${SITE.baseUrl}${r.id}/open-data/#dataset`).sort());
    expect(of(`${DCAT}Dataset`).sort()).toEqual(datasets);
    const agents = [...new Set([...of(`${FOAF}Agent`), ...of(`${FOAF}Organization`)])];
    expect(agents).toEqual(['http://dataportal.se/organisation/SE2120000340']);
    expect(publisherIri(SITE.publisher)).toBe(agents[0]);
    expect(values(agents[0]!, `${DCT}identifier`).map((t) => t.value)).toEqual(['212000-0340']);
    for (const d of [`${SITE.baseUrl}catalog.rdf#catalog`, ...datasets]) expect(values(d, `${DCT}publisher`).map((t) => t.value)).toEqual([agents[0]]);
    // Each node is written once (the place and the schema are shared by reports).
    const subjects = built.rdfXml.match(/rdf:about="[^"]+"/g)!;
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('gives every dataset its landing page, distributions, languages, themes, period, place and a contact point with e-mail', () => {
    for (const r of reports) {
      const d = `${SITE.baseUrl}${r.id}/open-data/#dataset`;
      expect(values(d, `${DCAT}landingPage`).map((t) => t.value)).toEqual([`${SITE.baseUrl}${r.id}/`]);
      expect(values(d, `${DCAT}distribution`).length).toBeGreaterThan(10);
      expect(values(d, `${DCT}language`)).toHaveLength(1);
      expect(values(d, `${DCAT}theme`).length).toBeGreaterThan(0);
      expect(values(d, `${DCT}temporal`)).toHaveLength(1);
      expect(values(d, `${DCT}spatial`).map((t) => t.value)).toEqual([`https://api.kolada.se/v2/municipality/${r.municipality.code}`]);
      const [contact] = values(d, `${DCAT}contactPoint`);
      const email = values(contact!.value, `${VCARD}hasEmail`).map((t) => t.value);
      // The report's own e-mail when it has one, else the site's.
      expect(email).toEqual([`mailto:${r.contact?.email ?? SITE.contact.email}`]);
      expect(contact!.value).not.toBe('http://dataportal.se/organisation/SE2120000340');
    }
  });

  it('describes each dataset exactly as the report\'s own dcat.rdf built with the site does', async () => {
    const report = reports[0]!;
    const options = OpenDataOptions.decode({});
    if (options._tag === 'Left') throw new Error('options');
    const own = await parse(new RdfXmlParser(), text(await plugin.render(report, createRenderContext(report, options.right, { env: {}, site: { settings: SITE } })), 'dcat.rdf'));
    const d = `${SITE.baseUrl}${report.id}/open-data/#dataset`;
    const datasetTriples = (qs: RDF.Quad[]) => qs.filter((q) => q.subject.value === d && q.predicate.value !== `${DCAT}landingPage`).map(key).sort();
    expect(datasetTriples(own)).toEqual(datasetTriples(quads));
    const publisher = own.find((q) => q.subject.value === d && q.predicate.value === `${DCT}publisher`)!;
    expect(publisher.object.value).toBe('http://dataportal.se/organisation/SE2120000340');
  });

  it('writes the same bytes for the same reports in any order', () => {
    const again = buildSiteCatalogue(SITE, [...reports].reverse().map(entry), { env: {} });
    expect(again.rdfXml).toBe(built.rdfXml);
    expect(again.jsonLd).toBe(built.jsonLd);
  });

  it('reports two reports at one address and an address that is not absolute', () => {
    const [a, b] = reports;
    const { diagnostics } = buildSiteCatalogue(SITE, [entry(a!), { ...entry(b!), openDataUrl: entry(a!).openDataUrl }, { ...entry(reports[2]!), pageUrl: 'rapport/' }], { env: {} });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['open-data-duplicate-dataset', `reports[${b!.id}].openDataUrl`],
      ['open-data-dcat-iri', `reports[${reports[2]!.id}].pageUrl`],
    ]);
    expect(diagnostics[0]!.hint).toBeTruthy();
  });
});
