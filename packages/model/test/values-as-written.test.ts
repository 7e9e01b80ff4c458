// Targets and values as real reports write them: a range ("40–50 procent"), a direction only
// ("minska"), a statement in words ("ska följas"), a cell printed "–" (no amount, not
// applicable) that is never 0, and figures given as an interval ("−5 till −10"), whose sums
// and differences are checked on both bounds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReport, decodeReport, indicatorRuleStatus, loadReport, ruleStatus, targetReached, valueForm, withRuleStatus, type Diagnostic } from '../src/index.js';
import { minimal } from './helpers.js';

function check(change: (r: any) => void): Diagnostic[] {
  const v = minimal();
  change(v);
  const d = decodeReport(v);
  if (!d.report) throw new Error(`does not decode: ${JSON.stringify(d.diagnostics)}`);
  return checkReport(d.report, { file: 'r.yaml' });
}
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.path}`);
const indicator = (r: any) => r.sections[1].areas[0].goals[0].indicators[0];
const income = (r: any) => r.sections[4].tables[0];
const row = (r: any, id: string) => income(r).rows.find((x: any) => x.id === id);

describe('targets as reports write them', () => {
  it('decodes a range, a direction and a statement, and tells each form apart', () => {
    const ds = check((r) => {
      indicator(r).values.push(
        { year: 2024, kind: 'target', low: 2, high: 4 },
        { year: 2025, kind: 'target', direction: 'increase' },
        { year: 2026, kind: 'target', statement: 'Ska följas' },
      );
    });
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    expect(valueForm({ low: 2, high: 4 })).toBe('range');
    expect(valueForm({ direction: 'decrease' })).toBe('direction');
    expect(valueForm({ statement: 'Ska följas' })).toBe('statement');
    expect(valueForm({ total: 3, bound: 'atLeast' })).toBe('bound');
    expect(valueForm({ total: 3 })).toBe('exact');
    expect(valueForm({})).toBe('missing');
  });

  it('rejects a direction that is not increase or decrease', () => {
    const v = minimal();
    indicator(v).values.push({ year: 2024, kind: 'target', direction: 'upp' });
    expect(decodeReport(v).report).toBeUndefined();
  });

  it('reports a range with one bound or with its bounds reversed, with a hint', () => {
    const one = check((r) => indicator(r).values.push({ year: 2024, kind: 'target', low: 2 }));
    expect(codes(one)).toContain('interval-invalid sections[1].areas[0].goals[0].indicators[0].values[3]');
    const reversed = check((r) => indicator(r).values.push({ year: 2024, kind: 'target', low: 4, high: 2 })).find((d) => d.code === 'interval-invalid')!;
    expect(reversed.hint).toMatch(/lower first/);
  });

  it('judges a range inside its bounds, a direction against the year before, and never a statement', () => {
    const ind = (target: object, outcomes: [number, number]) => ({
      higherIsBetter: true,
      values: [{ year: 2023, kind: 'outcome' as const, total: outcomes[0] }, { year: 2024, kind: 'outcome' as const, total: outcomes[1] }, { year: 2024, kind: 'target' as const, ...target }],
    });
    expect(targetReached(ind({ low: 40, high: 50 }, [35, 44]), 2024)).toBe(true);
    expect(targetReached(ind({ low: 40, high: 50 }, [35, 52]), 2024)).toBe(false);
    expect(targetReached(ind({ direction: 'decrease' }, [0.9, 0.8]), 2024)).toBe(true);
    expect(targetReached(ind({ direction: 'increase' }, [0.9, 0.8]), 2024)).toBe(false);
    expect(targetReached(ind({ statement: 'Ska följas' }, [1, 2]), 2024)).toBeUndefined();
  });
});

describe('"–" is not 0', () => {
  it('decodes a cell printed "–" with why it is absent, and keeps 0 a number', () => {
    const v = minimal();
    row(v, 'intakter').values.utfall = { absent: 'noAmount', reason: 'Inga intäkter bokförda' };
    row(v, 'kostnader').values.utfall = 0;
    const r = decodeReport(v).report!;
    const t = (r.sections[4] as any).tables[0];
    expect(t.rows[0].values.utfall).toEqual({ absent: 'noAmount', reason: 'Inga intäkter bokförda' });
    expect(t.rows[1].values.utfall).toBe(0);
  });

  it('rejects an absence that is neither noAmount nor notApplicable', () => {
    const v = minimal();
    row(v, 'intakter').values.utfall = { absent: 'dash' };
    expect(decodeReport(v).report).toBeUndefined();
  });
});

describe('"–" as an indicator value', () => {
  it('decodes absent on an indicator value as its own form, not missing, with no finding', () => {
    const v = minimal();
    indicator(v).values[1] = { year: 2022, kind: 'outcome', absent: 'notApplicable' };
    const r = decodeReport(v).report!;
    const x = (r.sections[1] as any).areas[0].goals[0].indicators[0].values[1];
    expect(x).toEqual({ year: 2022, kind: 'outcome', absent: 'notApplicable' });
    expect(valueForm(x)).toBe('absent');
    expect(checkReport(r, { file: 'r.yaml' })).toEqual([]);
  });

  it('reports "–" together with a figure as value-and-absent, naming what else is there', () => {
    const ds = check((r) => (indicator(r).values[1] = { year: 2022, kind: 'outcome', absent: 'noAmount', total: 0 }));
    expect(codes(ds)).toEqual(['value-and-absent sections[1].areas[0].goals[0].indicators[0].values[1]']);
    expect(ds[0]!.message).toContain('also has total');
    expect(ds[0]!.hint).toMatch(/total: 0/);
  });
});

describe('intervals in sums and differences (checked on both bounds)', () => {
  // Intäkter 1 800 and kostnader −7 800 budgeted; the forecast of intäkter is "1 800 till 2 000".
  const withInterval = (r: any, total: object, deviation: object) => {
    row(r, 'intakter').values.prognos = { low: 1800, high: 2000 };
    row(r, 'intakter').values.avvikelse = { low: -200, high: 0 };
    row(r, 'resultat').values.prognos = total;
    row(r, 'resultat').values.avvikelse = deviation;
    income(r).rows.find((x: any) => x.id === 'kostnader').values.avvikelse = -100;
    delete r.sections[4].tables[1].rows[0].sameAs;
    delete r.sections[5].explanation.sameAs;
  };

  it('accepts a total whose bounds are the sums of the bounds', () => {
    const ds = check((r) => withInterval(r, { low: -5900, high: -5700 }, { low: -300, high: -100 }));
    expect(codes(ds).filter((c) => /sum-mismatch|difference-mismatch|interval-invalid/.test(c))).toEqual([]);
  });

  it('reports a total whose high bound does not add up, naming both bounds', () => {
    const d = check((r) => withInterval(r, { low: -5900, high: -5600 }, { low: -300, high: -100 })).find((x) => x.code === 'sum-mismatch')!;
    expect(d.path).toBe('sections[4].tables[0].rows[2].values.prognos');
    expect(d.message).toContain('-5900..-5600');
    expect(d.message).toContain('-5900..-5700');
  });

  it('checks a difference of an interval on both bounds (budget − prognos)', () => {
    const d = check((r) => {
      withInterval(r, { low: -5900, high: -5700 }, { low: -300, high: -100 });
      row(r, 'intakter').values.avvikelse = { low: -250, high: 0 }; // 1 800 − (1 800 till 2 000) is −200 till 0
    });
    expect(codes(d)).toContain('difference-mismatch sections[4].tables[0].rows[0].values.avvikelse');
  });

  it('reports an interval cell with its bounds reversed', () => {
    const ds = check((r) => { row(r, 'intakter').values.utfall = { low: 1300, high: 1100 }; });
    expect(codes(ds)).toContain('interval-invalid sections[4].tables[0].rows[0].values.utfall');
  });
});

describe('the Norrvik example', () => {
  it('uses a range, a direction, a statement, "–", 0 and an interval, and validates without findings', () => {
    const path = fileURLToPath(new URL('../../../examples/norrvik-bun-2024-malmodell/rapport.yaml', import.meta.url));
    const text = readFileSync(path, 'utf8');
    const r = loadReport(text, 'rapport.yaml');
    expect(r.diagnostics).toEqual([]);
    for (const written of ['low: 40, high: 50', 'direction: decrease', 'statement: Råden ska följas', '{ absent: noAmount }', 'kind: outcome, absent: notApplicable', 'prognos: 0', 'prognos: { low: -10, high: -5 }']) expect(text).toContain(written);
  });
});

describe('intervals where single figures are reconciled', () => {
  it('says an interval in a statement is not reconciled, instead of skipping it silently', () => {
    const ds = check((r) => { row(r, 'intakter').values.utfall = { low: 1200, high: 1200 }; });
    const d = ds.find((x) => x.code === 'interval-not-reconciled')!;
    expect(d).toMatchObject({ severity: 'info', path: 'sections[4].tables[0].rows[0].values.utfall' });
    expect(d.hint).toMatch(/single figure/);
  });

  it('says nothing of an interval in a table that is neither a statement nor a formula row', () => {
    const ds = check((r) => {
      delete income(r).role;
      row(r, 'intakter').values.utfall = { low: 1200, high: 1200 };
    });
    expect(codes(ds).filter((c) => c.startsWith('interval-'))).toEqual([]);
  });
});

describe('a status derived by the governance rule', () => {
  const RULE = { label: 'uppfyllt vid målvärdet, delvis inom 10 %', steps: [{ status: 'partly', atLeast: 90 }, { status: 'achieved', atLeast: 100 }, { status: 'not-achieved', atLeast: 0 }] };
  const ind = (higherIsBetter: boolean, outcome: number, target: number) => ({ id: 'x', higherIsBetter, values: [{ year: 2024, kind: 'outcome' as const, total: outcome }, { year: 2024, kind: 'target' as const, total: target }] });

  it('gives the step the share of the target reaches, lower-is-better turned round', () => {
    expect(ruleStatus(RULE, ind(true, 95, 100), 2024)).toEqual({ status: 'partly', share: 95 });
    expect(ruleStatus(RULE, ind(true, 100, 100), 2024)?.status).toBe('achieved');
    expect(ruleStatus(RULE, ind(true, 80, 100), 2024)?.status).toBe('not-achieved');
    // Lower is better: 118 against a target of 110 is 93 % of the way.
    expect(ruleStatus(RULE, ind(false, 118, 110), 2024)?.status).toBe('partly');
    expect(ruleStatus(RULE, ind(false, 105, 110), 2024)?.status).toBe('achieved');
    expect(ruleStatus(RULE, { higherIsBetter: true, values: [] }, 2024)).toBeUndefined();
  });

  it('fills in the status marked inferred with the rule, and keeps a typed one', () => {
    const g = { terms: { statusByRule: 'bedömt enligt regel: {rule}' }, statusRule: RULE };
    const goal = { assessmentRule: 'x', indicators: [ind(true, 95, 100)] };
    expect(withRuleStatus(goal, g, 2024)).toMatchObject({ assessment: 'partly', provenance: { basis: 'inferred', reason: 'bedömt enligt regel: uppfyllt vid målvärdet, delvis inom 10 %' } });
    expect(withRuleStatus({ ...goal, assessment: 'achieved' }, g, 2024).assessment).toBe('achieved');
  });

  const withRule = (r: any) => {
    r.governance = { preset: 'eskilstuna', statusRule: { label: 'uppnår vid målvärdet', steps: [{ status: 'achieved', atLeast: 100 }, { status: 'partly', atLeast: 90 }, { status: 'not-achieved', atLeast: 0 }] } };
    indicator(r).values = [{ year: 2022, kind: 'outcome', total: 72 }, { year: 2022, kind: 'target', total: 75 }];
    r.sections[1].areas[0].goals[0].assessmentRule = 'nki';
  };

  it('warns when a typed status disagrees with the rule', () => {
    const d = check((r) => { withRule(r); r.sections[1].areas[0].goals[0].assessment = 'achieved'; }).find((x) => x.code === 'status-disagrees-with-rule')!;
    expect(d).toMatchObject({ severity: 'warning', path: 'sections[1].areas[0].goals[0].assessmentRule' });
    expect(d.message).toContain('"partly"');
    expect(check((r) => { withRule(r); r.sections[1].areas[0].goals[0].assessment = 'partly'; }).map((x) => x.code)).not.toContain('status-disagrees-with-rule');
  });

  it('reports a rule naming no indicator of the goal, or no rule at all, with a hint', () => {
    const wrong = check((r) => { withRule(r); r.sections[1].areas[0].goals[0].assessmentRule = 'nkj'; }).find((x) => x.code === 'status-rule-unresolved')!;
    expect(wrong.hint).toBe('Did you mean "nki"?');
    const none = check((r) => { r.sections[1].areas[0].goals[0].assessmentRule = 'nki'; }).find((x) => x.code === 'status-rule-unresolved')!;
    expect(none.hint).toMatch(/governance.statusRule/);
  });

  it("gives an indicator its own status by the rule, and warns when its typed status disagrees", () => {
    const g = { terms: { statusByRule: 'bedömt enligt regel: {rule}' }, statusRule: RULE };
    expect(indicatorRuleStatus({ ...ind(true, 95, 100), assessmentByRule: true }, g, 2024)).toEqual({ status: 'partly', share: 95, words: 'bedömt enligt regel: uppfyllt vid målvärdet, delvis inom 10 %' });
    expect(indicatorRuleStatus(ind(true, 95, 100), g, 2024)).toBeUndefined();
    const own = (r: any) => { withRule(r); delete r.sections[1].areas[0].goals[0].assessmentRule; indicator(r).assessmentByRule = true; };
    expect(check(own)).toEqual([]);
    const d = check((r) => { own(r); indicator(r).assessment = 'achieved'; }).find((x) => x.code === 'status-disagrees-with-rule')!;
    expect(d).toMatchObject({ severity: 'warning', path: 'sections[1].areas[0].goals[0].indicators[0].assessment', expected: '"partly" (by the rule: uppnår vid målvärdet)', found: '"achieved"' });
    const none = check((r) => { indicator(r).assessmentByRule = true; }).find((x) => x.code === 'status-rule-unresolved')!;
    expect(none).toMatchObject({ path: 'sections[1].areas[0].goals[0].indicators[0].assessmentByRule' });
    expect(codes(check((r) => { indicator(r).assessment = 'uppnar'; }))).toEqual(['unknown-scale-key sections[1].areas[0].goals[0].indicators[0].assessment']);
  });

  it('checks the statuses of the rule against the assessment scale', () => {
    const ds = check((r) => { withRule(r); r.governance.statusRule.steps[0].status = 'uppnar'; });
    expect(codes(ds).some((c) => c.endsWith('governance.statusRule.steps[0].status'))).toBe(true);
  });
});

describe('text in another language in rich text', () => {
  it('parses [words]{lang=xx} as a span in that language, and leaves other brackets as text', async () => {
    const { parseMarkdown } = await import('../src/index.js');
    expect(parseMarkdown('Projektet [Energy Smart Schools]{lang=en} och [inte]{lang=} här.')).toEqual([
      { type: 'paragraph', children: [
        { type: 'text', value: 'Projektet ' },
        { type: 'foreign', language: 'en', children: [{ type: 'text', value: 'Energy Smart Schools' }] },
        { type: 'text', value: ' och [inte]{lang=} här.' },
      ] },
    ]);
  });
});
