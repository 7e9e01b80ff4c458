// Checks DCAT-AP-SE metadata in RDF/XML as a harvester would: the file parses; every IRI is
// absolute http(s) or mailto (tel: only as a telephone number); no address has a host
// reserved for examples or tests (unless allowed, for a local trial build); and the
// catalogue, datasets, distributions, publishers and contact points have every property
// DCAT-AP-SE 3.0.1 marks mandatory, of the right kind (IRI or literal, language tag where
// the specification asks for a language literal). Sources: see the head of dcat.ts.
import { createRequire } from 'node:module';
import { createDiagnostic, type Diagnostic } from '@kommunrapport/model';
import { OPEN_DATA_CODES, type OpenDataCode } from './diagnostics.js';
import { CATALOGUE_LICENCE } from './dcat.js';
import { PREFIXES, expand, type QName } from './rdf.js';

const load = createRequire(import.meta.url);
const rdfXml = () => load('rdfxml-streaming-parser') as typeof import('rdfxml-streaming-parser');

/** A term of a parsed triple. */
export interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | string;
  value: string;
  language?: string;
}
/** A parsed triple. */
export interface Triple {
  subject: Term;
  predicate: Term;
  object: Term;
}

/** Relative IRIs are resolved against this base, so they can be told apart and refused. */
const RELATIVE_BASE = 'https://relative-iri.invalid/';

/**
 * Parses RDF/XML as a re-user's RDF library would, synchronously: the problems (syntax,
 * IRIs that are not IRIs) and the triples.
 */
export function parseRdfXmlTriples(text: string, baseIRI: string = RELATIVE_BASE): { errors: string[]; triples: Triple[] } {
  const errors: string[] = [];
  const triples: Triple[] = [];
  const parser = new (rdfXml().RdfXmlParser)({ baseIRI });
  parser.on('error', (e: Error) => errors.push(e.message));
  parser.on('data', (q: Triple) => triples.push(q));
  try {
    // The parser is a stream; its SAX parser, fed directly, parses synchronously (rdfxml-streaming-parser 3.3.0).
    (parser as unknown as { saxParser: { write(t: string): { close(): void } } }).saxParser.write(text).close();
  } catch (e) {
    errors.push((e as Error).message);
  }
  return { errors, triples };
}

/** Hosts reserved for examples and tests (RFC 2606, RFC 6761), refused in published metadata. */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return /^(?:.+\.)?example\.(?:org|com|net)$/.test(h) || h === 'localhost' || h.endsWith('.localhost') || /(?:^|\.)(?:invalid|example|test)$/.test(h);
}

/** The host of an http(s) IRI or the domain of a mailto IRI, else undefined. */
export function hostOf(iri: string): string | undefined {
  const web = /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(iri);
  if (web) return web[1];
  const mail = /^mailto:[^@?]*@([^?]+)/i.exec(iri);
  return mail ? decodeURIComponent(mail[1]!) : undefined;
}

/** Options of the DCAT check. */
export interface DcatCheckOptions {
  /** Accept hosts reserved for examples and tests (a local trial build). */
  allowPlaceholder?: boolean;
}

const AGENT_TYPES = ['foaf:Agent', 'foaf:Organization', 'foaf:Person'].map((q) => expand(q as QName));
const CONTACT_TYPES = ['vcard:Organization', 'vcard:Individual', 'vcard:Kind'].map((q) => expand(q as QName));

/** A short name for an IRI of the vocabularies used (dct:title), else the IRI. */
function short(iri: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
}

/** What a property must hold: an IRI, a literal, or a literal with a language tag. */
type Kind = 'iri' | 'literal' | 'lang';

/**
 * Checks the DCAT-AP-SE metadata of `text` (RDF/XML) and returns the findings; `file`
 * names the file in them. Each finding's path is `<subject IRI> <property>`.
 */
