// Class: pathological text. A run of characters without a space, tab or line end longer
// than LIMITS.maxRunLength, anywhere in a report (a title, a cell, prose, a key), is
// refused with its path, line and position before anything is rendered; runs up to the
// limit pass, and no-break spaces do not end a run. Generated texts and places.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, loadReport, longRun } from '../src/index.js';
import { fixture } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const MAX = LIMITS.maxRunLength;
const yaml = readFileSync(fixture('valid/minimal.yaml'), 'utf8');
/** Characters that do not break a run: letters, digits, punctuation of URLs, a no-break space, an astral letter. */
const unit = fc.constantFrom('a', 'ö', '/', '-', '\u00a0', '\u{1d400}', '%');
const breaking = fc.constantFrom(' ', '\t', '\n', '\r');
const run = (length: number) => fc.array(unit, { minLength: length, maxLength: length }).map((a) => a.join(''));

/** The places a text can stand in the minimal report, with the path it is found at. */
const places: { path: string; put: (s: string) => string }[] = [
  { path: 'title', put: (t) => yaml.replace(/^title: .*$/m, `title: ${JSON.stringify(t)}`) },
  { path: 'summary', put: (t) => yaml.replace(/^summary: .*$/m, `summary: |\n  Inledning.\n  ${t.replace(/\n/g, ' ')}`) },
  { path: 'sections[1].title', put: (t) => yaml.replace('title: Hållbar utveckling', `title: ${JSON.stringify(t)}`) },
  { path: 'sections[4].tables[0].rows[0].label', put: (t) => yaml.replace('label: Intäkter', `label: ${JSON.stringify(t)}`) },
];

describe('long unbroken runs', () => {
  it('longRun finds the first run over the limit, its start and its length in characters, in one pass', () => {
    fc.assert(
      fc.property(fc.nat({ max: 300 }), fc.nat({ max: 300 }), fc.integer({ min: 1, max: 40 }), breaking, (before, excess, max, sep) => {
        const short = 'x'.repeat(before % (max + 1));
        const long = 'y'.repeat(max + 1 + (excess % 50));
        const text = `${short}${sep}${long}${sep}${'z'.repeat(max)}`;
        expect(longRun(text, max)).toEqual({ index: short.length + 1, length: long.length });
        expect(longRun(`${short}${sep}${'z'.repeat(max)}`, max)).toBeUndefined();
      }),
      { seed: SEED, numRuns: 300 },
    );
    // An astral character counts once; a no-break space does not end a run.
    expect(longRun('\u{1d400}'.repeat(3), 3)).toBeUndefined();
    expect(longRun('a\u00a0a\u00a0', 3)).toEqual({ index: 0, length: 4 });
  });

  it('runs up to the limit pass; one character more is text-run-too-long with path, line and position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: places.length - 1 }), fc.integer({ min: MAX - 3, max: MAX + 3 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 8 }), (p, length, lead) => {
        const place = places[p]!;
        return fc.assert(
          fc.property(run(length), (body) => {
            const text = `${lead} ${body}`;
            const { diagnostics } = loadReport(place.put(text), 'r.yaml');
            const d = diagnostics.find((x) => x.code === 'text-run-too-long');
            if (length <= MAX) {
              expect(d).toBeUndefined();
              return;
            }
            expect(d).toMatchObject({ severity: 'error', file: 'r.yaml', path: place.path, expected: `at most ${MAX} characters without a space` });
            expect(d!.line).toBeGreaterThan(0);
            expect(d!.found).toMatch(new RegExp(`^${length} characters without a space`));
            expect(d!.hint).toContain('link');
          }),
          { seed: SEED, numRuns: 2 },
        );
      }),
      { seed: SEED, numRuns: 24 },
    );
  });

  it('a key of a run over the limit is refused as a key', () => {
    // An explicit key: YAML allows implicit keys of at most 1 024 characters.
    const source = yaml.replace(/^title: .*$/m, (line) => `${line}\n? ${'k'.repeat(MAX + 1)}\n: 1`);
    const d = loadReport(source, 'r.yaml').diagnostics.find((x) => x.code === 'text-run-too-long');
    expect(d).toMatchObject({ severity: 'error', line: 5 });
    expect(d!.message).toContain('The key holds 2001 characters without a space from position 1');
  });

  it('a 10 MB word is found in one pass, well within a second', () => {
    const text = `kort ${'a'.repeat(10_000_000)}`;
    const t = performance.now();
    const found = longRun(text);
    const ms = performance.now() - t;
    expect(found).toEqual({ index: 5, length: 10_000_000 });
    // Linear: about 20 ms here; a scan that went back over the run would take minutes.
    expect(ms).toBeLessThan(2000);
  });
});
