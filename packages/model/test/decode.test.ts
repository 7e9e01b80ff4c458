import { describe, expect, it } from 'vitest';
import * as t from 'io-ts';
import { closest, decodeReport, decodeWith, editDistance, parseYaml, strict, nullable, Id } from '../src/index.js';
import { minimal, minimalText } from './helpers.js';

const decodeText = (text: string) => {
  const p = parseYaml(text, 'r.yaml');
  return decodeReport(p.value, { file: 'r.yaml', locate: p.locate });
};

describe('decodeReport', () => {
  it('decodes the minimal report without diagnostics', () => {
    const r = decodeReport(minimal());
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.id).toBe('0999-ks-2022-d2');
  });

  it('names the path, line and column of a bad enum value and suggests the right one', () => {
    const r = decodeText(minimalText.replace('kind: interim', 'kind: interm'));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'invalid-value',
      path: 'kind',
      file: 'r.yaml',
      line: 3,
      column: 7,
      expected: 'report kind (interim, tertial, annual or other)',
      found: '"interm"',
      hint: 'Did you mean "interim"?',
    });
  });

  it('gives one diagnostic for a nullable value, not one per union member', () => {
    const v = minimal();
    v.sections[1].areas[0].trend = 42;
    const r = decodeReport(v);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'invalid-type', path: 'sections[1].areas[0].trend', found: '42' });
    expect(r.diagnostics[0]!.expected).toContain('null');
  });

  it('reports an unknown key at the key itself with a did-you-mean and no extra missing-field', () => {
    const text = minimalText.replace('            responsible: [KS, SBN]', '            responsibel: [KS, SBN]');
    const r = decodeText(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'unknown-key',
      path: 'sections[1].areas[0].commitments[0].responsibel',
      line: 63,
      column: 13,
      message: 'Unknown key "responsibel". Did you mean "responsible"?',
    });
  });

  it('still reports the missing key when the unknown key is not a misspelling of it', () => {
    const v = minimal();
    delete v.sections[1].areas[0].commitments[0].responsible;
    v.sections[1].areas[0].commitments[0].owner = ['KS'];
    const codes = decodeReport(v).diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes.sort()).toEqual(['missing-field sections[1].areas[0].commitments[0].responsible', 'unknown-key sections[1].areas[0].commitments[0].owner']);
  });

  it('names a missing required field and points at its object', () => {
    const text = minimalText.replace('      label: Näringsliv', '').replace('  label: januari–augusti 2022\n', '');
    const r = decodeText(text);
    expect(r.diagnostics).toMatchObject([{ code: 'missing-field', path: 'period.label', line: 6, message: 'Missing required key "label" in period.', found: 'nothing' }]);
  });

  it('names the keys of a missing object and what it is for, where only a codec name was said', () => {
    const r = decodeReport({ ...minimal(), body: undefined, organisations: undefined });
    const byPath = new Map(r.diagnostics.map((d) => [d.path, d]));
    expect(byPath.get('body')).toMatchObject({ code: 'missing-field', expected: 'Body (a mapping with name, abbreviation)' });
    expect(byPath.get('body')!.hint).toMatch(/^Add "body:" \(the body that owns the report[^)]*\) with the keys name:, abbreviation: each on a line of its own below it, indented; "Body" in docs\/model\.md lists every key\.$/);
    expect(byPath.get('organisations')).toMatchObject({ expected: 'Organisations (a mapping with bodies)', hint: 'Add "organisations:" (the organisation registry: abbreviations and groups) with the key bodies: on a line of its own below it, indented; "Organisations" in docs/model.md lists every key.' });
    // A missing plain value keeps its short hint.
    expect(decodeReport({ ...minimal(), title: undefined }).diagnostics).toMatchObject([{ path: 'title', hint: 'Add "title:" with a non-empty string.' }]);
  });

  it.each([
    ['2022-02-30', '2022-02 has 28 days: write a day from 01 to 28.'],
    ['2023-02-29', '2023-02 has 28 days: write a day from 01 to 28.'],
    ['2100-02-29', '2100-02 has 28 days: write a day from 01 to 28.'],
    ['2022-04-31', '2022-04 has 30 days: write a day from 01 to 30.'],
  ])('refuses %s, a date of the right form that is not in the calendar, saying how many days the month has', (date, hint) => {
    const r = decodeText(minimalText.replace('end: 2022-08-31', `end: ${date}`));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-value', path: 'period.end', file: 'r.yaml', line: 9, expected: 'date (YYYY-MM-DD)', found: `"${date}"`, hint })]);
  });

  it('accepts the last day of each month, 29 February in a leap year included', () => {
    for (const date of ['2022-01-31', '2024-02-29', '2000-02-29', '2022-02-28', '2022-04-30', '2022-12-31']) {
      const r = decodeText(minimalText.replace('end: 2022-08-31', `end: ${date}`));
      expect(r.diagnostics.filter((d) => d.path === 'period.end'), date).toEqual([]);
    }
  });

  it.each(['123456789012345678901234567890', '-9007199254740993', '1e20'])('refuses %s, a figure a double cannot hold exactly (it was printed as another number)', (written) => {
    const r = decodeText(minimalText.replace('total: 72', `total: ${written}`));
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'invalid-value', path: 'sections[1].areas[0].goals[0].indicators[0].values[0].total', expected: 'number', message: expect.stringMatching(/ is too large a number to be kept exactly\.$/), hint: expect.stringMatching(/^A number this large \(beyond 9 007 199 254 740 991\) cannot be kept exactly/) }),
    ]);
  });

  it('keeps the largest exact figures and a headcount of a safe integer', () => {
    for (const written of ['9007199254740991', '-9007199254740991', '72.5', '0']) {
      expect(decodeText(minimalText.replace('total: 72', `total: ${written}`)).diagnostics, written).toEqual([]);
    }
    const headcount = decodeText(minimalText.replace('total: 102\n      women: 67', 'total: 1e300\n      women: 67'));
    expect(headcount.diagnostics.map((d) => [d.code, d.path])).toContainEqual(['invalid-value', 'sections[2].headcount.total']);
  });

  it('tells a wrong type from a wrong value', () => {
    const v = minimal();
    v.sections[2].headcount.women = 'sextiosju';
    v.period.year = 1800;
    const byPath = Object.fromEntries(decodeReport(v).diagnostics.map((d) => [d.path, d.code]));
    expect(byPath).toEqual({ 'sections[2].headcount.women': 'invalid-type', 'period.year': 'invalid-value' });
  });

  it('reports an unknown section type with the known types and a suggestion', () => {
    const v = minimal();
    v.sections[0].type = 'sumary';
    expect(decodeReport(v).diagnostics).toMatchObject([{ code: 'invalid-value', path: 'sections[0].type', hint: 'Did you mean "summary"?' }]);
  });

  it('reports every problem in a deep recursive section', () => {
    const v = minimal();
    v.sections.push({ id: 'text', type: 'text', sections: [{ id: 'inner', type: 'text', sections: [{ id: 'x', type: 'legend', extra: 1 }] }] });
    expect(decodeReport(v).diagnostics).toMatchObject([{ code: 'unknown-key', path: 'sections[6].sections[0].sections[0].extra' }]);
  });

  it('reports a bad value inside a table record with its column key', () => {
    const v = minimal();
    v.sections[4].tables[0].rows[0].values.utfall = '1 200';
    expect(decodeReport(v).diagnostics).toMatchObject([{ code: 'swedish-number', path: 'sections[4].tables[0].rows[0].values.utfall', found: '"1 200"', expected: 'number', hint: 'Write 1200 (digits without spaces, decimals with a point); readers still see the Swedish form.' }]);
  });

  it('spells out lists and nullable values in what it expected', () => {
    const v = minimal();
    v.sections = 3;
    v.sections_ = [];
    const ds = decodeReport(v).diagnostics;
    expect(ds).toMatchObject([
      { code: 'unknown-key', path: 'sections_', message: 'Unknown key "sections_". Did you mean "sections"?' },
      { code: 'invalid-type', path: 'sections', expected: 'list of Section', message: 'Expected a list of Section, found number 3.' },
    ]);
    const w = minimal();
    w.sections[1].areas[0].commitments[0].status = 5;
    expect(decodeReport(w).diagnostics).toMatchObject([{ code: 'invalid-type', message: 'Expected a non-empty string or null, found number 5.' }]);
  });

  it('names the missing item of a pair', () => {
    const v = minimal();
    v.sections[4].tables[0].columns[3].differenceOf = ['budget'];
    expect(decodeReport(v).diagnostics).toMatchObject([
      { code: 'missing-field', path: 'sections[4].tables[0].columns[3].differenceOf[1]', message: 'The list sections[4].tables[0].columns[3].differenceOf needs 2 items; item 2 is missing.' },
    ]);
  });

  it('decodes any codec with decodeWith', () => {
    const Small = strict('Small', 'A test object.', { id: Id }, { note: nullable(t.string) });
    expect(decodeWith(Small, { id: 'a', note: null }).value).toEqual({ id: 'a', note: null });
    expect(decodeWith(Small, { id: 'a', nte: 'x' }).diagnostics).toMatchObject([{ code: 'unknown-key', path: 'nte', hint: 'Rename "nte" to "note".' }]);
  });
});

describe('closest and editDistance', () => {
  it('measures transpositions as one edit', () => {
    expect(editDistance('totla', 'total')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests only near candidates', () => {
    expect(closest('titel', ['title', 'kind'])).toBe('title');
    expect(closest('quarter', ['year', 'label', 'start', 'end'])).toBeUndefined();
  });
});

describe('did-you-mean on short keys', () => {
  it('does not suggest a key for a one-letter key', () => {
    expect(closest('a', ['id', 'kind'])).toBeUndefined();
    expect(closest('SNB', ['KS', 'SBN'])).toBe('SBN');
  });
});
