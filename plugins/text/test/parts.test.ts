// The small parts on their own: wrapping. (Signs and abbreviations are decided in the core's document.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { textWidth, wrapLine } from '../src/index.js';

describe('wrapLine', () => {
  it('breaks at spaces only, keeps a long word whole and NBSP-joined numbers together', () => {
    expect(wrapLine('ett två tre fyra fem', 9)).toEqual(['ett två', 'tre fyra', 'fem']);
    expect(wrapLine('kort Kommunledningskontoret kort', 10)).toEqual(['kort', 'Kommunledningskontoret', 'kort']);
    expect(wrapLine('summa 30\u00a0210\u00a0tusen kronor', 12)).toEqual(['summa', '30\u00a0210\u00a0tusen', 'kronor']);
    expect(wrapLine('   - åäö åäö', 8)).toEqual(['   - åäö', 'åäö']);
    expect(wrapLine('kort rad', 80)).toEqual(['kort rad']);
  });
});

describe('wrapLine and textWidth without measuring again', () => {
  /** The wrapping as first written: every word measured against the whole line built so far. */
  function wrapLineByMeasuring(line: string, width: number): string[] {
    const measure = (t: string) => [...t].length;
    if (measure(line) <= width) return [line];
    const indent = /^ */.exec(line)![0];
    const words = line.slice(indent.length).split(' ').filter((w) => w !== '');
    const out: string[] = [];
    let current = indent;
    for (const word of words) {
      if (current.trim() === '') current += word;
      else if (measure(current) + 1 + measure(word) <= width) current += ` ${word}`;
      else {
        out.push(current);
        current = word;
      }
    }
    out.push(current);
    return out;
  }
  // Words, spaces of every kind, letters outside the basic plane and lone surrogates.
  const PIECES = ['ett', 'två', 'Kommunledningskontoret', '−12,3', ' ', '  ', '\u00a0', '\t', '\u2028', '😀', '\ud83d', '\ude00', 'å', 'x'];
  const line = fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it('counts code points as the string iterator does, lone surrogates included', () => {
    fc.assert(fc.property(line, (s) => textWidth(s) === [...s].length), { numRuns: 3000 });
    expect(textWidth('😀\ud83då')).toBe(3);
  });

  it('wraps every line as measuring the whole line again for each word did', () => {
    fc.assert(fc.property(line, fc.integer({ min: 1, max: 40 }), (s, width) => {
      expect(wrapLine(s, width)).toEqual(wrapLineByMeasuring(s, width));
    }), { numRuns: 3000 });
  });
});
