// The small parts on their own: wrapping. (Signs and abbreviations are decided in the core's document.)
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../src/index.js';

describe('wrapLine', () => {
  it('breaks at spaces only, keeps a long word whole and NBSP-joined numbers together', () => {
    expect(wrapLine('ett två tre fyra fem', 9)).toEqual(['ett två', 'tre fyra', 'fem']);
    expect(wrapLine('kort Kommunledningskontoret kort', 10)).toEqual(['kort', 'Kommunledningskontoret', 'kort']);
    expect(wrapLine('summa 30\u00a0210\u00a0tusen kronor', 12)).toEqual(['summa', '30\u00a0210\u00a0tusen', 'kronor']);
    expect(wrapLine('   - åäö åäö', 8)).toEqual(['   - åäö', 'åäö']);
    expect(wrapLine('kort rad', 80)).toEqual(['kort rad']);
  });
});
