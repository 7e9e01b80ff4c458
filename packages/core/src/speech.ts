// Text rewritten so a speech engine reads it as a person would: the spoken form of any
// text a writer outputs (report text, captions, figures). Every writer that speaks can use
// it; the text plugin's speech dialect does. Measured with espeak-ng's Swedish voice, which
// reads U+2212 with an English voice, a decimal comma as "punkt", spells "mnkr", "tkr" and
// "d v s" letter by letter, reads "Aug" as a word of its own and drops the dash of "0–20".
import type { Governance } from '@kommunrapport/model';
import { applySpeechRules, speechRules } from './speech-rules.js';

/** The words speech needs that are not the governance vocabulary's: language, not styrmodell. */
export interface SpeechWords {
  /** The word of a range, "0 till 20". */
  to: string;
  /** The word read for a decimal comma ("12 komma 3"); absent when the decimal sign is read right. */
  decimalComma?: string;
  /** Abbreviations of the language written out: "d v s" → "det vill säga". */
  abbreviations: Readonly<Record<string, string>>;
  /**
   * Units of measure in words, as `[one, many]` when the word differs after 1 ("1 minut", "5
   * minuter"): after a number ("4,2 km" → "4,2 kilometer", "95 °C" → "95 grader Celsius"),
   * after a slash or `per` as one of it ("öre/kWh" → "öre per kilowattimme", "per m³" → "per
   * kubikmeter") and alone in
   * parentheses before ")", "/" or `per` ("(kWh per kvadratmeter)"). espeak-ng spells "km" and
   * "GWh", reads "°C" as "C" alone, "min" as the word "min" and "t" as the letter.
   */
  measures?: Readonly<Record<string, string | readonly [one: string, many: string]>>;
  /** The word of a rate, "öre per kilowattimme"; without it a slash stays as written. */
  per?: string;
  /**
   * Symbols said in words wherever they stand as a word of their own: "ton CO₂e" → "ton
   * koldioxidekvivalenter" (espeak-ng says "C O två e").
   */
  symbols?: Readonly<Record<string, string>>;
  /**
   * Month abbreviations that are also words of the language ("jul", Christmas), so never read
   * as a month unless a number or month stands beside them. Any other month abbreviation in
   * lower case is written out also alone: "Prognos i okt." → "Prognos i oktober".
   */
  monthLikeWords?: readonly string[];
  /** Signs written before a number, in words: "§ 87" → "paragraf 87" (espeak-ng drops "§"). */
  signsBefore?: Readonly<Record<string, string>>;
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
      // espeak-ng spells these letter by letter ("p.g.a." as "pe ge a", "m.fl." as "em punkt ef el
      // punkt") or reads them as a word of their own ("enl.", "inkl.", "resp.", "jfr").
      'p.g.a.': 'på grund av',
      'pga.': 'på grund av',
      pga: 'på grund av',
      'enl.': 'enligt',
      'inkl.': 'inklusive',
      'exkl.': 'exklusive',
      'm.fl.': 'med flera',
      'resp.': 'respektive',
      'jfr.': 'jämför',
      jfr: 'jämför',
      'f.d.': 'före detta',
      'o.d.': 'och dylikt',
      'kv.': 'kvartal',
    },
    measures: {
      km: 'kilometer',
      'm²': 'kvadratmeter',
      kvm: 'kvadratmeter',
      'm³': 'kubikmeter',
      kWh: ['kilowattimme', 'kilowattimmar'],
      MWh: ['megawattimme', 'megawattimmar'],
      GWh: ['gigawattimme', 'gigawattimmar'],
      TWh: ['terawattimme', 'terawattimmar'],
      kW: 'kilowatt',
      MW: 'megawatt',
      GW: 'gigawatt',
      '°C': ['grad Celsius', 'grader Celsius'],
      min: ['minut', 'minuter'],
      h: ['timme', 'timmar'],
      tim: ['timme', 'timmar'],
      t: 'ton',
      kg: 'kilogram',
      ha: 'hektar',
    },
    per: 'per',
    symbols: { 'CO₂e': 'koldioxidekvivalenter', 'CO2e': 'koldioxidekvivalenter', 'CO₂': 'koldioxid' },
    monthLikeWords: ['jul'],
    signsBefore: { '§': 'paragraf' },
    genitive: { written: ':s', spoken: "'s" },
  },
  en: {
    to: 'to',
    abbreviations: { 'e.g.': 'for example', 'i.e.': 'that is' },
    // espeak-ng's English voice spells "km", "kWh" and "m²", reads "min" as a word and "t", "h" as letters.
    measures: {
      km: ['kilometre', 'kilometres'],
      'm²': ['square metre', 'square metres'],
      'm³': ['cubic metre', 'cubic metres'],
      kWh: ['kilowatt hour', 'kilowatt hours'],
      MWh: ['megawatt hour', 'megawatt hours'],
      GWh: ['gigawatt hour', 'gigawatt hours'],
      TWh: ['terawatt hour', 'terawatt hours'],
      kW: ['kilowatt', 'kilowatts'],
      MW: ['megawatt', 'megawatts'],
      GW: ['gigawatt', 'gigawatts'],
      '°C': ['degree Celsius', 'degrees Celsius'],
      min: ['minute', 'minutes'],
      h: ['hour', 'hours'],
      t: ['tonne', 'tonnes'],
      kg: ['kilogram', 'kilograms'],
      ha: ['hectare', 'hectares'],
    },
    per: 'per',
    symbols: { 'CO₂e': 'carbon dioxide equivalent', 'CO2e': 'carbon dioxide equivalent', 'CO₂': 'carbon dioxide' },
    monthLikeWords: ['mar', 'jan'],
  },
};

/** The speech forms made so far, by locale, language and the vocabulary's words they use. */
const SPEECH_TEXTS = new Map<string, (text: string) => string>();
/** More vocabularies than a process meets in practice; beyond it the oldest is dropped. */
const SPEECH_TEXTS_MAX = 32;

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
    // "Sept" as Swedish and English authors write September beside "sep".
    if (key.startsWith('sept') && key.length > 4) out.set('sept', full);
  }
  return out;
}

/**
 * The speech form of text for a locale: figures, ranges, months, units and the language's
 * abbreviations in words. Whitespace is kept; numbers stay together with non-breaking spaces
 * ("minus 12 komma 3"), so wrapping never splits a figure. Made once per locale, language and
 * vocabulary words (the signs' words and the units) and reused by every report that shares
 * them: regular expressions made anew for each report are compiled anew after each full
 * garbage collection, which in a batch cost about 20 ms per report.
 */
export function createSpeechText(locale: string, language: string, governance: Governance): (text: string) => string {
  const { minus, plus } = governance.terms;
  const key = JSON.stringify([locale, language, minus, plus, Object.values(governance.units).map((u) => [u.short, u.long])]);
  let speak = SPEECH_TEXTS.get(key);
  if (!speak) {
    if (SPEECH_TEXTS.size >= SPEECH_TEXTS_MAX) SPEECH_TEXTS.delete(SPEECH_TEXTS.keys().next().value!);
    const rules = speechRules(SPEECH_WORDS[language] ?? { to: '', abbreviations: {} }, monthNames(locale), governance);
    speak = (text) => applySpeechRules(rules, text);
    SPEECH_TEXTS.set(key, speak);
  }
  return speak;
}
