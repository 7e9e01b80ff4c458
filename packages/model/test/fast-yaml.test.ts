// parseYaml's fast reading (js-yaml's events, no source positions until a finding asks) against
// the full one (yaml's composed document): the same value and the same diagnostics, with the
// same file, line and column, on every fixture, the examples, planted errors and many texts
// changed at random; and the fast reading really is taken for a plain report.
import { readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from 'yaml';
import { loadReport, parseYaml } from '../src/index.js';
import { fixture, minimalText } from './helpers.js';

const example = (name: string) => `examples/${name}/rapport.yaml`;
const EXAMPLES = ['eskilstuna-ks-2022-delar2', 'ekdala-kf-2024-delar2', 'norrvik-bun-2024-malmodell', 'solberga-son-2024-delar'].map(example);
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
const ESKILSTUNA = read(EXAMPLES[0]!);

/** Every file the model's tests read: valid and invalid fixtures, with their paths as shown. */
const FIXTURES = ['valid', 'invalid'].flatMap((dir) =>
  readdirSync(fixture(dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(fixture(`${dir}/${f}`), 'utf8') })),
);

/** The example with one change planted: a decode error, a check finding, a YAML error. */
const PLANTED: { name: string; text: string }[] = [
  { name: 'unknown key', text: ESKILSTUNA.replace('\ntitle:', '\ntitel: x\ntitle:') },
  { name: 'a number as text', text: ESKILSTUNA.replace('\n  year: 2022', '\n  year: "tjugo"') },
  { name: 'women and men not adding up', text: ESKILSTUNA.replace('women: 67', 'women: 68') },
  { name: 'a duplicate key', text: ESKILSTUNA.replace('\ntitle:', '\ntitle: x\ntitle:') },
  { name: 'a tab as indentation', text: ESKILSTUNA.replace(/\n {2}(\S)/, '\n\t$1') },
  { name: 'a decimal comma in a flow mapping', text: ESKILSTUNA.replace('\ntitle:', '\nextra: { total: 700,5 }\ntitle:') },
  { name: 'a control character', text: ESKILSTUNA.replace('\ntitle: ', '\ntitle: \u0007') },
  { name: 'an alias', text: ESKILSTUNA.replace('\ntitle: ', '\ntitle: &t ').replace('\nkind:', '\nx: *t\nkind:') },
  { name: 'a tag making a number text', text: ESKILSTUNA.replace('\n  year: 2022', '\n  year: !!str 2022') },
  { name: 'a second document', text: `${ESKILSTUNA}\n---\na: 1\n` },
];

/** Equal as values are (NaN equals NaN, −0 is not 0), and with the same diagnostics. */
function expectSameParse(text: string, file: string): void {
  const fast = parseYaml(text, file);
  const full = parseYaml(text, file, { fast: false });
  expect(isDeepStrictEqual(fast.value, full.value)).toBe(true);
  expect(fast.diagnostics).toEqual(full.diagnostics);
}

function expectSameLoad(text: string, file: string): void {
  const fast = loadReport(text, file);
  const full = loadReport(text, file, { fast: false });
  expect(fast.diagnostics).toEqual(full.diagnostics);
  expect(isDeepStrictEqual(fast.report, full.report)).toBe(true);
}

