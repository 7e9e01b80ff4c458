import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_GROUPS, formatDiagnostic, formatPath, modelDiagnostic, renderValue } from '../src/index.js';

describe('the catalogue', () => {
  it('names every code in kebab case with title, severity, group, meaning, message function and hint (Astro\'s shape)', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(info.severity);
      expect(Object.keys(DIAGNOSTIC_GROUPS), code).toContain(info.group);
      expect(info.title.length).toBeGreaterThan(3);
      expect(info.meaning.length).toBeGreaterThan(10);
      expect(typeof info.message).toBe('function');
      expect(info.hint.length).toBeGreaterThan(10);
    }
  });
  it('makes a finding from a code and its data: message from the function, severity and default hint from the catalogue', () => {
    expect(modelDiagnostic('duplicate-id', { kind: 'goal', id: 'g1', first: 'sections[1].goals[0].id' }, { path: 'sections[2].goals[0].id', file: 'r.yaml', line: 4 })).toEqual({
      code: 'duplicate-id',
      severity: 'error',
      path: 'sections[2].goals[0].id',
      message: 'The goal id "g1" is already used at sections[1].goals[0].id.',
      file: 'r.yaml',
      line: 4,
      hint: DIAGNOSTIC_CODES['duplicate-id'].hint,
    });
  });
  it('keeps the permanent names', () => {
    expect(Object.keys(DIAGNOSTIC_CODES)).toEqual(expect.arrayContaining([
      'yaml-syntax', 'yaml-duplicate-key', 'yaml-alias-limit', 'empty-file', 'unknown-key', 'invalid-type', 'missing-field',
      'invalid-value', 'unknown-scale-key', 'duplicate-id', 'unresolved-reference', 'sum-mismatch', 'difference-mismatch',
      'gender-sum-mismatch', 'deviation-sum-mismatch', 'percent-out-of-range', 'year-outside-period', 'date-outside-period',
      'unit-slip', 'figure-mismatch', 'missing-value-reason',
    ]));
  });
});

describe('formatDiagnostic', () => {
  it('prints place, severity, code and path, then message, expected, found and hint', () => {
    const text = formatDiagnostic({
      code: 'unknown-key', severity: 'error', path: 'period.quartr', file: 'r.yaml', line: 10, column: 3,
      message: 'Unknown key "quartr".', expected: 'one of the keys year, label', found: '"quartr"', hint: 'Remove the key.',
    });
    expect(text).toBe([
      'r.yaml:10:3  error  unknown-key  period.quartr',
      '  Unknown key "quartr".',
      '  expected: one of the keys year, label',
      '  found:    "quartr"',
      '  hint:     Remove the key.',
    ].join('\n'));
  });
  it('leaves out what is not known and colours the severity on request', () => {
    const text = formatDiagnostic({ code: 'empty-file', severity: 'warning', path: '', message: 'Empty.' }, { colour: (s, t) => `<${s}>${t}</${s}>` });
    expect(text).toBe('<input>  <warning>warning</warning>  empty-file\n  Empty.');
  });
});

describe('formatPath and renderValue', () => {
  it('formats paths like code', () => {
    expect(formatPath(['sections', 5, 'areas', 2, 'commitments', 1, 'status'])).toBe('sections[5].areas[2].commitments[1].status');
    expect(formatPath(['organisations', 'groups', 0, 'alla nämnder'])).toBe('organisations.groups[0]["alla nämnder"]');
    expect(formatPath(['$schema'])).toBe('$schema');
  });
  it('renders values briefly', () => {
    expect(renderValue('x'.repeat(100))).toHaveLength(60);
    expect(renderValue({ a: 1, b: 2 })).toBe('an object with keys a, b');
    expect(renderValue([1])).toBe('a list of 1 item');
    expect(renderValue(undefined)).toBe('nothing');
  });
});

describe('the READMEs', () => {
  it('list every code of the catalogue', async () => {
    const { readFileSync } = await import('node:fs');
    const model = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const cli = readFileSync(new URL('../../cli/README.md', import.meta.url), 'utf8');
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(model, code).toContain(`| \`${code}\` | ${info.severity} | ${info.title} |`);
      expect(cli, code).toContain(`\`${code}\``);
    }
  });
});
