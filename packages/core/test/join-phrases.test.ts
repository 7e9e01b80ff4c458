// Phrases joined as one line reads them: "; " between names, a space only after a phrase that
// ends a sentence itself, so no stop has "; " glued to it (the goals a goal serves, the
// attachments, the indicators under a direction, a table row's values in text).
import { describe, expect, it } from 'vitest';
import { endsSentence, joinPhrases, labelSeparator } from '../src/index.js';

describe('joinPhrases', () => {
  it.each([
    [[], ''],
    [['Sjukfrånvaro'], 'Sjukfrånvaro'],
    [['Sjukfrånvaro', 'Heltid'], 'Sjukfrånvaro; Heltid'],
    [['Norrvik ska minska sin klimatpåverkan.', 'Alla barn ska lyckas.'], 'Norrvik ska minska sin klimatpåverkan. Alla barn ska lyckas.'],
    [['Hur gick det?', 'Bra', 'Äntligen!', 'Slut'], 'Hur gick det? Bra; Äntligen! Slut'],
    [['Prognos 12 tkr', 'Mätningen gjordes inte.', 'Utfall 74'], 'Prognos 12 tkr; Mätningen gjordes inte. Utfall 74'],
  ])('%j → %s', (phrases, joined) => {
    expect(joinPhrases(phrases)).toBe(joined);
  });
});

// A label and its value on one line: a colon, except after a label that ends a sentence, where
// "…skolan.: Mål" would glue a colon to the author's stop; an abbreviation keeps its colon.
describe('labelSeparator', () => {
  it.each([
    ['Period', ': '],
    ['Alla barn och unga ska ges förutsättningar att lyckas i skolan.', ' '],
    ['Hur gick det?', ' '],
    ['Klart!', ' '],
    ['Målet nås under 2024.', ' '],
    ['Prognos i okt.', ': '],
    ['Övriga kostnader m.m.', ': '],
    ['Lokaler, t.ex.', ': '],
    ['Intäkter resp.', ': '],
  ])('%s → %j', (label, separator) => {
    expect(labelSeparator(label)).toBe(separator);
    expect(endsSentence(label)).toBe(separator === ' ');
  });
});
