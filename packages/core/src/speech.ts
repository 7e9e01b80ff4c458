// Text rewritten so a speech engine reads it as a person would: the spoken form of any
// text a writer outputs (report text, captions, figures). Every writer that speaks can use
// it; the text plugin's speech dialect does. Measured with espeak-ng's Swedish voice, which
// reads U+2212 with an English voice, a decimal comma as "punkt", spells "mnkr", "tkr" and
// "d v s" letter by letter, reads "Aug" as a word of its own and drops the dash of "0–20".
import type { Governance } from '@kommunrapport/model';

/** The words speech needs that are not the governance vocabulary's: language, not styrmodell. */
export interface SpeechWords {
  /** The word of a range, "0 till 20". */
  to: string;
  /** The word read for a decimal comma ("12 komma 3"); absent when the decimal sign is read right. */
  decimalComma?: string;
  /** Abbreviations of the language written out: "d v s" → "det vill säga". */
  abbreviations: Readonly<Record<string, string>>;
  /**
   * The genitive ending of an abbreviation in capitals as written and as the engine needs
   * it: espeak-ng says "KLK:s" as "K L K s" with a pause (`kˌoːˌɛlkˈoː ˈɛs`), "KLK's" as one
   * word (`kˌoːˌɛlkˈoːs`).
   */
  genitive?: { written: string; spoken: string };
}

/** The speech words of each language the formatter knows. */
export const SPEECH_WORDS: Readonly<Record<string, SpeechWords>> = {
  sv: {
    to: 'till',
    decimalComma: 'komma',
    abbreviations: {
      'd v s': 'det vill säga',
      'd.v.s.': 'det vill säga',
      'dvs.': 'det vill säga',
      dvs: 'det vill säga',
      't.ex.': 'till exempel',
      't ex': 'till exempel',
      'bl.a.': 'bland annat',
      'bl a': 'bland annat',
      'm.m.': 'med mera',
      'o.s.v.': 'och så vidare',
      osv: 'och så vidare',
      'fr.o.m.': 'från och med',
      't.o.m.': 'till och med',
      ca: 'cirka',
    },
    genitive: { written: ':s', spoken: "'s" },
  },
  en: { to: 'to', abbreviations: { 'e.g.': 'for example', 'i.e.': 'that is' } },
};

const NBSP = '\u00a0';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Not inside a word or number on either side. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/** One rewrite: a pattern and what replaces it. */
type Rule = [RegExp, string | ((...m: any[]) => string)];

/** The months of a locale: abbreviation or name (without its full stop, lower case) → full name as the locale writes it. */
export function monthNames(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2022, m, 15));
    const full = long.format(d);
    const key = full.toLowerCase();
    const abbr = short.format(d).replace(/\.$/, '').toLowerCase();
    out.set(key, full);
    if (abbr !== key) out.set(abbr, full);
    // Three-letter forms ("aug", "sep", "okt") as authors and spreadsheets write them.
    if (key.length > 3) out.set(key.slice(0, 3), full);
  }
  return out;
}

/**
 * Creates the speech form of text for a locale: figures, ranges, months, units and the
 * language's abbreviations in words. Whitespace is kept; numbers stay together with
 * non-breaking spaces ("minus 12 komma 3"), so wrapping never splits a figure.
 */
