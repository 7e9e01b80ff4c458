// The goal model: assessment dimensions, goal links, provenance, comparisons, Kolada ids
// and scope, and the errors for Swedish number habits and scale labels.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  checkReport, decodeReport, loadReport, overallAssessment, dimensionValues, targetAttainment, swedishNumber, type Diagnostic,
} from '../src/index.js';
import { minimal, minimalText } from './helpers.js';

function check(change: (r: any) => void = () => {}): Diagnostic[] {
  const v = minimal();
  change(v);
  const d = decodeReport(v);
  if (!d.report) throw new Error(`does not decode: ${JSON.stringify(d.diagnostics)}`);
  return checkReport(d.report, { file: 'r.yaml' });
}
const decodeErrors = (change: (r: any) => void) => {
  const v = minimal();
  change(v);
  return decodeReport(v).diagnostics;
};
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.path}`);
const area = (r: any) => r.sections[1].areas[0];
const goal = (r: any) => area(r).goals[0];
const DIMENSIONS = [
  { key: 'indikatorer', label: 'Utifrån nämndens indikatorer' },
  { key: 'nyckeltal', label: 'Utifrån relevanta nyckeltal' },
  { key: 'sammanvagd', label: 'Sammanvägd bedömning', overall: true },
];
const withDimensions = (r: any) => { r.governance = { preset: 'eskilstuna', dimensions: DIMENSIONS }; };

describe('assessment dimensions', () => {
  it('decode from the vocabulary and give a value per dimension, the overall one as the assessment', () => {
    const v = minimal();
    withDimensions(v);
    goal(v).assessments = { indikatorer: 'achieved', nyckeltal: null, sammanvagd: 'partly' };
    const { report } = decodeReport(v);
    expect(report!.governance.dimensions!.map((d) => d.key)).toEqual(['indikatorer', 'nyckeltal', 'sammanvagd']);
    const g = (report!.sections[1] as any).areas[0].goals[0];
    expect(overallAssessment(g, report!.governance)).toBe('partly');
    expect(dimensionValues(g, report!.governance).map((x) => [x.dimension.key, x.value])).toEqual([['indikatorer', 'achieved'], ['nyckeltal', null], ['sammanvagd', 'partly']]);
    expect(checkReport(report!)).toEqual([]);
  });
  it('reports a dimension the vocabulary does not declare, a value off the scale and a label written for a key', () => {
    const ds = check((r) => { withDimensions(r); goal(r).assessments = { indikatorerna: 'achieved', nyckeltal: 'Delvis', sammanvagd: 'klar' }; });
    expect(codes(ds)).toEqual([
      'unknown-dimension sections[1].areas[0].goals[0].assessments.indikatorerna',
      'unknown-scale-key sections[1].areas[0].goals[0].assessments.nyckeltal',
      'unknown-scale-key sections[1].areas[0].goals[0].assessments.sammanvagd',
    ]);
    expect(ds[0]!.hint).toBe('Did you mean "indikatorer"?');
    expect(ds[1]!.hint).toBe('"Delvis" is the label readers see; write its key "partly".');
  });
  it('requires exactly one overall dimension', () => {
    const ds = check((r) => { r.governance = { preset: 'eskilstuna', dimensions: DIMENSIONS.map(({ overall: _o, ...d }) => d) }; });
    expect(codes(ds)).toEqual(['dimension-overall governance.dimensions']);
  });
  it('reports an assessment that contradicts the overall dimension', () => {
    const ds = check((r) => { withDimensions(r); goal(r).assessment = 'achieved'; goal(r).assessments = { sammanvagd: 'partly' }; });
    expect(codes(ds)).toEqual(['assessment-conflict sections[1].areas[0].goals[0].assessment']);
  });
  it('reports dimensions on a goal when the vocabulary declares none', () => {
    expect(codes(check((r) => { goal(r).assessments = { x: 'partly' }; }))).toEqual(['unknown-dimension sections[1].areas[0].goals[0].assessments.x']);
  });
});

describe('goal links', () => {
  it('accept goals and areas as parents and report ids that do not resolve or point to the goal itself', () => {
    expect(check((r) => { goal(r).serves = ['naringsliv']; })).toEqual([]);
    const ds = check((r) => { goal(r).serves = ['naringslif', 'foretagsklimat']; });
    expect(codes(ds)).toEqual(['goal-link sections[1].areas[0].goals[0].serves[0]', 'goal-link sections[1].areas[0].goals[0].serves[1]']);
    expect(ds[0]!.hint).toBe('Did you mean "naringsliv"?');
  });
});

describe('provenance', () => {
  it('requires a reason for an inferred or unknown status, not for a stated one', () => {
    expect(check((r) => { area(r).provenance = { basis: 'stated', quote: 'Delvis' }; })).toEqual([]);
    const ds = check((r) => { area(r).provenance = { basis: 'inferred' }; area(r).commitments[0].provenance = { basis: 'unknown' }; });
    expect(codes(ds)).toEqual(['provenance-reason sections[1].areas[0].provenance', 'provenance-reason sections[1].areas[0].commitments[0].provenance']);
  });
  it('rejects a basis that is not stated, inferred or unknown', () => {
    expect(codes(decodeErrors((r) => { area(r).provenance = { basis: 'guessed', reason: 'x' }; }))).toEqual(['invalid-value sections[1].areas[0].provenance.basis']);
  });
});

describe('comparisons and Kolada', () => {
  const ind = (r: any) => goal(r).indicators[0];
  it('accept riket and a kommungrupp with its id', () => {
    expect(check((r) => {
      ind(r).comparisons = [
        { of: 'country', label: 'Riket', source: 'Kolada', values: [{ year: 2021, total: 70 }] },
        { of: 'group', label: 'Större städer', source: 'Kolada', koladaGroupId: 'G124028', values: [{ year: 2021, total: 71 }] },
      ];
    })).toEqual([]);
  });
  it('accept a comparison value with its source and day of retrieval, and require the day', () => {
    const source = { name: 'Kolada', retrieved: '2023-09-12', url: 'https://api.kolada.se/v3/data/kpi/N00090/municipality/0000/year/2021' };
    expect(check((r) => { ind(r).comparisons = [{ of: 'country', label: 'Riket', source: 'Kolada', values: [{ year: 2021, total: 70, source }] }]; })).toEqual([]);
    const bad = decodeErrors((r) => { ind(r).comparisons = [{ of: 'country', label: 'Riket', source: 'Kolada', values: [{ year: 2021, total: 70, source: { name: 'Kolada' } }] }]; });
    expect(codes(bad)).toEqual(['missing-field sections[1].areas[0].goals[0].indicators[0].comparisons[0].values[0].source.retrieved']);
  });
  it('report a Kolada kommungrupp without its id and named kommuner without names', () => {
    const ds = check((r) => {
      ind(r).comparisons = [
        { of: 'group', label: 'Större städer', source: 'Kolada', values: [] },
        { of: 'municipalities', label: 'Grannkommuner', source: 'SCB', values: [] },
      ];
    });
    expect(codes(ds)).toEqual(['comparison-group sections[1].areas[0].goals[0].indicators[0].comparisons[0]', 'comparison-group sections[1].areas[0].goals[0].indicators[0].comparisons[1]']);
  });
  it('check the form of a Kolada KPI id and require its scope', () => {
    const bad = decodeErrors((r) => { ind(r).kolada = { id: 'N0090', source: 'Kolada', scope: 'same' }; });
    expect(codes(bad)).toEqual(['invalid-value sections[1].areas[0].goals[0].indicators[0].kolada.id']);
    expect(bad[0]!.expected).toMatch(/N or U and five digits/);
    expect(codes(decodeErrors((r) => { ind(r).kolada = { id: 'N00090', source: 'Kolada' }; }))).toEqual(['missing-field sections[1].areas[0].goals[0].indicators[0].kolada.scope']);
    expect(decodeErrors((r) => { ind(r).kolada = { id: 'U00200', source: 'Kolada', scope: 'part' }; })).toEqual([]);
  });
  it('count the indicators that reached their target, lower-is-better respected', () => {
    const values = (o: number, t: number) => [{ year: 2022, kind: 'outcome' as const, total: o }, { year: 2022, kind: 'target' as const, total: t }];
    const r = targetAttainment([
      { higherIsBetter: true, values: values(80, 75) },
      { higherIsBetter: true, values: values(70, 75) },
      { higherIsBetter: false, values: values(3, 4) },
      { higherIsBetter: false, values: values(5, 4) },
      { higherIsBetter: true, values: [{ year: 2022, kind: 'outcome', total: 1 }] },
    ], 2022);
    expect(r).toEqual({ reached: 2, measured: 4, total: 5 });
  });
  it('let a bound decide which side of the target is reached ("minst", "högst")', () => {
    const v = (o: number, t: number, bound: 'atLeast' | 'atMost') => [{ year: 2024, kind: 'outcome' as const, total: o }, { year: 2024, kind: 'target' as const, total: t, bound }];
    expect(targetAttainment([
      { higherIsBetter: false, values: v(90, 85, 'atLeast') },
      { higherIsBetter: true, values: v(3.2, 3.0, 'atMost') },
    ], 2024)).toEqual({ reached: 1, measured: 2, total: 2 });
  });
});

describe('Swedish number habits', () => {
  it('name the number YAML wants', () => {
    expect(swedishNumber('1 000')).toBe('1000');
    expect(swedishNumber('−1 234,5')).toBe('-1234.5');
    expect(swedishNumber('8,2')).toBe('8.2');
    expect(swedishNumber('Mätning senare')).toBeUndefined();
    expect(swedishNumber('10 00')).toBeUndefined();
  });
  it('a number with spaces gets code, line and the hint "1000"', () => {
    const text = minimalText.replace('      total: 102\n', '      total: 1 000\n');
    const { diagnostics } = loadReport(text, 'r.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('total: 1 000')) + 1;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'swedish-number', line, path: 'sections[2].headcount.total', expected: 'integer', found: '"1 000"' });
    expect(diagnostics[0]!.hint).toMatch(/^Write 1000 /);
  });
  it('a decimal comma inside a flow mapping is found before YAML splits it, with the hint "700.5"', () => {
    const text = minimalText.replace(/(      \w+:\n)?(\s+- id: kompetens)/, '$2').replace('                  - year: 2021\n                    kind: outcome\n                    total: 72\n', '                  - { year: 2021, kind: outcome, total: 700,5 }\n');
    expect(text).toContain('total: 700,5 }');
    const { diagnostics } = loadReport(text, 'r.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('700,5')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.found, d.hint])).toEqual([['swedish-number', line, '700,5', 'Write 700.5.']]);
  });
  it('a scale label instead of its key is an error whose hint names the key, with its line', () => {
    const text = minimalText.replace('        assessment: partly\n', '        assessment: Delvis\n');
    const { diagnostics } = loadReport(text, 'r.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('assessment: Delvis')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.expected, d.found, d.hint])).toEqual([
      ['unknown-scale-key', line, '"achieved", "partly", "not-achieved" or null'.replace(/^/, 'one of '), '"Delvis"', '"Delvis" is the label readers see; write its key "partly".'],
    ]);
  });
  it('keeps stringify round trips unaffected', () => expect(stringify({ a: 700.5 })).toBe('a: 700.5\n'));
});

describe('rich text the model cannot render', () => {
  it('a Markdown image inside a line of text is an error instead of vanishing; pipes in running text are not a table', () => {
    const { diagnostics } = loadReport(minimalText.replace('            body: Arbetet pågår.\n', '            body: "Se kartan ![Karta](karta.png)"\n'), 'r.yaml');
    expect(diagnostics.map((d) => [d.code, d.found])).toEqual([['image-placement', '"![Karta](karta.png)"']]);
    expect(loadReport(minimalText.replace('            body: Arbetet pågår.\n', '            body: "Antingen | eller"\n')).diagnostics).toEqual([]);
  });
});
