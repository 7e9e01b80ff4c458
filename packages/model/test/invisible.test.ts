// Class: invisible and confusable characters (Trojan Source). A bidirectional control or a
// zero-width character anywhere in a report's prose is a warning, in a key an error, with
// the path, line and its position in the text. Generated texts and places.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/index.js';
import { fixture } from './helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);
const yaml = readFileSync(fixture('valid/minimal.yaml'), 'utf8');
const invisible = fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff');
const plain = fc.string({ unit: fc.constantFrom(...'abcåäö XYZ019'.split('')), maxLength: 12 });

describe('invisible characters', () => {
  it('warns about one in prose and refuses one in a key, with its place and position', () => {
    fc.assert(
      fc.property(plain, invisible, plain, fc.boolean(), (before, char, after, inKey) => {
        const text = `${before}${char}${after}`;
        const source = inKey
          ? yaml.replace(/^title: .*$/m, (line) => `${line}\n${JSON.stringify(`k${text}`)}: 1`)
          : yaml.replace(/^title: .*$/m, `title: ${JSON.stringify(`T${text}`)}`);
        const { diagnostics } = loadReport(source, 'r.yaml');
        const d = diagnostics.find((x) => x.code === 'invisible-character');
        expect(d).toBeDefined();
        expect(d!.severity).toBe(inKey ? 'error' : 'warning');
        expect(d!.file).toBe('r.yaml');
        expect(d!.line).toBeGreaterThan(0);
        expect(d!.message).toContain(`at position ${before.length + 2}`);
        expect(d!.found).toBe(`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
