// The model reference generator on an in-memory model: strict codecs with required and
// optional fields, spreads, links between codecs, value types and Swedish terms.
import { describe, expect, it } from 'vitest';
import { Project } from 'ts-morph';
import { extractModel, parseGlossary, renderModelDoc, swedishTerm } from '../src/model-doc.js';

const codec = `
export interface Type<A> { readonly name: string; is(u: unknown): u is A; decode(u: unknown): A; encode(a: A): unknown }
export declare function strict<P, O = {}>(name: string, description: string, required: P, optional?: O): Type<unknown>;
export declare function pattern(name: string, re: RegExp): Type<string>;
/** A non-empty string. */
export declare const NonEmptyString: Type<string>;
`;
const content = `
import * as t from 'io-ts-stub';
import { strict, pattern, NonEmptyString } from './codec.js';
/** A local id. */
export const Id = pattern('id (lowercase)', /^[a-z]+$/);
const base = { id: Id };
const Source = t.keyof({ kolada: null, own: null }, 'source');
/** An indicator (indikator, nyckeltal). */
export const Indicator = strict('Indicator', 'A measured figure.', { ...base, name: NonEmptyString, unit: t.keyof({ percent: null, kr: null }, 'unit') }, { values: t.array(t.number), source: Source });
/** A goal (processmål) with its indicators. */
export const Goal = strict('Goal', 'A multi-year goal.', { ...base, title: NonEmptyString }, {
  indicators: t.array(Indicator),
  trend: t.union([Id, t.null]),
  period: strict('GoalPeriod', 'When the goal runs (e.g. 2022–2025).', { from: t.number }),
});
`;
const ioTs = `
export interface Any { readonly name: string; is(u: unknown): boolean; decode(u: unknown): unknown; encode(a: unknown): unknown }
export declare const number: Any; export declare const null: Any;
export declare function keyof(keys: object, name?: string): Any;
export declare function array(c: unknown): Any;
export declare function union(cs: unknown[]): Any;
`;

function model(glossary?: Map<string, string>) {
  const p = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: 99, module: 99, moduleResolution: 100 } });
  p.createSourceFile('/node_modules/io-ts-stub/index.d.ts', ioTs.replace('export declare const null: Any;', 'declare const _null: Any; export { _null as null };'));
  const files = [p.createSourceFile('/m/src/codec.ts', codec), p.createSourceFile('/m/src/content.ts', content)];
  return extractModel(p, files, glossary);
}

describe('extractModel', () => {
  const doc = model();
  const byName = (n: string) => doc.codecs.find((c) => c.name === n)!;

  it('finds every strict codec, inline ones too, sorted by name', () => {
    expect(doc.codecs.map((c) => c.name)).toEqual(['Goal', 'GoalPeriod', 'Indicator']);
  });

  it('lists required fields (spreads expanded) before optional ones', () => {
    expect(byName('Goal').fields.map((f) => `${f.name}:${f.required ? 'required' : 'optional'}`)).toEqual([
      'id:required', 'title:required', 'indicators:optional', 'trend:optional', 'period:optional',
    ]);
  });

  it('writes field types in words with links to other codecs', () => {
    const types = Object.fromEntries(byName('Goal').fields.map((f) => [f.name, f.type]));
    expect(types).toEqual({
      id: '[Id](#id)',
      title: '[NonEmptyString](#nonemptystring)',
      indicators: 'list of [Indicator](#indicator)',
      trend: '[Id](#id) or null',
      period: '[GoalPeriod](#goalperiod)',
    });
    expect(byName('Indicator').fields.find((f) => f.name === 'unit')!.type).toBe('one of `percent`, `kr`');
    // A module-private codec is described in place.
    expect(byName('Indicator').fields.find((f) => f.name === 'source')!.type).toBe('one of `kolada`, `own`');
  });

  it('takes the Swedish term from the doc comment of the export of the same name', () => {
    expect(byName('Goal').swedish).toBe('processmål');
    expect(byName('Indicator').swedish).toBe('indikator, nyckeltal');
    expect(byName('Goal').docComment).toBe('A goal (processmål) with its indicators.');
    expect(byName('GoalPeriod').swedish).toBeUndefined();
  });

  it('documents other exported codecs as value types', () => {
    expect(doc.valueTypes.map((v) => [v.name, v.type])).toEqual([
      ['Id', 'string: id (lowercase)'],
      ['NonEmptyString', ''],
    ]);
  });

  it('renders a contents table and one section per type', () => {
    const md = renderModelDoc(doc, 'm/src');
    expect(md).toContain('| [Goal](#goal) | processmål | `content.ts` |');
    expect(md).toContain('### Goal\n\nSwedish: *processmål* · Module: `content.ts`');
    expect(md).toContain('| `indicators` | list of [Indicator](#indicator) | optional |');
    expect(md).toContain('| `unit` | one of `percent`, `kr` | required |');
    expect(md).not.toContain('/m/src/');
  });
});

describe('swedishTerm', () => {
  it('takes the first bracketed words that are a term', () => {
    expect(swedishTerm('A report (rapport): delårsrapport …')).toBe('rapport');
    expect(swedishTerm('A string (after trimming) of a kommun (kommun)')).toBe('kommun');
    expect(swedishTerm('Values (e.g. "0484") only')).toBeUndefined();
    expect(swedishTerm(undefined)).toBeUndefined();
  });
});

describe('parseGlossary', () => {
  const glossary = parseGlossary([
    '| Swedish (what readers see) | English name in code | meaning |',
    '|---|---|---|',
    '| kommun, kommunkod | municipality, code | the municipality |',
    '| nämnd, styrelse (KS = kommunstyrelsen) | body | |',
    '| delårsrapport, tertialrapport, årsredovisning | report kind: interim, tertial, annual | |',
    '| HME | (an indicator) | |',
  ].join('\n'));

  it('pairs names by position when both cells list as many, else gives the whole cell', () => {
    expect([...glossary]).toEqual([
      ['municipality', 'kommun'],
      ['code', 'kommunkod'],
      ['body', 'nämnd, styrelse'],
      ['interim', 'delårsrapport'],
      ['tertial', 'tertialrapport'],
      ['annual', 'årsredovisning'],
    ]);
  });

  it('gives a type without a term in its comments the glossary term of its name', () => {
    const doc = model(new Map([['goalPeriod', 'målperiod'], ['goal', 'inte detta']]));
    expect(doc.codecs.find((c) => c.name === 'GoalPeriod')!.swedish).toBe('målperiod');
    // The doc comment wins over the glossary.
    expect(doc.codecs.find((c) => c.name === 'Goal')!.swedish).toBe('processmål');
  });
});
