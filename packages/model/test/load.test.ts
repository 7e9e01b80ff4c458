import { describe, expect, it } from 'vitest';
import { hasErrors, loadReport, countBySeverity } from '../src/index.js';
import { minimalText } from './helpers.js';

describe('loadReport', () => {
  it('returns a deep-frozen report without diagnostics for the minimal report', () => {
    const r = loadReport(minimalText, 'minimal.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.municipality).toEqual({ name: 'Exempelstad', code: '0999' });
    expect(Object.isFrozen(r.report)).toBe(true);
    expect(Object.isFrozen(r.report!.sections[1])).toBe(true);
    expect(() => {
      (r.report!.period as { year: number }).year = 2030;
    }).toThrow(TypeError);
  });

  it('returns no report when decoding fails', () => {
    const r = loadReport(minimalText.replace('kind: interim', 'kind: 3'));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-type']);
  });

  it('returns the report together with check errors', () => {
    const r = loadReport(minimalText.replace('men: 35', 'men: 34'), 'x.yaml');
    expect(r.report).toBeDefined();
    expect(r.diagnostics).toMatchObject([{ code: 'gender-sum-mismatch', file: 'x.yaml', line: 77 }]);
  });

  it('reads CRLF and a BOM with the same lines', () => {
    const crlf = '\ufeff' + minimalText.replace('men: 35', 'men: 34').replace(/\n/g, '\r\n');
    const r = loadReport(crlf);
    expect(r.diagnostics).toMatchObject([{ code: 'gender-sum-mismatch', line: 77 }]);
  });

  it('reads JSON, which is YAML', () => {
    const r = loadReport('{"id": "x"}');
    expect(r.diagnostics.length).toBeGreaterThan(3);
    expect(r.diagnostics.every((d) => d.code === 'missing-field')).toBe(true);
  });
});

describe('hasErrors', () => {
  const warning = { code: 'figure-mismatch', severity: 'warning' as const, path: 'a', message: 'm' };
  const info = { code: 'x', severity: 'info' as const, path: 'a', message: 'm' };
  it('counts warnings only when strict', () => {
    expect(hasErrors([warning, info])).toBe(false);
    expect(hasErrors([warning], { strict: true })).toBe(true);
    expect(hasErrors([info], { strict: true })).toBe(false);
    expect(hasErrors([{ ...warning, severity: 'error' }])).toBe(true);
  });
  it('counts by severity', () => {
    expect(countBySeverity([warning, warning, info])).toEqual({ error: 0, warning: 2, info: 1 });
  });
});
