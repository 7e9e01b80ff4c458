// DCAT-AP-SE metadata: dcat.rdf parses as RDF/XML (rdfxml-streaming-parser), dcat.jsonld
// parses as JSON-LD to exactly the same triples, and every mandatory property is there with
// absolute IRIs. Options change the base IRI, the licence and the place.
import { describe, expect, it, beforeAll } from 'vitest';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { JsonLdParser } from 'jsonld-streaming-parser';
import type * as RDF from '@rdfjs/types';
import type { Artifact } from '@kommunrapport/core';
import { ESKILSTUNA, MINIMAL, loadFile, render, text } from './helpers.js';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

function collect(parser: { on(e: string, f: (x: unknown) => void): unknown; write(s: string): unknown; end(): unknown }, input: string): Promise<RDF.Quad[]> {
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

class Graph {
  constructor(readonly quads: RDF.Quad[]) {}
  of(type: string): string[] {
    return this.quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
  }
  values(subject: string, predicate: string): RDF.Term[] {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
  }
}

describe.each([
  ['Eskilstuna example', ESKILSTUNA],
  ['minimal fixture', MINIMAL],
])('DCAT-AP-SE of the %s', (_n, file) => {
  let artifacts: Artifact[];
  let xml: Graph;
  let jsonld: Graph;
  beforeAll(async () => {
    artifacts = await render(loadFile(file));
    xml = new Graph(await collect(new RdfXmlParser(), text(artifacts, 'dcat.rdf')));
    jsonld = new Graph(await collect(new JsonLdParser(), text(artifacts, 'dcat.jsonld')));
  });

  it('parses dcat.rdf as RDF/XML and dcat.jsonld as JSON-LD to the same triples', () => {
    expect(xml.quads.length).toBeGreaterThan(100);
    expect(jsonld.quads.map(key).sort()).toEqual(xml.quads.map(key).sort());
  });

  it('has every mandatory property of catalogue, dataset and distribution, with absolute IRIs', () => {
    const [catalog] = xml.of(`${DCAT}Catalog`);
    const [dataset] = xml.of(`${DCAT}Dataset`);
    expect(catalog).toBeDefined();
    expect(dataset).toBeDefined();
    for (const subject of [catalog!, dataset!]) {
      for (const lang of ['sv', 'en']) {
        expect(xml.values(subject, `${DCT}title`).some((t) => (t as RDF.Literal).language === lang && t.value.length > 0), `title ${lang}`).toBe(true);
        expect(xml.values(subject, `${DCT}description`).some((t) => (t as RDF.Literal).language === lang && t.value.length > 0), `description ${lang}`).toBe(true);
      }
      const [publisher] = xml.values(subject, `${DCT}publisher`);
      expect(publisher?.termType).toBe('NamedNode');
      expect(xml.values(publisher!.value, RDF_TYPE).map((t) => t.value)).toContain(`${FOAF}Agent`);
      expect(xml.values(publisher!.value, `${FOAF}name`)[0]?.value).toBeTruthy();
    }
    expect(xml.values(catalog!, `${DCAT}dataset`).map((t) => t.value)).toEqual([dataset]);
    const distributions = xml.values(dataset!, `${DCAT}distribution`);
    expect(distributions.length).toBeGreaterThanOrEqual(20);
    for (const d of distributions) {
      expect(xml.values(d.value, RDF_TYPE).map((t) => t.value)).toContain(`${DCAT}Distribution`);
      const [access] = xml.values(d.value, `${DCAT}accessURL`);
      expect(access?.termType).toBe('NamedNode');
      expect(access!.value).toMatch(/^https:\/\/data\.example\.se\/0484\/rapport\/[a-z_.]+$/);
      expect(xml.values(d.value, `${DCT}license`).map((t) => t.value)).toEqual(['http://creativecommons.org/publicdomain/zero/1.0/']);
    }
    // Every IRI in the graph is absolute.
    for (const q of xml.quads) for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode') expect(t.value).toMatch(/^(https?|mailto|tel):/);
  });

  it('states period, place, schema, contact point, keywords, themes and dates', () => {
    const report = loadFile(file);
    const [dataset] = xml.of(`${DCAT}Dataset`);
    const [period] = xml.values(dataset!, `${DCT}temporal`);
    expect(xml.values(period!.value, `${DCAT}startDate`)[0]).toMatchObject({ value: report.period.start });
    expect(xml.values(period!.value, `${DCAT}endDate`)[0]).toMatchObject({ value: report.period.end });
    expect(xml.values(dataset!, `${DCT}spatial`).map((t) => t.value)).toEqual([`https://api.kolada.se/v2/municipality/${report.municipality.code}`]);
    expect(xml.values(dataset!, `${DCT}conformsTo`).map((t) => t.value)).toEqual([JSON.parse(text(artifacts, 'report.json')).$schema]);
    const [contact] = xml.values(dataset!, `${DCAT}contactPoint`);
    expect(xml.values(contact!.value, `${VCARD}fn`)[0]?.value).toBe(report.contact?.name ?? report.body.name);
    expect(xml.values(dataset!, `${DCAT}keyword`).length).toBeGreaterThanOrEqual(6);
    expect(xml.values(dataset!, `${DCAT}theme`).map((t) => t.value)).toContain('http://publications.europa.eu/resource/authority/data-theme/GOVE');
    const issued = xml.values(dataset!, `${DCT}issued`)[0] as RDF.Literal;
    expect(issued.datatype.value).toBe('http://www.w3.org/2001/XMLSchema#date');
    expect(issued.value).toBe(report.date ?? report.period.end);
  });
});

describe('DCAT options and escaping', () => {
  it('uses the licence, base IRI and place given as options', async () => {
    const artifacts = await render(loadFile(MINIMAL), {
      baseUrl: 'https://oppnadata.exempelstad.se/rapporter/2022',
      licence: 'http://creativecommons.org/licenses/by/4.0/',
      spatial: 'https://www.wikidata.org/entity/kommun-{kommunkod}',
    });
    const rdf = text(artifacts, 'dcat.rdf');
    expect(rdf).toContain('rdf:about="https://oppnadata.exempelstad.se/rapporter/2022/#dataset"');
    expect(rdf).toContain('<dcat:accessURL rdf:resource="https://oppnadata.exempelstad.se/rapporter/2022/areas.csv"/>');
    expect(rdf).toContain('<dct:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>');
    // DCAT-AP-SE requires CC0 1.0 on the catalogue itself; the data keep the licence given.
    const catalogue = rdf.slice(rdf.indexOf('<dcat:Catalog'), rdf.indexOf('</dcat:Catalog>'));
    expect(catalogue).toContain('<dct:license rdf:resource="http://creativecommons.org/publicdomain/zero/1.0/"/>');
    expect(rdf.slice(rdf.indexOf('</dcat:Catalog>'))).not.toContain('publicdomain');
    expect(rdf).toContain('<dct:spatial rdf:resource="https://www.wikidata.org/entity/kommun-0999"/>');
    expect(JSON.parse(text(artifacts, 'datapackage.json')).licenses[0].name).toBe('CC-BY-4.0');
  });

  it('escapes markup characters of the report in RDF/XML', async () => {
    const base = (await import('node:fs')).readFileSync(MINIMAL, 'utf8');
    const { loadText } = await import('./helpers.js');
    const report = loadText(base.replace('name: Exempelstad', 'name: "Exempel & <stad> \\"Ö\\""'));
    const artifacts = await render(report);
    const rdf = text(artifacts, 'dcat.rdf');
    expect(rdf).toContain('Exempel &amp; &lt;stad&gt; &quot;Ö&quot;');
    const quads = await collect(new RdfXmlParser(), rdf);
    expect(quads.some((q) => q.object.value === 'Exempel & <stad> "Ö"')).toBe(true);
  });

  it('reports open-data-base-url when baseUrl is left out without a site, and only then', async () => {
    const { createRenderContext } = await import('@kommunrapport/core');
    const { default: plugin, OpenDataOptions } = await import('../src/index.js');
    const findings = async (file: string, input: unknown) => {
      const report = loadFile(file);
      const decoded = OpenDataOptions.decode(input);
      if (decoded._tag === 'Left') throw new Error('bad options');
      const logged: string[] = [];
      const seen: { code: string; message: string }[] = [];
      const reportFinding = (code: string, args: { detail: string }) => void seen.push({ code, message: args.detail });
      const ctx = createRenderContext(report, decoded.right, { env: {}, logger: { info: () => {}, warn: (m) => logged.push(m) }, report: reportFinding as never });
      await plugin.render(report, ctx);
      expect(logged).toEqual([]);
      return seen.filter((f) => f.code === 'open-data-base-url');
    };
    expect(await findings(MINIMAL, { baseUrl: 'https://data.exempelstad.se/' })).toEqual([]);
    expect(await findings(ESKILSTUNA, { baseUrl: 'https://data.eskilstuna.se/' })).toEqual([]);
    const seen = await findings(ESKILSTUNA, {});
    expect(seen).toHaveLength(1);
    expect(seen[0]!.message).toMatch(/without the option baseUrl.*https:\/\/example\.org\/kommunrapport\/\{report\}\/open-data\//);
  });

  it('rejects options that are not absolute IRIs or not known', async () => {
    const { OpenDataOptions } = await import('../src/index.js');
    expect(OpenDataOptions.decode({ baseUrl: 'oppnadata/' })._tag).toBe('Left');
    expect(OpenDataOptions.decode({ licence: 'CC0' })._tag).toBe('Left');
    expect(OpenDataOptions.decode({ baseURL: 'https://x.se/' })._tag).toBe('Left');
    const ok = OpenDataOptions.decode(undefined);
    expect(ok._tag === 'Right' && ok.right).toEqual({
      baseUrl: 'https://example.org/kommunrapport/{report}/open-data/',
      licence: 'http://creativecommons.org/publicdomain/zero/1.0/',
      spatial: 'https://api.kolada.se/v2/municipality/{kommunkod}',
    });
  });
});
