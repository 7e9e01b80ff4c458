// The rewrites behind the speech form of text (speech.ts, createSpeechText): each a pattern,
// its replacement and a cheap test of whether the pattern can match at all. Kept out of the
// package's exports; the tests check each test against its pattern.
import type { Governance } from '@kommunrapport/model';
import type { SpeechWords } from './speech.js';

const NBSP = '\u00a0';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Not inside a word or number on either side. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/**
 * One rewrite: a pattern, what replaces it, and optionally a cheap test that is true of every
 * text the pattern can match in (a character or word the match needs), so the pattern, slow
 * with its Unicode lookbehinds, runs only on texts that may hold a match.
 */
export type SpeechRule = [RegExp, string | ((...m: any[]) => string), ((text: string) => boolean)?];

/**
 * The rewrites of the speech form, in the order they apply: `words` are the language's speech
 * words, `months` its month names ({@link monthNames}), and the governance vocabulary gives
 * the signs' words and the units.
 */
export function speechRules(words: SpeechWords, months: ReadonlyMap<string, string>, governance: Governance): SpeechRule[] {
  const monthAlt = [...months.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  /** A capital only where a sentence starts: "Bl.a. detta" → "Bland annat detta", "Utfall Aug 2021" → "Utfall augusti 2021". */
  const capital = (like: string, s: string, before: string) =>
    /^\p{Lu}/u.test(like) && /(?:^|[.!?:]\s+)$/u.test(before) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  const rules: SpeechRule[] = [];

  // The language's abbreviations, longest first so "d.v.s." wins over "dvs".
  const lower = new Map(Object.entries(words.abbreviations).map(([k, v]) => [k.toLowerCase(), v]));
  const abbrs = [...lower.keys()].sort((a, b) => b.length - a.length);
  if (abbrs.length) {
    const anyAbbreviation = new RegExp(abbrs.map(escapeRe).join('|'), 'iu');
    rules.push([
      new RegExp(`${START}(${abbrs.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
      (m, _a, offset: number, all: string) => capital(m, lower.get(m.toLowerCase())!, all.slice(0, offset)),
      (t) => anyAbbreviation.test(t),
    ]);
  }
  // The genitive of an abbreviation in capitals said as one word: "KLK:s" → "KLK's".
  const genitive = words.genitive;
  if (genitive) rules.push([new RegExp(`(?<=${START}\\p{Lu}{2,})${escapeRe(genitive.written)}${END}`, 'gu'), genitive.spoken, (t) => t.includes(genitive.written)]);
  // A month abbreviation beside a number, alone in parentheses or in a range of months: "Aug 2021", "aug −5,9", "31 aug", "(aug)", "jan–aug".
  const month = `(${monthAlt})\\.?`;
  const monthStart = new RegExp([...new Set([...months.keys()].map((k) => k.slice(0, 3)))].map(escapeRe).join('|'), 'iu');
  const signs = `(?:${escapeRe(governance.terms.minus)}|${escapeRe(governance.terms.plus)})`;
  rules.push([
    new RegExp(
      `${START}${month}${END}(?=\\s*(?:[−+-]?\\d|${signs}\\s+\\d|[–-]\\s*(?:${monthAlt})${END}))|(?<=(?:\\d|(?:${monthAlt})\\.?\\s*[–-])\\s*)${month}${END}|(?<=\\()${month}(?=\\))`,
      'giu',
    ),
    (m, a, b, c, offset: number, all: string) => capital(m, months.get((a ?? b ?? c)!.toLowerCase())!, all.slice(0, offset)),
    // Each alternative needs a digit, a dash or an opening parenthesis, and a month, which starts with one of these.
    (t) => /[\d(–-]/u.test(t) && monthStart.test(t),
  ]);
  // A month abbreviation in lower case standing alone, at the end of a sentence or line or with
  // its full stop: "Prognos i okt." → "Prognos i oktober" (a stop that ends the sentence stays),
  // "i okt. ej tillämpligt" → "i oktober ej tillämpligt". Not a word that is also a month ("jul").
  const notAlone = new Set(words.monthLikeWords ?? []);
  const abbreviated = [...months.keys()].filter((k) => k !== months.get(k)!.toLowerCase() && !notAlone.has(k)).sort((a, b) => b.length - a.length);
  if (abbreviated.length) {
    const alt = abbreviated.map(escapeRe).join('|');
    const anyAlone = new RegExp(`(?:${alt})(?:\\.|[ \t\u00a0]*(?:$|[\n,;:!?)]))`, 'mu');
    rules.push([
      new RegExp(`(?<![\\p{L}\\p{N}/.@_-])(${alt})(?:\\.|(?=[ \t\u00a0]*(?:$|[\n,;:!?)])))`, 'gmu'),
      (m: string, a: string, offset: number, all: string) => {
        const full = months.get(a)!;
        // Its stop also ends the sentence when the text, the line or a capitalised sentence follows.
        return m.endsWith('.') && /^(?:[ \t\u00a0]*(?:$|\n)|\s+\p{Lu})/u.test(all.slice(offset + m.length)) ? `${full}.` : full;
      },
      (t) => anyAlone.test(t),
    ]);
  }
  // Ranges in words: "0–20 år" → "0 till 20 år", "januari–augusti" → "januari till augusti".
  if (words.to) {
    rules.push([/(\d)\s?–\s?(?=[−-]?\d)/gu, `$1 ${words.to} `, (t) => t.includes('–')]);
    const fullMonths = [...new Set(months.values())].map(escapeRe).join('|');
    const monthThenDash = new RegExp(`(?:${fullMonths})\\s*[–-]`, 'iu');
    rules.push([new RegExp(`${START}(${fullMonths})\\s*[–-]\\s*(?=(?:${fullMonths})${END})`, 'giu'), `$1 ${words.to} `, (t) => monthThenDash.test(t)]);
  }
  // Units of measure in the language's words, before the figures' own rules so a "1" is still a "1":
  // "95 °C" → "95 grader Celsius", "1 min" → "1 minut", "öre/kWh" and "öre per kWh" → "öre per kilowattimme", "(kWh per m²)" → "(kilowattimmar per m²)".
  const per = words.per;
  for (const [written, said] of Object.entries(words.measures ?? {}).sort(([a], [b]) => b.length - a.length)) {
    const [one, many] = typeof said === 'string' ? [said, said] : said;
    const unit = escapeRe(written);
    rules.push([
      new RegExp(`(?<=\\d)[ \u00a0]?${unit}(?![\\p{L}\\p{N}])`, 'gu'),
      (_m: string, offset: number, all: string) => `${NBSP}${/(?<![\d,.\u00a0\u202f])1$/u.test(all.slice(0, offset)) ? one : many}`,
      (t) => t.includes(written),
    ]);
    if (per) {
      const perAfter = `[ \u00a0]+${escapeRe(per)}${END}`;
      rules.push([new RegExp(`(?<=\\()${unit}(?=\\)|\\/|${perAfter})`, 'gu'), many, (t) => t.includes(`(${written}`)]);
      rules.push([new RegExp(`(?<=[\\p{L}\\p{N}²³])\\/${unit}(?![\\p{L}\\p{N}-])`, 'gu'), ` ${per} ${one}`, (t) => t.includes(`/${written}`)]);
      // After the word itself: "VA-taxan per m³" → "VA-taxan per kubikmeter".
      rules.push([new RegExp(`(?<=${START}${escapeRe(per)}[ \u00a0])${unit}(?![\\p{L}\\p{N}-])`, 'gu'), one, (t) => t.includes(`${per} ${written}`) || t.includes(`${per}\u00a0${written}`)]);
    }
  }
  for (const [written, said] of Object.entries(words.symbols ?? {}).sort(([a], [b]) => b.length - a.length)) {
    rules.push([new RegExp(`${START}${escapeRe(written)}${END}`, 'gu'), said, (t) => t.includes(written)]);
  }
  // Signs as words: "−12,3" → "minus 12,3"; a hyphen only where it stands as a sign.
  rules.push([/−\s?(?=\d)/gu, `${governance.terms.minus}${NBSP}`]);
  rules.push([/(?<=^|[\s(])[-+](?=\d)/gu, (m) => `${m === '+' ? governance.terms.plus : governance.terms.minus}${NBSP}`, (t) => /[-+]\d/u.test(t)]);
  // A sign already in words (the figures' speech form) stays with its number.
  const signWords = `${escapeRe(governance.terms.minus)}|${escapeRe(governance.terms.plus)}`;
  const signWordThenDigit = new RegExp(`(?:${signWords}) \\d`, 'iu');
  rules.push([new RegExp(`${START}(${signWords}) (?=\\d)`, 'giu'), `$1${NBSP}`, (t) => signWordThenDigit.test(t)]);
  // Digits not grouped: "30 210" (non-breaking space) → "30210", read as one number.
  rules.push([/(\d)[\u00a0\u202f](?=\d{3}(?!\d))/gu, '$1']);
  // Groups an author wrote with ordinary spaces, where the grouping is unambiguous: a group of
  // 1–3 digits not starting with 0, then groups of exactly 3, with no digit group before or after
  // the run. "12 345 tkr", "1 200 000 kronor" → "12345 tkr", "1200000 kronor", so an engine
  // that reads a space as the end of a number does not say "12" and "345".
  const spacedGroup = /\d \d{3}/u;
  // A number of four digits or more cannot lead such a grouping: one written before a grouped
  // number ("2021 156 000", a year read as a column's header, then its value) is parted from
  // it by a comma first, so the grouped number is joined as one and read after a pause.
  rules.push([/(?<=(?<![\p{N}.,])\d{4,}) (?=[1-9]\d{0,2}(?: \d{3})+(?!\p{N}|[ \u00a0\u202f]\d))/gu, ', ', (t) => spacedGroup.test(t)]);
  rules.push([
    /(?<![\p{N}.,]|\d[ \u00a0\u202f-])([1-9]\d{0,2})((?: \d{3})+)(?!\p{N}|[ \u00a0\u202f]\d)/gu,
    (_m: string, head: string, groups: string) => head + groups.replace(/ /g, ''),
    (t) => spacedGroup.test(t),
  ]);
  // Any other number followed by a space and three digits is not one number: two years "2021
  // 100", a postal code "633 48" beside its street number, a telephone number "070 123 45 67",
  // "08-123 456". espeak-ng joins them all ("år 2021 100 personer" as "två miljoner tjugoett tusen
  // etthundra"), so they are parted by a comma as a list is read ("2021, 100").
  rules.push([/(?<=\d) (?=\d{3}(?!\p{N}))/gu, ', ', (t) => spacedGroup.test(t)]);
  // The decimal comma as a word where the engine reads the sign wrongly.
  if (words.decimalComma) rules.push([/(\d),(?=\d)/gu, `$1${NBSP}${words.decimalComma}${NBSP}`]);
  // Units in words: "12 mnkr" → "12 miljoner kronor", "78%" → "78 procent", "(%)" → "(procent)".
  for (const { short, long } of Object.values(governance.units)) {
    if (!short || !long || short === long) continue;
    const has = (t: string) => t.includes(short);
    if (/^[\p{L}\s]+$/u.test(short)) rules.push([new RegExp(`${START}${escapeRe(short)}${END}`, 'gu'), long, has]);
    else {
      rules.push([new RegExp(`(?<=\\d)[ \u00a0]?${escapeRe(short)}(?![\\p{L}\\p{N}])`, 'gu'), `${NBSP}${long}`, has]);
      rules.push([new RegExp(`(?<=\\()${escapeRe(short)}(?=\\))`, 'gu'), long, has]);
    }
  }
  // Signs before a number, in the language's words: "§ 87" → "paragraf 87".
  for (const [written, words_] of Object.entries(words.signsBefore ?? {})) {
    rules.push([new RegExp(`${escapeRe(written)}[ \u00a0]?(?=\\d)`, 'gu'), `${words_}${NBSP}`, (t) => t.includes(written)]);
  }
  // No doubled units: "12 miljoner kronor miljoner kronor" says the unit once.
  const longs = [...new Set(Object.values(governance.units).map((u) => u.long).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (longs.length) {
    const alternatives = longs.map(escapeRe).join('|');
    // The quick test: any unit word, blanks and any unit word (the pattern's lookbehind at every position is what is slow).
    const twoUnits = new RegExp(`(?:${alternatives})[\\s\u00a0]+(?:${alternatives})`, 'u');
    rules.push([new RegExp(`${START}(${alternatives})(?:[\\s\u00a0]+\\1)+${END}`, 'gu'), '$1', (t) => twoUnits.test(t)]);
  }

  return rules;
}

/** Applies the rules in order, each only where its test says it may match. */
export function applySpeechRules(rules: readonly SpeechRule[], text: string): string {
  let s = text;
  for (const [re, by, may] of rules) if (!may || may(s)) s = s.replace(re, by as never);
  return s;
}
