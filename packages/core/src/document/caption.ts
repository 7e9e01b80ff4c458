// The caption of a table of amounts or values: its title and the vocabulary's `amountsIn`
// ("Belopp i miljoner kronor") or `valuesIn` ("Värden i procent"), worded so it reads well whatever the title is: a name ("Resultaträkning"),
// a sentence ("Hur gick året?") or a fragment that the table's rows continue ("Avvikelsen
// förklaras av", "Förändringen beror på:").
import { isAmountUnit, type Unit } from '@kommunrapport/model';
import type { Vocabulary } from '../vocabulary.js';

/**
 * Words a title cannot end on, per language: the rows continue it ("förklaras av", "explained
 * by"). Prepositions, conjunctions and articles; a title ending on one is a fragment.
 */
const CONTINUED_BY: Readonly<Record<string, ReadonlySet<string>>> = {
  sv: new Set(['av', 'för', 'till', 'med', 'i', 'på', 'om', 'från', 'mot', 'vid', 'genom', 'enligt', 'inom', 'utan', 'bland', 'och', 'eller', 'samt', 'men', 'att', 'som', 'än', 'en', 'ett']),
  en: new Set(['of', 'by', 'for', 'to', 'in', 'on', 'at', 'with', 'from', 'into', 'among', 'and', 'or', 'but', 'as', 'than', 'that', 'the', 'a', 'an']),
};

/** Whether a title is a fragment its table's rows continue: it ends with a colon or a word that needs a continuation. */
export function isFragment(title: string, language: string): boolean {
  if (/:\s*$/u.test(title)) return true;
  const last = /(\p{L}+)\s*$/u.exec(title)?.[1];
  return last !== undefined && (CONTINUED_BY[language]?.has(last.toLowerCase()) ?? false);
}

/**
 * The caption of a table of amounts or other values. After a title that is a name, the unit as a sentence of
 * its own ("Resultaträkning. Belopp i tusen kronor": the phrase begins with a capital in any
 * vocabulary, so "…, Belopp i …" would read wrong); no second stop after a title that ends a
 * sentence ("Hur gick året? Belopp i …"); before a fragment the rows continue, so no stop is
 * glued to it ("Belopp i miljoner kronor. Avvikelsen förklaras av").
 */
export function captionWithUnit(v: Vocabulary, language: string, title: string, unit: Unit): string {
  // Money is "Belopp i tusen kronor"; other units are values ("Värden i procent"); a unit
  // without words (an index, an English count) adds nothing to the title.
  const long = v.unit(unit).long;
  if (long.trim() === '') return title;
  const amounts = v.term(isAmountUnit(unit) ? 'amountsIn' : 'valuesIn', { unit: long });
  if (/[.!?]$/u.test(title)) return `${title} ${amounts}`;
  if (isFragment(title, language)) return `${amounts}. ${title}`;
  return `${title}. ${amounts}`;
}
