// No renderer shows a word of its own: every word of the governance presets (terms,
// level names, scale labels and texts, unit words, in Swedish and English) is searched in
// the string literals of plugins/*/src and packages/core/src, and any hit fails the test
// with file, line and word. Words must come from ctx.vocabulary, never from the source.
import { describe, expect, test } from 'vitest';
import { EXEMPT, LOANWORDS, findHardCodedLabels, labelsInText, rendererSources } from './source-labels.js';
import { englishPhrases, sharedWords, swedishPhrases } from './vocabulary-words.js';

describe('renderer sources hold no label of the governance vocabulary', () => {
  test('the word lists: every Swedish and English preset phrase, minus the few the languages share', () => {
    // The same in both languages, or too short to tell (%, av, of, kr, en are shorter than 3).
    expect(sharedWords).toEqual(['%', 'Not', 'PDF', 'Period', 'Status', 'Symbol', 'Trend', 'Word (DOCX)', 'kronor', 'minus', 'plus']);
    expect(swedishPhrases.length).toBeGreaterThan(100);
    expect(englishPhrases.length).toBeGreaterThan(80);
    for (const w of ['Tabeller i rapporten', 'Hoppa till innehållet', 'Utfall', 'Delvis uppfyllt', 'Kan inte bedömas', 'processområden', 'Belopp i', 'tusen kronor', 'Ej angiven', 'Färdiggrad', 'Klart, avslutat']) {
      expect(swedishPhrases).toContain(w);
    }
    for (const w of ['Outcome', 'Partly achieved', 'Cannot be assessed', 'goal areas', 'Amounts in', 'thousand kronor', 'Not stated']) {
      expect(englishPhrases).toContain(w);
    }
    expect(LOANWORDS.every((w) => swedishPhrases.includes(w))).toBe(true);
  });

  test('the scan reads every plugin and the core, and exempts only documented files', () => {
    const files = rendererSources();
    for (const dir of ['plugins/html/src/', 'plugins/pdf/src/', 'plugins/text/src/', 'plugins/open-data/src/', 'plugins/docx/src/', 'packages/core/src/', 'packages/cli/src/site/']) {
      expect(files.some((f) => f.startsWith(dir)), dir).toBe(true);
    }
    expect(files).toContain('packages/core/src/document/build.ts');
    expect(files.some((f) => f.includes('presets'))).toBe(false);
    expect(Object.keys(EXEMPT).sort()).toEqual(['packages/core/src/command-codes.ts', 'packages/core/src/document/caption.ts', 'packages/core/src/speech.ts', 'plugins/open-data/src/tables.ts']);
  });

  test('finds a hard-coded label: Swedish in any case, English as a label, with file, line and word', () => {
    const source = [
      "import { x } from './Utfall.js';", // 1: an import path is not text
      '// Utfall and Total in a comment are not text', // 2
      "const heading = 'Utfall';", // 3
      'const caption = `Belopp i ${unit}`;', // 4
      "const badge = { label: 'Delvis uppfyllt' };", // 5
      "const total = 'Total';", // 6
      "const key = 'total';", // 7: a key
      "const role = 'goal';", // 8: a role
      "throw new Error('Total of the table is wrong');", // 9: a message to developers
      "log.warn('Not stated in the report');", // 10: a message to developers
      "const none = 'Not stated';", // 11
      "const word = 'indikatorer';", // 12: Swedish lowercase counts
      "const loan = 'for the kommun and body';", // 13: a loanword in English prose
      "const label = 'Kommun';", // 14: the label itself
      "const currency = 'SEK';", // 15: a code
    ].join('\n');
    expect(labelsInText('plugins/example/src/bad.ts', source).map((f) => `${f.file}:${f.line} ${f.word}`)).toEqual([
      'plugins/example/src/bad.ts:3 Utfall',
      'plugins/example/src/bad.ts:4 Belopp i',
      'plugins/example/src/bad.ts:5 Delvis uppfyllt',
      'plugins/example/src/bad.ts:6 Total',
      'plugins/example/src/bad.ts:11 Not stated',
      'plugins/example/src/bad.ts:12 indikatorer',
      'plugins/example/src/bad.ts:14 Kommun',
    ]);
  });

  test('plugins/*/src, packages/core/src and packages/cli/src/site contain none', () => {
    const findings = findHardCodedLabels();
    const report = findings.map((f) => `${f.file}:${f.line}: "${f.word}" in ${JSON.stringify(f.literal)}`).join('\n');
    expect(report, `Hard-coded labels; take them from ctx.vocabulary instead:\n${report}`).toBe('');
  });
});
