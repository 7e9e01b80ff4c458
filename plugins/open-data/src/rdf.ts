// A small RDF graph (nodes with an IRI, types and properties) and its two serialisations:
// RDF/XML, which the Swedish data portal harvests, and JSON-LD. Every node has an IRI, so
// both files hold exactly the same triples. Everything written into XML is escaped.

/** The namespaces used, by prefix. */
export const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** A prefix of {@link PREFIXES}. */
export type Prefix = keyof typeof PREFIXES;
/** A prefixed name, e.g. `dct:title`. */
export type QName = `${Prefix}:${string}`;

/** The object of a triple: an IRI, or a literal with a language or a datatype. */
export type RdfObject = { iri: string } | { value: string; lang?: string; datatype?: QName };

/** A node of the graph: its IRI, its types and its properties in order. */
export interface RdfNode {
  iri: string;
  types: QName[];
  props: [QName, RdfObject][];
}

/** Expands a prefixed name to its IRI. */
export function expand(name: QName): string {
  const [prefix, local] = name.split(':') as [Prefix, string];
  return PREFIXES[prefix] + local;
}

/** Characters not allowed in XML 1.0 are dropped; the rest is escaped for text and attributes. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

// Plain loops and module-level functions: closures made per call lose their optimised code at
// each full garbage collection, so a batch recompiled them every few reports.

/** The prefix of a prefixed name. */
function prefixOf(name: QName): Prefix {
  return name.split(':')[0] as Prefix;
}

/** Serialises nodes as RDF/XML: one typed element per node, properties as child elements. */
export function toRdfXml(nodes: readonly RdfNode[]): string {
  const used = new Set<Prefix>(['rdf']);
  for (const n of nodes) {
    for (const t of n.types) used.add(prefixOf(t));
    for (const [p, o] of n.props) {
      used.add(prefixOf(p));
      if ('datatype' in o && o.datatype) used.add('xsd');
    }
  }
  const ns = (Object.keys(PREFIXES) as Prefix[]).filter((p) => used.has(p)).map((p) => `\n    xmlns:${p}="${xmlEscape(PREFIXES[p])}"`);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<rdf:RDF${ns.join('')}>`];
  for (const n of nodes) {
    const [first, ...rest] = n.types;
    const element = first ?? 'rdf:Description';
    lines.push(`  <${element} rdf:about="${xmlEscape(n.iri)}">`);
    for (const type of rest) lines.push(`    <rdf:type rdf:resource="${xmlEscape(expand(type))}"/>`);
    for (const [p, o] of n.props) {
      if ('iri' in o) lines.push(`    <${p} rdf:resource="${xmlEscape(o.iri)}"/>`);
      else {
        const attr = o.lang ? ` xml:lang="${xmlEscape(o.lang)}"` : o.datatype ? ` rdf:datatype="${xmlEscape(expand(o.datatype))}"` : '';
        lines.push(`    <${p}${attr}>${xmlEscape(o.value)}</${p}>`);
      }
    }
    lines.push(`  </${element}>`);
  }
  lines.push('</rdf:RDF>', '');
  return lines.join('\n');
}

/** Serialises nodes as JSON-LD with an inline context (no network needed to read it). */
export function toJsonLd(nodes: readonly RdfNode[]): string {
  const graph: Record<string, unknown>[] = [];
  for (const n of nodes) {
    const out: Record<string, unknown> = { '@id': n.iri, '@type': n.types };
    for (const [p, o] of n.props) {
      const value = 'iri' in o ? { '@id': o.iri } : o.lang ? { '@value': o.value, '@language': o.lang } : o.datatype ? { '@value': o.value, '@type': o.datatype } : { '@value': o.value };
      const list = (out[p] as unknown[] | undefined) ?? [];
      list.push(value);
      out[p] = list;
    }
    graph.push(out);
  }
  return `${JSON.stringify({ '@context': { ...PREFIXES }, '@graph': graph }, null, 2)}\n`;
}
