import { describe, expect, it } from 'vitest';
import { checkReport, decodeReport, decimalsOf, tolerance, type Diagnostic } from '../src/index.js';
import { minimal } from './helpers.js';

/** Decodes the minimal report after `change` and runs the checks. */
function check(change: (r: any) => void = () => {}): Diagnostic[] {
  const v = minimal();
  change(v);
  const d = decodeReport(v);
  if (!d.report) throw new Error(`fixture does not decode: ${JSON.stringify(d.diagnostics)}`);
  return checkReport(d.report, { file: 'r.yaml' });
}
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.path}`);

const area = (r: any) => r.sections[1].areas[0];
const income = (r: any) => r.sections[4].tables[0];
const keyFigures = (r: any) => r.sections[4].tables[1];
const explanation = (r: any) => r.sections[5].explanation;

describe('checkReport', () => {
  it('finds nothing in the minimal report', () => {
    expect(check()).toEqual([]);
  });

  describe('scale keys', () => {
    it('accepts keys of the scales and null', () => {
      expect(check((r) => { area(r).assessment = 'achieved'; area(r).trend = null; area(r).commitments[0].completion = 'p80'; })).toEqual([]);
    });
    it('reports keys that are not steps, per scale', () => {
      const ds = check((r) => {
        area(r).assessment = 'partially';
        area(r).trend = 'up';
        area(r).goals[0].assessment = 'done';
        area(r).commitments[0].status = 'klart';
        area(r).commitments[1].completion = 'p50';
      });
      expect(codes(ds)).toEqual([
        'unknown-scale-key sections[1].areas[0].assessment',
        'unknown-scale-key sections[1].areas[0].trend',
        'unknown-scale-key sections[1].areas[0].goals[0].assessment',
        'unknown-scale-key sections[1].areas[0].commitments[0].status',
        'unknown-scale-key sections[1].areas[0].commitments[1].completion',
      ]);
      expect(ds[0]).toMatchObject({ severity: 'error', found: '"partially"', hint: 'Did you mean "partly"?' });
    });
    it('uses the vocabulary of the report, not a fixed list', () => {
      expect(check((r) => { r.governance = 'generic'; area(r).commitments[0].status = 'ongoing'; area(r).commitments[0].completion = null; area(r).commitments[1].completion = null; })).toEqual([]);
      expect(codes(check((r) => { area(r).commitments[0].status = 'ongoing'; }))).toEqual(['unknown-scale-key sections[1].areas[0].commitments[0].status']);
    });
  });

  describe('ids', () => {
    it('reports a second section with the same id, also when nested', () => {
      const ds = check((r) => r.sections.push({ id: 'text', type: 'text', sections: [{ id: 'ekonomi', type: 'legend' }] }));
      expect(codes(ds)).toEqual(['duplicate-id sections[6].sections[0].id']);
      expect(ds[0]!.message).toContain('sections[4].id');
    });
    it('keeps kinds apart: a goal may share an id with an area', () => {
      expect(check((r) => { area(r).goals[0].id = 'naringsliv'; })).toEqual([]);
    });
    it('reports duplicate goals, commitments, indicators, rows and columns', () => {
      const ds = check((r) => {
        area(r).goals.push({ id: 'foretagsklimat', title: 'Igen' });
        area(r).commitments[1].id = 'detaljplaner';
        r.sections[3].groups[0].indicators[1].id = 'nki';
        income(r).rows[1].id = 'intakter';
        income(r).columns[1].key = 'utfall';
      });
      expect(codes(ds)).toEqual(expect.arrayContaining([
        'duplicate-id sections[1].areas[0].goals[1].id',
        'duplicate-id sections[1].areas[0].commitments[1].id',
        'duplicate-id sections[3].groups[0].indicators[1].id',
        'duplicate-id sections[4].tables[0].rows[1].id',
        'duplicate-id sections[4].tables[0].columns[1].key',
      ]));
    });
  });

  describe('responsible bodies', () => {
    it('resolves abbreviations and group names', () => {
      expect(check((r) => { area(r).commitments[0].responsible = ['SBN', 'alla nämnder och bolag']; })).toEqual([]);
    });
    it('reports an unknown abbreviation with a suggestion', () => {
      const ds = check((r) => { area(r).commitments[0].responsible = ['KS', 'SNB']; });
      expect(ds).toMatchObject([{ code: 'unresolved-reference', path: 'sections[1].areas[0].commitments[0].responsible[1]', found: '"SNB"' }]);
      expect(ds[0]!.hint).toContain('"SBN"');
    });
  });

  describe('sums', () => {
    it('accepts a total within rounding of its parts', () => {
      expect(check((r) => {
        income(r).decimals = 0;
        income(r).rows[0].values.utfall = 1200.4;
        income(r).rows[1].values.utfall = -5200.4;
      })).toEqual([]);
    });
    it('reports a total of kind total that is not the sum of the item rows', () => {
      const ds = check((r) => { income(r).rows[2].values.utfall = -4002; });
      expect(ds).toMatchObject([{ code: 'sum-mismatch', severity: 'error', path: 'sections[4].tables[0].rows[2].values.utfall', expected: '-4000 (± 1.5)', found: '-4002' }]);
    });
    it('uses sumOf when it is given, and reports rows it cannot find', () => {
      expect(check((r) => { income(r).rows[2].kind = 'result'; income(r).rows[2].sumOf = ['intakter', 'kostnader']; })).toEqual([]);
      expect(codes(check((r) => { income(r).rows[2].sumOf = ['intakter']; }))).toEqual([
        'sum-mismatch sections[4].tables[0].rows[2].values.utfall',
        'sum-mismatch sections[4].tables[0].rows[2].values.budget',
        'sum-mismatch sections[4].tables[0].rows[2].values.prognos',
        'sum-mismatch sections[4].tables[0].rows[2].values.avvikelse',
      ]);
      expect(codes(check((r) => { income(r).rows[2].sumOf = ['intakter', 'kostnad']; }))).toEqual(['unresolved-reference sections[4].tables[0].rows[2].sumOf[1]']);
    });
    it('skips empty cells', () => {
      expect(check((r) => { income(r).rows[2].values.utfall = null; })).toEqual([]);
    });
    it('reports values for columns the table does not declare', () => {
      expect(codes(check((r) => { income(r).rows[0].values.utfal = 1; }))).toEqual(['unresolved-reference sections[4].tables[0].rows[0].values.utfal']);
    });
  });

  describe('differences', () => {
    it('reports a differenceOf column that is not a − b', () => {
      const ds = check((r) => {
        income(r).rows[0].values.avvikelse = 100;
        income(r).rows[1].values.avvikelse = -300;
      });
      expect(codes(ds)).toEqual(['difference-mismatch sections[4].tables[0].rows[0].values.avvikelse', 'difference-mismatch sections[4].tables[0].rows[1].values.avvikelse']);
      expect(ds[0]).toMatchObject({ expected: '-100 (± 1.5)', found: '100' });
    });
    it('reports a differenceOf naming a column that does not exist', () => {
      expect(codes(check((r) => { income(r).columns[3].differenceOf = ['budget', 'prognoz']; }))).toEqual(['unresolved-reference sections[4].tables[0].columns[3].differenceOf[1]']);
    });
  });

  describe('deviation explanations', () => {
    it('reports explanations that do not add up to the deviation', () => {
      expect(check((r) => { explanation(r).items[1].amount = -150; })).toMatchObject([
        { code: 'deviation-sum-mismatch', path: 'sections[5].explanation.deviation', found: '-200', expected: '-250 (± 1.5)' },
      ]);
    });
    it('accepts a sum within the rounding of its items', () => {
      expect(check((r) => { explanation(r).items[1].amount = -100.4; explanation(r).items[0].amount = -99.6; })).toEqual([]);
    });
  });

  describe('gender parts', () => {
    it('reports a headcount whose women and men do not make the total', () => {
      expect(check((r) => { r.sections[2].headcount.men = 36; })).toMatchObject([{ code: 'gender-sum-mismatch', path: 'sections[2].headcount.total', found: '102', expected: 'total 103' }]);
    });
    it('reports a count indicator whose parts do not add up', () => {
      expect(codes(check((r) => { r.sections[3].groups[0].indicators[0].values[0].women = 66; }))).toEqual(['gender-sum-mismatch sections[3].groups[0].indicators[0].values[0].total']);
    });
    it('does not add percentages', () => {
      expect(check((r) => { r.sections[3].groups[0].indicators[1].values[0].women = 9.9; })).toEqual([]);
    });
  });

  describe('percentages', () => {
    it('reports percent indicator values above 100 or below 0', () => {
      expect(codes(check((r) => { r.sections[3].groups[0].indicators[1].values[0].total = 145; r.sections[3].groups[0].indicators[1].values[0].men = -1; }))).toEqual([
        'percent-out-of-range sections[3].groups[0].indicators[1].values[0].total',
        'percent-out-of-range sections[3].groups[0].indicators[1].values[0].men',
      ]);
    });
    it('reports sick leave out of range', () => {
      expect(codes(check((r) => { r.sections[2].sickLeave[0].men = -2.4; }))).toEqual(['percent-out-of-range sections[2].sickLeave[0].men']);
    });
    it('accepts 0 and 100, and lets an index go above 100', () => {
      expect(check((r) => {
        r.sections[3].groups[0].indicators[1].values[0].total = 100;
        r.sections[3].groups[0].indicators[1].values[0].men = 0;
        area(r).goals[0].indicators[0].values[0].total = 140;
      })).toEqual([]);
    });
    it('checks percent tables except deviation columns', () => {
      const table = (deviation: number) => (r: any) => r.sections.push({ id: 'andel', type: 'table', table: {
        id: 'andel', title: 'Andel', unit: 'percent', rowHeader: 'Grupp',
        columns: [{ key: 'a', label: 'A' }, { key: 'd', label: 'Förändring', kind: 'deviation' }],
        rows: [{ id: 'x', label: 'X', values: { a: 101, d: deviation } }],
      } });
      expect(codes(check(table(-5)))).toEqual(['percent-out-of-range sections[6].table.rows[0].values.a']);
    });
  });

  describe('years and dates', () => {
    it('reports outcomes after the period year but accepts targets', () => {
      expect(check()).toEqual([]);
      expect(check((r) => { area(r).goals[0].indicators[0].values[2].kind = 'outcome'; })).toMatchObject([
        { code: 'year-outside-period', severity: 'warning', path: 'sections[1].areas[0].goals[0].indicators[0].values[2].year', found: '2023' },
      ]);
    });
    it('reports table columns for later years unless they are budget or target', () => {
      expect(codes(check((r) => { income(r).columns[2].year = 2023; }))).toEqual(['year-outside-period sections[4].tables[0].columns[2].year']);
      expect(check((r) => { income(r).columns[1].year = 2023; })).toEqual([]);
    });
    it('reports sick leave for a later year', () => {
      expect(codes(check((r) => { r.sections[2].sickLeave[1].year = 2024; }))).toEqual(['year-outside-period sections[2].sickLeave[1].year']);
    });
    it('reports a period that ends before it starts or lies in another year', () => {
      expect(codes(check((r) => { r.period.start = '2022-09-01'; }))).toEqual(['date-outside-period period.end']);
      expect(codes(check((r) => { r.period.end = '2023-08-31'; }))).toEqual(['date-outside-period period.end']);
    });
  });

  describe('sameAs', () => {
    it('accepts the same figure in another unit within rounding', () => {
      // -5849 tkr is shown as -5.8 mnkr: within half a unit of the last decimal.
      expect(check((r) => {
        income(r).rows[2].kind = 'result';
        income(r).rows[2].values.prognos = -5849;
        delete income(r).columns[3].differenceOf;
        delete explanation(r).sameAs;
      })).toEqual([]);
    });
    it('reports a unit slip of a factor 1000 as an error', () => {
      expect(check((r) => { keyFigures(r).rows[0].values.prognos = -5800; })).toMatchObject([
        { code: 'unit-slip', severity: 'error', path: 'sections[4].tables[1].rows[0].values.prognos', found: '-5800 mnkr', expected: '-5.8 mnkr (as resultatrakning.resultat.prognos)' },
      ]);
    });
    it('reports a unit slip of a factor 1 000 000', () => {
      expect(codes(check((r) => { keyFigures(r).rows[0].values.prognos = -0.0000058; keyFigures(r).decimals = 7; }))).toEqual(['unit-slip sections[4].tables[1].rows[0].values.prognos']);
    });
    it('reports other differences from a financial statement as an error', () => {
      expect(check((r) => { keyFigures(r).rows[0].values.prognos = -6.4; })).toMatchObject([{ code: 'statement-figure-mismatch', severity: 'error' }]);
    });
    it('reports other differences between tables that are not statements as a figure mismatch warning', () => {
      expect(check((r) => { income(r).role = 'headline'; keyFigures(r).rows[0].values.prognos = -6.4; })).toMatchObject([{ code: 'figure-mismatch', severity: 'warning' }]);
    });
    it('reports references that do not resolve', () => {
      expect(codes(check((r) => { keyFigures(r).rows[0].sameAs = { prognos: 'resultatrakning.resultat.prognoz' }; }))).toEqual(['unresolved-reference sections[4].tables[1].rows[0].sameAs.prognos']);
      expect(codes(check((r) => { keyFigures(r).rows[0].sameAs = { prognos: 'saknas.resultat.prognos' }; }))).toEqual(['unresolved-reference sections[4].tables[1].rows[0].sameAs.prognos']);
      expect(codes(check((r) => { keyFigures(r).rows[0].sameAs = { prognos: 'resultat' }; }))).toEqual(['unresolved-reference sections[4].tables[1].rows[0].sameAs.prognos']);
      expect(codes(check((r) => { keyFigures(r).rows[0].sameAs = { utfall: 'resultatrakning.resultat.utfall' }; }))).toEqual(['unresolved-reference sections[4].tables[1].rows[0].sameAs.utfall']);
    });
    it('compares a deviation explanation with the cell it names', () => {
      expect(codes(check((r) => { explanation(r).sameAs = 'resultatrakning.kostnader.avvikelse'; }))).toEqual(['statement-figure-mismatch sections[5].explanation.deviation']);
      expect(codes(check((r) => { explanation(r).unit = 'kr'; explanation(r).deviation = -200000; explanation(r).items = [{ label: 'x', amount: -200000 }]; }))).toEqual([]);
    });
  });

  describe('indicator values', () => {
    it('reports a value with neither total nor missing reason', () => {
      expect(check((r) => { delete area(r).goals[0].indicators[0].values[1].missing; })).toMatchObject([
        { code: 'missing-value-reason', severity: 'error', path: 'sections[1].areas[0].goals[0].indicators[0].values[1]' },
      ]);
    });
    it('warns about a value with both', () => {
      expect(check((r) => { area(r).goals[0].indicators[0].values[1].total = 70; })).toMatchObject([{ code: 'value-and-missing', severity: 'warning' }]);
    });
  });

  it('puts the file on every finding', () => {
    expect(check((r) => { area(r).trend = 'up'; })[0]!.file).toBe('r.yaml');
  });
});

describe('rounding helpers', () => {
  it('counts decimals as written', () => {
    expect([decimalsOf(12), decimalsOf(-5.8), decimalsOf(4.25), decimalsOf(1e21)]).toEqual([0, 1, 2, 0]);
  });
  it('allows half a unit of the last decimal per rounded figure, at least one unit, at most three standard deviations of independent roundings', () => {
    expect(tolerance(0, 3)).toBeCloseTo(1.5);
    expect(tolerance(1, 2)).toBeCloseTo(0.1);
    // Eight rows and their total with one decimal: 0,26, not 0,4 (half a unit per row).
    expect(tolerance(1, 9)).toBeCloseTo(0.26, 2);
    expect(tolerance(1, 9)).toBeLessThan(0.4);
    expect(tolerance(0, 40)).toBeCloseTo(Math.sqrt(30), 5);
  });
});
