// Phrases joined as one line reads them: "; " between names, a space only after a phrase that
// ends a sentence itself, so no stop has "; " glued to it (the goals a goal serves, the
// attachments, the indicators under a direction, a table row's values in text).
import { describe, expect, it } from 'vitest';
import { joinPhrases } from '../src/index.js';

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
