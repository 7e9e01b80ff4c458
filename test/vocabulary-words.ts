// The words and phrases of the governance presets and of the site terms, in Swedish and in English, for tests
// that prove no renderer shows a word of its own: every term, level name, scale label,
// scale description, text alternative and unit word. Words that are the same in both
// languages (Status, Trend, Symbol, kronor …) or are too short to mean anything alone
// (%, av, of) are left out, and listed by `sharedWords` so tests can pin them.
import { eskilstuna, generic, genericEn, siteTermsEn, siteTermsSv, type Governance, type SiteTerms } from '@kommunrapport/model';

/** Every phrase a vocabulary shows, with `{placeholder}` parts split off. */
export function vocabularyPhrases(g: Governance): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s === undefined) return;
    for (const part of s.split(/\{\w+\}/)) {
      const p = part.trim().replace(/[.:,]$/, '').trim();
      if (p) out.push(p);
    }
  };
  for (const [key, value] of Object.entries(g.terms)) if (key !== 'documentLanguage') add(value);
  for (const level of Object.values(g.levels)) {
    add(level.singular);
    add(level.plural);
  }
  for (const step of [...g.assessment, ...g.trend, ...g.commitmentStatus, ...g.completion]) {
    add(step.label);
    add(step.textAlternative);
    add(step.description);
  }
  for (const words of Object.values(g.units)) {
    add(words.short);
    add(words.long);
  }
  return [...new Set(out)];
}

/** A regular expression that finds a phrase as whole words, with any white space between them. */
export function phraseRegExp(phrase: string, flags = 'gu'): RegExp {
  const body = phrase
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\u00a0]+');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${body}(?![\\p{L}\\p{N}_])`, flags);
}

/** Whether `text` contains `phrase` as whole words (case-insensitive unless `caseSensitive`). */
export function containsPhrase(text: string, phrase: string, caseSensitive = false): boolean {
  return phraseRegExp(phrase, caseSensitive ? 'u' : 'iu').test(text);
}

/** Phrases shorter than this many characters are not searched for (%, av, of, kr, en). */
export const MIN_LENGTH = 3;

/** Whether a phrase is worth searching for: long enough and with a letter (not "20 %"). */
const searchable = (p: string) => p.length >= MIN_LENGTH && /\p{L}/u.test(p);

/**
 * The phrases of a site's own pages (start page, navigation, footer, accessibility
 * statement) of two or more words: single words of the site terms are also the site's file
 * and folder names (rapport.pdf, nyckeltal/), which are addresses, not labels.
 */
export function siteTermPhrases(terms: SiteTerms): string[] {
  return [...new Set(Object.entries(terms).filter(([key]) => key !== 'language').flatMap(([, value]) => (value as string).split(/\{\w+\}/).map((part: string) => part.trim().replace(/[.:,]$/, '').trim()).filter((p: string) => /\S\s+\S/.test(p))))];
}

const swedishAll = [...new Set([...vocabularyPhrases(eskilstuna), ...vocabularyPhrases(generic), ...siteTermPhrases(siteTermsSv)])];
const englishAll = [...new Set([...vocabularyPhrases(genericEn), ...siteTermPhrases(siteTermsEn)])];

/** Phrases found, as whole words, in a phrase of the other language: not a sign of either. */
function isShared(phrase: string, other: readonly string[]): boolean {
  return other.some((o) => containsPhrase(o, phrase));
}

/** Words of the presets that are the same in Swedish and English, so they prove nothing. */
export const sharedWords: readonly string[] = [
  ...new Set([...swedishAll.filter((p) => isShared(p, englishAll)), ...englishAll.filter((p) => isShared(p, swedishAll))]),
].sort();

/** Every phrase the Swedish presets (eskilstuna, generic) show and the English one does not. */
export const swedishPhrases: readonly string[] = swedishAll.filter((p) => searchable(p) && !sharedWords.includes(p));

/** Every phrase the English preset (generic-en) shows and the Swedish ones do not. */
export const englishPhrases: readonly string[] = englishAll.filter((p) => searchable(p) && !sharedWords.includes(p));

/** The phrases of `phrases` that occur in `text` as whole words. */
export function phrasesIn(text: string, phrases: readonly string[], caseSensitive = false): string[] {
  return phrases.filter((p) => containsPhrase(text, p, caseSensitive));
}
