// What YAML would not keep as written: a tag (read as nothing, as another type, or dropped
// silently) and a number with more digits than a double keeps (rounded silently). Both are
// refused where they are written, in the fast reading's texts as much as in the full one's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReport, parseYaml } from '../src/index.js';
import { keepsDigits } from '../src/unkept.js';
import { minimalText } from './helpers.js';

const TOTAL = 'sections[1].areas[0].goals[0].indicators[0].values[0].total';

describe('a YAML tag is refused at its line and column', () => {
  it.each([
    ['title: !foo Delårsrapport 2 2022', '!foo', 'title', 4, 8],
    ['title: !!python/object:os.system Delårsrapport', '!!python/object:os.system', 'title', 4, 8],
    ['title: !!binary RGVs5XJzcmFwcG9ydA==', '!!binary', 'title', 4, 8],
    ['title: !!str Delårsrapport', '!!str', 'title', 4, 8],
  ])('%s', (line, tag, path, lineNo, column) => {
    const r = loadReport(minimalText.replace('title: Delårsrapport 2 2022', line), 'rapport.yaml');
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml-tag', severity: 'error', file: 'rapport.yaml', path, line: lineNo, column, expected: 'a value without a YAML tag', found: tag, hint: `Remove ${tag}; to keep a value as text, put it in quotes ("…") instead.` }),
    ]);
    expect(r.diagnostics[0]!.message).toBe(`The tag ${tag} is not read: kommunrapport reads YAML without tags, so this value would not be taken as written.`);
  });

  it('on a mapping, a list item, a key and the whole document, each where its tag is written', () => {
    const text = minimalText
      .replace('period:\n', 'period: !period\n')
      .replace('    - abbreviation: SBN', '    - !org\n      abbreviation: SBN')
      .replace('language: sv', '!k language: sv');
    const r = parseYaml(`--- !report\n${text}`, 'rapport.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.found, d.path, d.line, d.column])).toEqual([
      ['yaml-tag', '!report', '', 1, 5],
      ['yaml-tag', '!period', 'period', 6, 9],
      ['yaml-tag', '!k', 'language', 17, 1],
      ['yaml-tag', '!org', 'organisations.bodies[1]', 24, 7],
    ]);
  });

  it('the same in the fast reading and the full one', () => {
    const text = minimalText.replace('title: Delårsrapport 2 2022', 'title: !foo Rapport');
    expect(parseYaml(text, 'r.yaml').diagnostics).toEqual(parseYaml(text, 'r.yaml', { fast: false }).diagnostics);
  });
});

describe('a number with more digits than can be kept is refused, ordinary decimals are kept', () => {
  it.each([
    ['0.12345678901234567890', '0.12345678901234568', '0.123456789012346', 19],
    ['1234567890123.456789', '1234567890123.4568', '1234567890123.46', 19],
    ['72.000000000000000001', '72', '72', 20],
    ['-0.30000000000000004441', '-0.30000000000000004', '-0.3', 20],
  ])('%s, read as %s', (written, read, rounded, digits) => {
    const r = loadReport(minimalText.replace('total: 72', `total: ${written}`), 'rapport.yaml');
    expect(r.report).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'number-too-precise',
        severity: 'error',
        file: 'rapport.yaml',
        path: TOTAL,
        line: 53,
        column: 28,
        message: `${written} has ${digits} significant digits, more than a number can keep: it would be read as ${read}.`,
        expected: 'a number of at most 15 significant digits',
        found: `${written} (${digits} significant digits)`,
        hint: `Write it with fewer decimals (${rounded} keeps 15 digits; a report's figures need far fewer), or, where text is allowed, put it in quotes ("${written}") to keep it as text.`,
      }),
    ]);
  });

  it('a number too small to be kept, and one written as a key', () => {
    const r = parseYaml('a: 1.5e-400\n0.30000000000000000001: b\n', 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line, d.column, d.message])).toEqual([
      ['number-too-precise', 'a', 1, 4, '1.5e-400 is too small a number to be kept exactly: it would be read as 0.'],
      ['number-too-precise', '["0.3"]', 2, 1, '0.30000000000000000001 has 20 significant digits, more than a number can keep: it would be read as 0.3.'],
    ]);
  });

  it('the same in the fast reading and the full one', () => {
    const text = minimalText.replace('total: 72', 'total: 0.12345678901234567890');
    expect(parseYaml(text, 'r.yaml').diagnostics).toEqual(parseYaml(text, 'r.yaml', { fast: false }).diagnostics);
  });

  it('text in quotes keeps every digit', () => {
    const r = parseYaml('a: "0.12345678901234567890"\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ a: '0.12345678901234567890' });
  });

  it('keeps 0.1, 12.35, 72.5, 1e3, -0, .5, 1., trailing zeros and the largest safe integer', () => {
    for (const written of ['0.1', '12.35', '72.5', '1e3', '1.5E-3', '-0', '.5', '1.', '12.350000', '0.000001', '9007199254740991', '1234567890.12345']) {
      expect(keepsDigits(written), written).toBe(true);
      const r = loadReport(minimalText.replace('total: 72', `total: ${written}`), 'r.yaml');
      expect(r.diagnostics.filter((d) => d.code === 'number-too-precise'), written).toEqual([]);
      expect(r.report, written).toBeDefined();
    }
  });

  it('keeps every ordinary decimal: up to 15 significant digits, any sign, trailing zeros and exponent', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
        fc.nat({ max: 15 }),
        fc.nat({ max: 4 }),
        fc.option(fc.integer({ min: -30, max: 30 }), { nil: undefined }),
      )
      .map(([sign, digits, point, zeros, exponent]) => {
        const s = digits.toString().padStart(point + 1, '0');
        const text = `${s.slice(0, s.length - point)}${point > 0 ? `.${s.slice(s.length - point)}${'0'.repeat(zeros)}` : ''}`;
        return `${sign}${text}${exponent === undefined ? '' : `e${exponent}`}`;
      });
    fc.assert(
      fc.property(decimal, (written) => {
        expect(keepsDigits(written)).toBe(true);
        const r = parseYaml(`a: ${written}\n`, 'x.yaml');
        expect(r.diagnostics).toEqual([]);
        expect(r.value).toEqual({ a: Number(written) });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every decimal of 18 or 19 significant digits (a double keeps at most 17)', () => {
    // The last digit is not 0 and at most 15 digits stand before the point, so the number is within the safe range.
    const long = fc.tuple(fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n - 1n }), fc.integer({ min: 4, max: 19 })).map(([digits, point]) => {
      const s = (digits - (digits % 10n) + 1n + (digits % 9n)).toString();
      return point >= s.length ? `0.${'0'.repeat(point - s.length)}${s}` : `${s.slice(0, s.length - point)}.${s.slice(s.length - point)}`;
    });
    fc.assert(
      fc.property(long, (written) => {
        expect(keepsDigits(written)).toBe(false);
        expect(parseYaml(`a: ${written}\n`, 'x.yaml').diagnostics.map((d) => [d.code, d.path])).toEqual([['number-too-precise', 'a']]);
      }),
      { numRuns: 500 },
    );
  });
});
