// Where a long word may break in a narrow column: Liang's hyphenation patterns of TeX
// (hyph-utf8) through the `hyphen` package (1.14.1, pinned in package.json; patterns
// loaded once per language at first use). Only words of letters are hyphenated, never
// numbers, abbreviations in capitals ("KLK:s") or words with digits; punctuation around a
// word stays with it. A break leaves at least two letters before it and three after it.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** The pattern module of each document language the PDF hyphenates. */
const PATTERNS: Readonly<Record<string, string>> = { sv: 'hyphen/sv', en: 'hyphen/en-gb' };

/** The hyphen drawn at a break. */
export const HYPHEN = '-';

const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const SOFT = '\u00ad';

type Hyphenator = (word: string, options: { hyphenChar: string; minWordLength: number }) => string;
const hyphenators = new Map<string, Hyphenator | undefined>();
const points = new Map<string, readonly number[]>();

function hyphenator(language: string): Hyphenator | undefined {
  const base = language.toLowerCase().split('-')[0]!;
  if (!hyphenators.has(base)) {
    const module = PATTERNS[base];
    hyphenators.set(base, module ? (load(module) as { hyphenateSync: Hyphenator }).hyphenateSync : undefined);
  }
  return hyphenators.get(base);
}

/**
 * The offsets in `token` where it may break with a hyphen (ascending; empty when it may
 * not break), for a document in `language` (a BCP 47 tag such as `sv-SE`).
 */
export function hyphenPoints(token: string, language: string): readonly number[] {
  const key = `${language}\u0000${token}`;
  const known = points.get(key);
  if (known) return known;
  const found = compute(token, language);
  if (points.size > 20_000) points.clear();
  points.set(key, found);
  return found;
}

function compute(token: string, language: string): number[] {
  const m = /^(\p{P}*)(\p{L}+)(\p{P}*)$/u.exec(token);
  const hyphenate = hyphenator(language);
  if (!m || !hyphenate) return [];
  const [, lead, word] = m as unknown as [string, string, string];
  if (word.length < LEFT_MIN + RIGHT_MIN || word === word.toUpperCase()) return [];
  const marked = hyphenate(word, { hyphenChar: SOFT, minWordLength: LEFT_MIN + RIGHT_MIN });
  const out: number[] = [];
  let at = 0;
  for (const ch of marked) {
    if (ch === SOFT) {
      if (at >= LEFT_MIN && word.length - at >= RIGHT_MIN) out.push(lead.length + at);
    } else at += ch.length;
  }
  return out;
}
