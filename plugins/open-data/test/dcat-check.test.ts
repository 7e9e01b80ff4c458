// The DCAT-AP-SE check behind validate-open-data: a valid dcat.rdf has no finding; removing
// any one mandatory property gives the one finding naming that subject and property;
// properties of the wrong kind, relative and non-web IRIs, and placeholder hosts (refused
// unless allowed) each have their own finding. Hosts are generated with fast-check.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRenderContext } from '@kommunrapport/core';
import type { SiteSettings } from '@kommunrapport/model';
import plugin, { checkDcat, isPlaceholderHost } from '../src/index.js';
import { loadFile, MINIMAL, options, text } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const SITE: SiteSettings = {
  publisher: { name: 'Exempelstads kommun', organisationNumber: '212000-9999' },
  baseUrl: 'https://rapporter.exempelstad.se/',
  contact: { name: 'Kommunledningskontoret', email: 'oppnadata@exempelstad.se' },
};
const BASE = 'https://rapporter.exempelstad.se/0999-ks-2022-d2/open-data/';
const CATALOG = `${BASE}#catalog`;
const DATASET = `${BASE}#dataset`;
const PUBLISHER = 'http://dataportal.se/organisation/SE2120009999';
const CONTACT = `${BASE}#contact-point`;
const DISTRIBUTION = `${BASE}#distribution-areas-csv`;

/** The lines of one node's element, by its IRI. */
function block(xml: string, subject: string): [number, number] {
  const start = xml.indexOf(`rdf:about="${subject}"`);
  if (start < 0) throw new Error(`no node ${subject}`);
  const open = xml.lastIndexOf('\n', start) + 1;
  const tag = /<([\w:]+) /.exec(xml.slice(open))![1]!;
  return [open, xml.indexOf(`</${tag}>`, start) + tag.length + 3];
}
/** Removes every value of a property from one node. */
function without(xml: string, subject: string, property: string): string {
  const [from, to] = block(xml, subject);
  const changed = xml.slice(from, to).replace(new RegExp(`\\n *<${property}(?: [^>]*)?(?:/>|>[\\s\\S]*?</${property}>)`, 'g'), '');
  if (changed === xml.slice(from, to)) throw new Error(`${subject} has no ${property}`);
  return xml.slice(0, from) + changed + xml.slice(to);
}
/** Changes one node's lines with a function. */
function edit(xml: string, subject: string, f: (s: string) => string): string {
  const [from, to] = block(xml, subject);
  const changed = f(xml.slice(from, to));
  if (changed === xml.slice(from, to)) throw new Error(`edit of ${subject} changed nothing`);
  return xml.slice(0, from) + changed + xml.slice(to);
}
const summary = (xml: string, allowPlaceholder = false) => checkDcat(xml, 'dcat.rdf', { allowPlaceholder }).map((d) => `${d.code} ${d.path}`);