describe('parseYaml: the fast reading gives what the full one gives', () => {
  it('on every fixture and example: value, report and diagnostics with file, line and column', () => {
    expect(FIXTURES.length).toBeGreaterThan(60);
    for (const { file, text } of [...FIXTURES, ...EXAMPLES.map((file) => ({ file, text: read(file) }))]) {
      expectSameParse(text, file);
      expectSameLoad(text, file);
    }
  });

  it('on errors planted in the example, each still found at its line and column', () => {
    for (const { name, text } of PLANTED) {
      expect(text, name).not.toBe(ESKILSTUNA);
      const full = loadReport(text, 'rapport.yaml', { fast: false });
      expect(full.diagnostics.length, name).toBeGreaterThan(0);
      expect(full.diagnostics.every((d) => d.line !== undefined && d.column !== undefined), name).toBe(true);
      expectSameParse(text, 'rapport.yaml');
      expectSameLoad(text, 'rapport.yaml');
    }
  });

  // Pieces of YAML that change how a text reads: indicators, quotes, block scalars, flow
  // collections, tags, anchors, comments, numbers and nulls in every form, tabs and line ends.
  const PIECES = [
    ' ', '  ', '\n', '\n  ', '\n    ', '\t', '\r\n', ':', ': ', '- ', '? ', '#', ' # c', ',', '[', ']', '{', '}', '"', "'", '\\', '|', '|-', '|+', '>', '>-', '|2',
    '&a ', '*a', '!!str ', '!x ', '%', '---', '...', '@', '`', '~', 'null', 'Null', 'true', 'False', 'no', '0', '12', '-0', '+1', '0x1F', '0o17', '1_000',
    '.5', '1.', '1e3', '.inf', '-.Inf', '.nan', '700,5', 'ja', 'å', '\u0085', '\u2028', '\u00a0', '\ufeff', '\u0007', '\ud800', 'key', '__proto__',
  ];
  const edits = fc.array(
    fc.record({ at: fc.nat(), cut: fc.nat({ max: 3 }), put: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) }),
    { minLength: 1, maxLength: 4 },
  );
  const apply = (text: string, changes: { at: number; cut: number; put: string }[]) =>
    changes.reduce((t, { at, cut, put }) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + put + t.slice(i + cut);
    }, text);

  it('on block scalars with an indentation indicator over lines of spaces (js-yaml and yaml differ there)', () => {
    for (const header of ['|2', '>2', '|2-', '|-2', '|+2', '>1+', '|3 # c']) {
      for (const body of ['    \n', '  x\n    \n', '   \n  y\n', '\n    \n']) expectSameParse(`a: ${header}\n${body}b: 1\n`, 'x.yaml');
      expectSameParse(`a: ${header}\n    \n`, 'x.yaml');
    }
  });

  it('on a line of blanks with a tab after a key without a value (js-yaml reads an empty line, yaml a tab as indentation)', () => {
    for (const blank of ['\t', ' \t', '\t ', '  \t  ']) {
      for (const end of ['\n', '\r\n']) {
        expectSameParse(`a:${end}${blank}\nb: 1\n`, 'x.yaml');
        expectSameParse(`a: ${end}${blank}\n"q": \n  x: \n`, 'x.yaml');
      }
    }
    expect(parseYaml('a:\n\t\nb: 1\n', 'x.yaml').diagnostics.map((d) => d.code)).toEqual(['yaml-tab-indent']);
  });

  it('on numbers too large for a double (yaml reads Infinity, js-yaml the text)', () => {
    for (const n of ['1e309', '-1e400', '+1e999', '.1e999', '1.e400', `1${'0'.repeat(400)}`, '1e308', '1.5e-400', '99999999999999999999']) {
      expectSameParse(`a: ${n}\nb: [${n}]\n${n}: c\n`, 'x.yaml');
    }
  });

  it('on the minimal report changed at random: indicators, numbers, nulls, quotes and whitespace put in or cut out', () => {
    fc.assert(
      fc.property(edits, (changes) => {
        expectSameParse(apply(minimalText, changes), 'minimal.yaml');
      }),
      { numRuns: 800 },
    );
  });

  it('on small mappings made of the pieces, which the fast reading mostly takes', () => {
    const line = fc.tuple(fc.constantFrom('a', 'b', 'c: ', '- ', '  x', '"q"', "'s'"), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 })).map(([k, v]) => `${k}: ${v.join('')}`);
    let fastTaken = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        expectSameParse(text, 'x.yaml');
        const full = parseYaml(text, 'x.yaml', { fast: false });
        if (full.diagnostics.length === 0 && full.value !== null && typeof full.value === 'object') fastTaken++;
      }),
      { numRuns: 3000 },
    );
    expect(fastTaken).toBeGreaterThan(300);
  });
});

describe('parseYaml: positions only when asked', () => {
  afterEach(() => vi.restoreAllMocks());

  it('composes no yaml document for a plain report until a position is asked, then once', () => {
    const compose = vi.spyOn(Composer.prototype, 'compose');
    const parsed = parseYaml(ESKILSTUNA, 'rapport.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(compose).not.toHaveBeenCalled();
    const full = parseYaml(ESKILSTUNA, 'rapport.yaml', { fast: false });
    expect(compose).toHaveBeenCalledTimes(1);
    expect(parsed.locate(['title'])).toEqual(full.locate(['title']));
    expect(parsed.locate(['sections', 1, 'areas', 0], { key: true })).toEqual(full.locate(['sections', 1, 'areas', 0], { key: true }));
    expect(compose).toHaveBeenCalledTimes(2);
  });

  it('composes the document at once for a text the fast reading leaves alone (an alias)', () => {
    const compose = vi.spyOn(Composer.prototype, 'compose');
    parseYaml('a: &x 1\nb: *x\n');
    expect(compose).toHaveBeenCalledTimes(1);
  });
});