export function createSpeechText(locale: string, language: string, governance: Governance): (text: string) => string {
  const words = SPEECH_WORDS[language] ?? { to: '', abbreviations: {} };
  const months = monthNames(locale);
  const monthAlt = [...months.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  /** A capital only where a sentence starts: "Bl.a. detta" → "Bland annat detta", "Utfall Aug 2021" → "Utfall augusti 2021". */
  const capital = (like: string, s: string, before: string) =>
    /^\p{Lu}/u.test(like) && /(?:^|[.!?:]\s+)$/u.test(before) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  const rules: Rule[] = [];

  // The language's abbreviations, longest first so "d.v.s." wins over "dvs".
  const lower = new Map(Object.entries(words.abbreviations).map(([k, v]) => [k.toLowerCase(), v]));
  const abbrs = [...lower.keys()].sort((a, b) => b.length - a.length);
  if (abbrs.length)
    rules.push([
      new RegExp(`${START}(${abbrs.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
      (m, _a, offset: number, all: string) => capital(m, lower.get(m.toLowerCase())!, all.slice(0, offset)),
    ]);
  // The genitive of an abbreviation in capitals said as one word: "KLK:s" → "KLK's".
  if (words.genitive) rules.push([new RegExp(`(?<=${START}\\p{Lu}{2,})${escapeRe(words.genitive.written)}${END}`, 'gu'), words.genitive.spoken]);
  // A month abbreviation beside a number, alone in parentheses or in a range of months: "Aug 2021", "aug −5,9", "31 aug", "(aug)", "jan–aug".
  const month = `(${monthAlt})\\.?`;
  const signs = `(?:${escapeRe(governance.terms.minus)}|${escapeRe(governance.terms.plus)})`;
  rules.push([
    new RegExp(
      `${START}${month}${END}(?=\\s*(?:[−+-]?\\d|${signs}\\s+\\d|[–-]\\s*(?:${monthAlt})${END}))|(?<=(?:\\d|(?:${monthAlt})\\.?\\s*[–-])\\s*)${month}${END}|(?<=\\()${month}(?=\\))`,
      'giu',
    ),
    (m, a, b, c, offset: number, all: string) => capital(m, months.get((a ?? b ?? c)!.toLowerCase())!, all.slice(0, offset)),
  ]);
  // Ranges in words: "0–20 år" → "0 till 20 år", "januari–augusti" → "januari till augusti".
  if (words.to) {
    rules.push([/(\d)\s?–\s?(?=[−-]?\d)/gu, `$1 ${words.to} `]);
    const fullMonths = [...new Set(months.values())].map(escapeRe).join('|');
    rules.push([new RegExp(`${START}(${fullMonths})\\s*[–-]\\s*(?=(?:${fullMonths})${END})`, 'giu'), `$1 ${words.to} `]);
  }
  // Signs as words: "−12,3" → "minus 12,3"; a hyphen only where it stands as a sign.
  rules.push([/−\s?(?=\d)/gu, `${governance.terms.minus}${NBSP}`]);
  rules.push([/(?<=^|[\s(])[-+](?=\d)/gu, (m) => `${m === '+' ? governance.terms.plus : governance.terms.minus}${NBSP}`]);
  // A sign already in words (the figures' speech form) stays with its number.
  rules.push([new RegExp(`${START}(${escapeRe(governance.terms.minus)}|${escapeRe(governance.terms.plus)}) (?=\\d)`, 'giu'), `$1${NBSP}`]);
  // Digits not grouped: "30 210" (non-breaking space) → "30210", read as one number.
  rules.push([/(\d)[\u00a0\u202f](?=\d{3}(?!\d))/gu, '$1']);
  // The decimal comma as a word where the engine reads the sign wrongly.
  if (words.decimalComma) rules.push([/(\d),(?=\d)/gu, `$1${NBSP}${words.decimalComma}${NBSP}`]);
  // Units in words: "12 mnkr" → "12 miljoner kronor", "78%" → "78 procent", "(%)" → "(procent)".
  for (const { short, long } of Object.values(governance.units)) {
    if (!short || !long || short === long) continue;
    if (/^[\p{L}\s]+$/u.test(short)) rules.push([new RegExp(`${START}${escapeRe(short)}${END}`, 'gu'), long]);
    else {
      rules.push([new RegExp(`(?<=\\d)[ \u00a0]?${escapeRe(short)}(?![\\p{L}\\p{N}])`, 'gu'), `${NBSP}${long}`]);
      rules.push([new RegExp(`(?<=\\()${escapeRe(short)}(?=\\))`, 'gu'), long]);
    }
  }
  // No doubled units: "12 miljoner kronor miljoner kronor" says the unit once.
  const longs = [...new Set(Object.values(governance.units).map((u) => u.long).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (longs.length) rules.push([new RegExp(`${START}(${longs.map(escapeRe).join('|')})(?:[\\s\u00a0]+\\1)+${END}`, 'gu'), '$1']);

  return (text) => rules.reduce((s, [re, by]) => s.replace(re, by as never), text);
}
