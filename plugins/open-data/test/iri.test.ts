// Class: identifiers in linked data. contact.url and contact.email are checked in the model
// (absolute http, https or mailto; no spaces, quotes or invisible characters) with the
// place of the value; every accepted address gives a dcat.rdf that an RDF/XML parser reads;
// validate-open-data parses dcat.rdf and refuses one that does not parse or names a
// javascript: IRI. Generated addresses.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReport, WebIri } from '@kommunrapport/model';
import { parseRdfXml, validateOpenDataFiles } from '../src/validate.js';
import { loadText, MINIMAL, render, text } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const yaml = readFileSync(MINIMAL, 'utf8');
const withUrl = (url: string) => yaml.replace('url: https://example.se/kontakt', `url: ${JSON.stringify(url)}`);

const bad = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'ftp://example.se/', '/kontakt', 'example.se', 'https://', 'mailto:', 'https://a b.se/'),
  fc.tuple(fc.webUrl(), fc.constantFrom(' ', '"', '<', '>', '`', '{', '\u202e', '\u200b', '\\', '|', '^')).map(([u, c]) => `${u}${c}x`),
);

describe('IRIs in the model and the linked data', () => {
  it('refuses every address that is not an absolute http, https or mailto IRI, with its line and path', () => {
    fc.assert(
      fc.property(bad, (url) => {
        const { diagnostics } = loadReport(withUrl(url), 'r.yaml');
        // An invisible character in the address also gives its own warning; the refusal is the error.
        const d = diagnostics.find((x) => x.path === 'contact.url' && x.severity === 'error');
        expect(d, url).toMatchObject({ code: 'invalid-value', severity: 'error', line: 21 });
        expect(d!.expected).toContain('web address');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('writes every accepted address into a dcat.rdf that parses as RDF/XML, and validate-open-data accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => WebIri.is(u)), async (url) => {
        const artifacts = await render(loadText(withUrl(url)));
        const rdf = parseRdfXml(text(artifacts, 'dcat.rdf'), 'https://example.org/');
        expect(rdf.errors).toEqual([]);
        expect(rdf.iris).toContain(url.replace(/&amp;/g, '&'));
        const files = new Map(artifacts.filter((a) => a.path.startsWith('open-data/')).map((a) => [a.path.slice(10), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));
        expect(validateOpenDataFiles(files).filter((d) => d.code === 'open-data-rdf')).toEqual([]);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('validate-open-data refuses a dcat.rdf that does not parse or names a javascript: IRI', async () => {
    const artifacts = await render(loadText(yaml));
    const files = new Map(artifacts.filter((a) => a.path.startsWith('open-data/')).map((a) => [a.path.slice(10), typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents]));
    const rdf = new TextDecoder().decode(files.get('dcat.rdf'));
    for (const [broken, message] of [
      [rdf.replace('https://example.se/kontakt', 'https://example.se/a b'), 'cannot be read as RDF/XML'],
      [rdf.replace('https://example.se/kontakt', 'javascript:alert(1)'), 'not an http, https or mailto IRI'],
      [rdf.replace('</rdf:RDF>', ''), 'cannot be read as RDF/XML'],
    ] as const) {
      const copy = new Map(files);
      copy.set('dcat.rdf', new TextEncoder().encode(broken));
      const found = validateOpenDataFiles(copy).filter((d) => d.code === 'open-data-rdf');
      expect(found.length, broken.slice(0, 0) + message).toBeGreaterThan(0);
      expect(found[0]!.message).toContain(message);
    }
  });
});
