// The small parts on their own: wrapping, the sign writer, the abbreviation writer.
import { describe, expect, it } from 'vitest';
import { createVocabulary } from '@kommunrapport/core';
import { createAbbreviationWriter, createSignWriter, wrapLine } from '../src/index.js';
import { FIXTURE, loadFile } from './helpers.js';

const vocabulary = createVocabulary(loadFile(FIXTURE));

describe('wrapLine', () => {
  it('breaks at spaces only, keeps a long word whole and NBSP-joined numbers together', () => {
    expect(wrapLine('ett två tre fyra fem', 9)).toEqual(['ett två', 'tre fyra', 'fem']);
    expect(wrapLine('kort Kommunledningskontoret kort', 10)).toEqual(['kort', 'Kommunledningskontoret', 'kort']);
    expect(wrapLine('summa 30\u00a0210\u00a0tusen kronor', 12)).toEqual(['summa', '30\u00a0210\u00a0tusen', 'kronor']);
    expect(wrapLine('   - åäö åäö', 8)).toEqual(['   - åäö', 'åäö']);
    expect(wrapLine('kort rad', 80)).toEqual(['kort rad']);
  });
});

describe('createSignWriter', () => {
  it('writes U+2212 for a minus, whatever dash the author used, and leaves ranges and words alone', () => {
    const sign = createSignWriter('sign', vocabulary);
    expect(sign('−0,6 och -1,2 och (–3) men 2021-2022, covid-19 och jan – aug')).toBe('\u22120,6 och \u22121,2 och (\u22123) men 2021-2022, covid-19 och jan – aug');
    expect(sign('+15,6')).toBe('+15,6');
  });

  it('writes the vocabulary’s words for speech, and numbers without thousands separators', () => {
    const word = createSignWriter('word', vocabulary);
    expect(word('Utfall \u221271,5\u00a0miljoner kronor; +15,6')).toBe('Utfall minus 71,5\u00a0miljoner kronor; plus 15,6');
    expect(word('\u22121\u00a0266,8\u00a0miljoner och 30\u00a0210\u00a0stycken, 2021 30')).toBe('minus 1266,8\u00a0miljoner och 30210\u00a0stycken, 2021 30');
    expect(createSignWriter('sign', vocabulary)('30\u00a0210')).toBe('30\u00a0210');
  });
});

describe('createAbbreviationWriter', () => {
  it('writes out at first use, across texts, and only the abbreviation afterwards', () => {
    const w = createAbbreviationWriter(vocabulary);
    expect(w.write('SBN och KS.')).toBe('Stadsbyggnadsnämnden (SBN) och Kommunstyrelsen (KS).');
    expect(w.write('SBN och KS igen; SBNX är inget.')).toBe('SBN och KS igen; SBNX är inget.');
    expect([...w.seen]).toEqual(['SBN', 'KS']);
  });

  it('keeps a suffixed word whole and respects what the author wrote out', () => {
    expect(createAbbreviationWriter(vocabulary).write('KS:s plan och KS-nivå')).toBe('KS:s (Kommunstyrelsen) plan och KS-nivå');
    expect(createAbbreviationWriter(vocabulary).write('Stadsbyggnadsnämnden (SBN) och SBN')).toBe('Stadsbyggnadsnämnden (SBN) och SBN');
    expect(createAbbreviationWriter(vocabulary).write('SBN (Stadsbyggnadsnämnden i Exempelstad) och SBN')).toBe('SBN (Stadsbyggnadsnämnden i Exempelstad) och SBN');
    const w = createAbbreviationWriter(vocabulary);
    expect(w.write('SBN först, sedan Stadsbyggnadsnämnden (SBN).')).toBe('Stadsbyggnadsnämnden (SBN) först, sedan SBN.');
    expect(w.write('KS/2022:17 och KS')).toBe('KS/2022:17 och Kommunstyrelsen (KS)');
    expect(w.write('Kommunstyrelsens (KS) plan')).toBe('Kommunstyrelsens plan');
    const g = createAbbreviationWriter(vocabulary);
    expect(g.write('Kommunstyrelsens (KS) plan och KS')).toBe('Kommunstyrelsens (KS) plan och KS');
  });
});
