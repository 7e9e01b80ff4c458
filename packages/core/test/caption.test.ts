// The caption of a table of amounts reads well whatever its title: a name gets the unit as a
// sentence after it, a sentence gets no second stop, a fragment the rows continue ("Avvikelsen
// förklaras av", "…förklaras av bland annat:") gets no stop glued on: the unit comes first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReport, presets, type Report } from '@kommunrapport/model';
import { buildDocument, createFormatter, createVocabulary, walkSections, type DocumentModel } from '../src/index.js';
import { captionWithUnit, isFragment } from '../src/document/caption.js';

const ESKILSTUNA = 'examples/eskilstuna-ks-2022-delar2/rapport.yaml';
const load = (path: string): Report => loadReport(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'), path).report!;
const build = (r: Report): DocumentModel => buildDocument(r, createVocabulary(r), createFormatter(r.language, r.governance));
const captions = (d: DocumentModel) => [...walkSections(d.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table.caption] : [])));

describe('the caption of a table of amounts', () => {
  const r = load(ESKILSTUNA);
  const v = createVocabulary(r);
  const en = createVocabulary({ ...r, language: 'en', governance: presets['generic-en'] });

  it.each([
    ['Resultaträkning', 'Resultaträkning. Belopp i miljoner kronor'],
    ['Hur gick året?', 'Hur gick året? Belopp i miljoner kronor'],
    ['Alla avdelningar ska ha en ekonomi i balans.', 'Alla avdelningar ska ha en ekonomi i balans. Belopp i miljoner kronor'],
    ['Avvikelsen förklaras av', 'Belopp i miljoner kronor. Avvikelsen förklaras av'],
    ['Avvikelsen mellan budget och prognos förklaras av bland annat:', 'Belopp i miljoner kronor. Avvikelsen mellan budget och prognos förklaras av bland annat:'],
    ['Underskottet beror på', 'Belopp i miljoner kronor. Underskottet beror på'],
    ['Kostnader för', 'Belopp i miljoner kronor. Kostnader för'],
    // A word that only ends like one ("Investeringsbudget", "Driftredovisning per nämnd") is no fragment.
    ['Driftredovisning per nämnd', 'Driftredovisning per nämnd. Belopp i miljoner kronor'],
    ['Statsbidrag', 'Statsbidrag. Belopp i miljoner kronor'],
  ])('in Swedish: %s', (title, caption) => {
    expect(captionWithUnit(v, 'sv', title, 'mnkr')).toBe(caption);
  });

  it.each([
    ['sv', 'percent', 'Andel elever. Värden i procent'],
    ['sv', 'days', 'Andel elever. Värden i dagar'],
    ['sv', 'score', 'Andel elever. Värden i poäng'],
    ['sv', 'tkr', 'Andel elever. Belopp i tusen kronor'],
    // A unit without words adds nothing: never "Belopp i " with nothing after it.
    ['sv', 'index', 'Andel elever'],
    ['en', 'count', 'Andel elever'],
    ['en', 'percent', 'Andel elever. Values in percent'],
  ] as const)('a table in %s of unit %s is not said to hold amounts unless it holds money: %s', (language, unit, caption) => {
    expect(captionWithUnit(language === 'en' ? en : v, language, 'Andel elever', unit)).toBe(caption);
  });

  it.each([
    ['Income statement', 'Income statement. Amounts in million kronor'],
    ['The deviation is explained by', 'Amounts in million kronor. The deviation is explained by'],
    ['Costs of', 'Amounts in million kronor. Costs of'],
    ['Explained by:', 'Amounts in million kronor. Explained by:'],
  ])('in English: %s', (title, caption) => {
    expect(captionWithUnit(en, 'en', title, 'mnkr')).toBe(caption);
  });

  it('never glues a stop to a fragment, in any language the formatter knows', () => {
    for (const [language, voc, words] of [['sv', v, ['av', 'på', 'för', 'och', 'med', 'till']], ['en', en, ['of', 'by', 'for', 'and', 'with', 'to']]] as const) {
      for (const w of words) {
        expect(isFragment(`Titel ${w}`, language)).toBe(true);
        expect(captionWithUnit(voc, language, `Titel ${w}`, 'tkr')).not.toMatch(new RegExp(`${w}\\.`, 'u'));
      }
    }
  });

  it("reads well in the Eskilstuna example's deviation table, whose title is the vocabulary's fragment", () => {
    const all = captions(build(r));
    expect(all).toContain('Belopp i miljoner kronor. Avvikelsen förklaras av');
    expect(all).not.toContain('Avvikelsen förklaras av. Belopp i miljoner kronor');
    for (const c of all) expect(c).not.toMatch(/(?:^|\s)(?:av|på|för|och|med|till|:)\. /u);
  });
});