export function checkDcat(text: string, file: string, options: DcatCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (code: OpenDataCode, path: string, detail: string, expected: string, found: string) =>
    out.push({ ...createDiagnostic(code, OPEN_DATA_CODES[code], { detail }, { path, file }), expected, found });

  const { errors, triples } = parseRdfXmlTriples(text);
  for (const error of errors.slice(0, 5)) add('open-data-rdf', '', `${file} cannot be read as RDF/XML: ${error}.`, 'RDF/XML that an RDF library parses', error);
  if (errors.length > 0) return out;

  // Addresses: absolute, http(s) or mailto (tel: for a telephone number), no placeholder hosts.
  const placeholders = new Map<string, string>();
  const wrong = new Set<string>();
  for (const t of triples) {
    for (const term of [t.subject, t.object]) {
      if (term.termType !== 'NamedNode') continue;
      const where = `${term === t.subject ? term.value : t.subject.value} ${short(t.predicate.value)}`;
      const iri = term.value;
      const telephone = term === t.object && t.predicate.value === expand('vcard:hasTelephone') && /^tel:\+?[\d-]+$/i.test(iri);
      if (iri.startsWith(RELATIVE_BASE)) {
        if (!wrong.has(iri)) add('open-data-rdf', where, `${file} names the relative IRI ${JSON.stringify(iri.slice(RELATIVE_BASE.length))}; a harvester needs absolute IRIs.`, 'an absolute http, https or mailto IRI', JSON.stringify(iri.slice(RELATIVE_BASE.length)));
        wrong.add(iri);
        continue;
      }
      if (!/^(https?:\/\/[^/?#\s]+|mailto:[^@\s]+@[^@\s]+$)/i.test(iri) && !telephone) {
        if (!wrong.has(iri)) add('open-data-rdf', where, `${file} names ${JSON.stringify(iri)}, which is not an http, https or mailto IRI.`, 'an absolute http, https or mailto IRI', JSON.stringify(iri));
        wrong.add(iri);
        continue;
      }
      const host = hostOf(iri);
      if (host !== undefined && isPlaceholderHost(host) && !placeholders.has(host)) placeholders.set(host, where);
    }
  }
  if (!options.allowPlaceholder)
    for (const [host, where] of placeholders)
      add('open-data-placeholder', where, `${file} points to ${host}, a host reserved for examples and tests, so the published metadata would point nowhere.`, 'the address the files are published at', host);

  // The graph by subject.
  const props = new Map<string, Map<string, Term[]>>();
  for (const t of triples) {
    const bySubject = props.get(t.subject.value) ?? new Map<string, Term[]>();
    props.set(t.subject.value, bySubject);
    const list = bySubject.get(t.predicate.value) ?? [];
    list.push(t.object);
    bySubject.set(t.predicate.value, list);
  }
  const values = (s: string, p: QName) => props.get(s)?.get(expand(p)) ?? [];
  const typesOf = (s: string) => values(s, 'rdf:type').map((t) => t.value);
  const typed = (type: string) => [...props.keys()].filter((s) => typesOf(s).includes(type)).sort();
  const objects = (subjects: readonly string[], p: QName) => subjects.flatMap((s) => values(s, p)).filter((o) => o.termType !== 'Literal');

  const found = (terms: readonly Term[]) => (terms.length === 0 ? 'nothing' : terms.map((t) => (t.termType === 'Literal' ? `${JSON.stringify(t.value.length > 40 ? `${t.value.slice(0, 39)}…` : t.value)}${t.language ? `@${t.language}` : ''}` : t.termType === 'BlankNode' ? 'a blank node' : `<${t.value}>`)).join(', '));
  const KIND_SAID: Record<Kind, string> = { iri: 'an IRI', literal: 'a literal', lang: 'a literal with a language tag (xml:lang)' };
  const fits = (t: Term, kind: Kind) => (kind === 'iri' ? t.termType === 'NamedNode' : t.termType === 'Literal' && (kind === 'literal' || !!t.language));
  /** Checks one property of one subject: at least `min`, at most `max`, each of the kind. */
  const need = (what: string, s: string, p: QName, kind: Kind, min = 1, max = Infinity, missing: OpenDataCode = 'open-data-dcat-mandatory') => {
    const terms = values(s, p);
    const path = `${s} ${p}`;
    if (terms.length < min) {
      add(missing, path, `The ${what} <${s}> has no ${p}, which DCAT-AP-SE requires.`, `${min === 1 ? 'at least one' : `at least ${min}`} ${p}: ${KIND_SAID[kind]}`, 'nothing');
      return [];
    }
    if (terms.length > max) add('open-data-dcat-mandatory', path, `The ${what} <${s}> has ${terms.length} values of ${p}; DCAT-AP-SE allows ${max}.`, `at most ${max} ${p}`, found(terms));
    const bad = terms.filter((t) => !fits(t, kind));
    if (bad.length > 0) add('open-data-dcat-kind', path, `${p} of the ${what} <${s}> must be ${KIND_SAID[kind]}.`, KIND_SAID[kind], found(bad));
    return terms.filter((t) => fits(t, kind));
  };
  /** Nodes a property refers to must be described, with one of the types; returns those that are (one finding for each that is not). */
  const describedAs = (what: string, refs: readonly Term[], types: readonly string[], via: string) => {
    const iris = new Set<string>();
    const described = new Set<string>();
    for (const r of refs) {
      if (iris.has(r.value)) continue;
      if (r.termType === 'BlankNode') {
        add('open-data-dcat-kind', via, `A ${what} is a blank node; dataportal.se needs an IRI for every ${what}.`, 'an IRI', 'a blank node');
        continue;
      }
      iris.add(r.value);
      if (typesOf(r.value).some((t) => types.includes(t))) described.add(r.value);
      else add('open-data-dcat-mandatory', `${r.value} rdf:type`, `The ${what} <${r.value}> that ${via} refers to is not described in ${file} with its type.`, `<${r.value}> typed ${types.map(short).join(' or ')}`, typesOf(r.value).length === 0 ? 'no description' : typesOf(r.value).map(short).join(', '));
    }
    return [...described].sort();
  };

  const catalogues = typed(expand('dcat:Catalog'));
  if (catalogues.length === 0) add('open-data-dcat-mandatory', '', `${file} describes no dcat:Catalog.`, 'one dcat:Catalog', 'none');
  for (const c of catalogues) {
    need('catalogue', c, 'dct:title', 'lang');
    need('catalogue', c, 'dct:description', 'lang');
    need('catalogue', c, 'dct:publisher', 'iri', 1, 1);
    for (const l of need('catalogue', c, 'dct:license', 'iri', 1, 1))
      if (l.value !== CATALOGUE_LICENCE) add('open-data-dcat-kind', `${c} dct:license`, `The catalogue's licence must be CC0 1.0 (DCAT-AP-SE requires it of catalogues in Sweden).`, CATALOGUE_LICENCE, l.value);
    need('catalogue', c, 'dcat:dataset', 'iri');
  }
  const datasets = [...new Set([...typed(expand('dcat:Dataset')), ...describedAs('dataset', objects(catalogues, 'dcat:dataset'), [expand('dcat:Dataset')], 'dcat:dataset')])].sort();
  for (const d of datasets) {
    need('dataset', d, 'dct:title', 'lang');
    need('dataset', d, 'dct:description', 'lang');
    need('dataset', d, 'dct:publisher', 'iri', 1, 1);
  }
  const distributions = [...new Set([...typed(expand('dcat:Distribution')), ...describedAs('distribution', objects(datasets, 'dcat:distribution'), [expand('dcat:Distribution')], 'dcat:distribution')])].sort();
  for (const d of distributions) {
    for (const a of need('distribution', d, 'dcat:accessURL', 'iri', 1, 1))
      if (!/^https?:\/\//i.test(a.value)) add('open-data-dcat-kind', `${d} dcat:accessURL`, `The access address of distribution <${d}> is not an http(s) address.`, 'an https:// or http:// address', a.value);
  }
  const agents = [...new Set([...AGENT_TYPES.flatMap(typed), ...describedAs('publisher', objects([...catalogues, ...datasets], 'dct:publisher'), AGENT_TYPES, 'dct:publisher')])].sort();
  for (const a of agents) need('publisher', a, 'foaf:name', 'literal');
  const contacts = describedAs('contact point', objects(datasets, 'dcat:contactPoint'), CONTACT_TYPES, 'dcat:contactPoint');
  for (const c of contacts) {
    need('contact point', c, 'vcard:fn', 'literal');
    for (const e of need('contact point', c, 'vcard:hasEmail', 'iri', 1, Infinity, 'open-data-contact-email'))
      if (!/^mailto:[^@\s]+@[^@\s]+$/i.test(e.value)) add('open-data-dcat-kind', `${c} vcard:hasEmail`, `The e-mail address of contact point <${c}> is not a mailto: IRI.`, 'mailto:address@domain', e.value);
  }
  return out;
}