describe('checkDcat', () => {
  let rdf: string;
  beforeAll(async () => {
    const report = loadFile(MINIMAL);
    rdf = text(await plugin.render(report, createRenderContext(report, options({ baseUrl: BASE }), { env: {}, site: { settings: SITE } })), 'dcat.rdf');
  });

  it('finds nothing in a dcat.rdf as built with the site settings', () => {
    expect(summary(rdf)).toEqual([]);
  });

  it.each([
    ['catalogue', CATALOG, 'dct:title'],
    ['catalogue', CATALOG, 'dct:description'],
    ['catalogue', CATALOG, 'dct:publisher'],
    ['catalogue', CATALOG, 'dct:license'],
    ['catalogue', CATALOG, 'dcat:dataset'],
    ['dataset', DATASET, 'dct:title'],
    ['dataset', DATASET, 'dct:description'],
    ['dataset', DATASET, 'dct:publisher'],
    ['distribution', DISTRIBUTION, 'dcat:accessURL'],
    ['publisher', PUBLISHER, 'foaf:name'],
    ['contact point', CONTACT, 'vcard:fn'],
  ])('names the %s and %s when its mandatory %s is missing', (what, subject, property) => {
    const found = checkDcat(without(rdf, subject, property), 'dcat.rdf');
    expect(found.map((d) => `${d.code} ${d.path}`)).toEqual([`open-data-dcat-mandatory ${subject} ${property}`]);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'dcat.rdf', found: 'nothing' });
    expect(found[0]!.message).toContain(`The ${what} <${subject}> has no ${property}`);
    expect(found[0]!.expected).toContain(property);
    expect(found[0]!.hint).toBeTruthy();
  });

  it('warns (not fails) when the contact point has no e-mail address', () => {
    const found = checkDcat(without(rdf, CONTACT, 'vcard:hasEmail'), 'dcat.rdf');
    expect(found.map((d) => `${d.code} ${d.severity} ${d.path}`)).toEqual([`open-data-contact-email warning ${CONTACT} vcard:hasEmail`]);
  });

  it('refuses a property of the wrong kind: a title without language, a publisher as text, an e-mail that is no mailto IRI, a catalogue licence other than CC0', () => {
    expect(summary(edit(rdf, DATASET, (s) => s.replace(/<dct:title xml:lang="sv">/, '<dct:title>')))).toEqual([`open-data-dcat-kind ${DATASET} dct:title`]);
    expect(summary(edit(rdf, DATASET, (s) => s.replace(`<dct:publisher rdf:resource="${PUBLISHER}"/>`, `<dct:publisher>Exempelstads kommun</dct:publisher>`)))).toEqual([`open-data-dcat-kind ${DATASET} dct:publisher`]);
    expect(summary(edit(rdf, CONTACT, (s) => s.replace('mailto:kommun@example.se', 'https://exempelstad.se/kontakt')))).toEqual([`open-data-dcat-kind ${CONTACT} vcard:hasEmail`]);
    expect(summary(edit(rdf, CATALOG, (s) => s.replace('publicdomain/zero/1.0/', 'licenses/by/4.0/')))).toEqual([`open-data-dcat-kind ${CATALOG} dct:license`]);
  });

  it('refuses a publisher that is referred to but not described, and a file without catalogue', () => {
    const [from, to] = block(rdf, PUBLISHER);
    expect(summary(rdf.slice(0, from) + rdf.slice(to))).toEqual([`open-data-dcat-mandatory ${PUBLISHER} rdf:type`]);
    expect(summary(rdf.replace(/<dcat:Catalog [\s\S]*?<\/dcat:Catalog>\n/, ''))).toEqual(['open-data-dcat-mandatory ']);
  });

  it('refuses relative IRIs, IRIs that are not http, https or mailto, and a file that does not parse', () => {
    const access = `<dcat:accessURL rdf:resource="${BASE}areas.csv"/>`;
    expect(summary(rdf.replace(access, '<dcat:accessURL rdf:resource="areas.csv"/>'))).toEqual([`open-data-rdf ${DISTRIBUTION} dcat:accessURL`]);
    expect(summary(rdf.replace(access, '<dcat:accessURL rdf:resource="javascript:alert(1)"/>'))).toEqual([`open-data-rdf ${DISTRIBUTION} dcat:accessURL`, `open-data-dcat-kind ${DISTRIBUTION} dcat:accessURL`]);
    expect(summary(rdf.replace('</rdf:RDF>', ''))[0]).toMatch(/^open-data-rdf $/);
  });
});

describe('placeholder hosts', () => {
  const reserved = fc.oneof(
    fc.tuple(fc.domain(), fc.constantFrom('example.org', 'example.com', 'example.net', 'EXAMPLE.ORG')).map(([d, h]) => `${d.split('.')[0]}.${h}`),
    fc.constantFrom('example.org', 'example.com', 'example.net', 'localhost'),
    fc.tuple(fc.domain(), fc.constantFrom('invalid', 'example', 'test', 'localhost')).map(([d, tld]) => `${d}.${tld}`),
  );
  const real = fc.domain().filter((d) => !/(^|\.)(invalid|example|test|localhost)$/i.test(d) && !/(^|\.)example\.(org|com|net)$/i.test(d));

  it('knows the reserved hosts, and no other', () => {
    fc.assert(fc.property(reserved, (h) => isPlaceholderHost(h)), { seed: SEED, numRuns: 200 });
    fc.assert(fc.property(real, (h) => !isPlaceholderHost(h)), { seed: SEED, numRuns: 200 });
    for (const h of ['example.se', 'data.example.se', 'exampleorg.se', 'testing.se', 'invalid.se']) expect(isPlaceholderHost(h), h).toBe(false);
  });

  it('refuses a dcat.rdf at a reserved host (web address or e-mail) unless --allow-placeholder is given', async () => {
    const report = loadFile(MINIMAL);
    await fc.assert(
      fc.asyncProperty(reserved, fc.boolean(), async (host, inEmail) => {
        const site = inEmail ? { ...SITE, contact: { ...SITE.contact, email: `data@${host}` } } : SITE;
        const base = inEmail ? BASE : `https://${host}/r/`;
        const minimal = inEmail ? { ...report, contact: undefined } : report;
        const xml = text(await plugin.render(minimal, createRenderContext(minimal, options({ baseUrl: base }), { env: {}, site: { settings: site } })), 'dcat.rdf');
        const found = checkDcat(xml, 'dcat.rdf');
        expect(found.map((d) => d.code)).toEqual(['open-data-placeholder']);
        expect(found[0]!.found).toBe(host.toLowerCase());
        expect(checkDcat(xml, 'dcat.rdf', { allowPlaceholder: true })).toEqual([]);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
