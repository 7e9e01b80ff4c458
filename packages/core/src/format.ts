// Numbers, amounts, percentages and dates written the way the report's language writes
// them: sv-SE with a space as thousands separator, decimal comma and a real minus sign.
import { type Unit, type Governance } from '@kommunrapport/model';
import { createSpeechText } from './speech.js';

/** Options for one number. */
export interface NumberOptions {
  /** Decimals shown (default: as many as the value has, at most 2). */
  decimals?: number;
  /** Show a plus sign on positive values (deviations, results). */
  signed?: boolean;
}

/** Formats numbers and dates for one report. */
export interface Formatter {
  /** The BCP 47 locale in use, e.g. `sv-SE`. */
  readonly locale: string;
  /** A bare number: `30 210`, `−0,6`, `+15,6` (signed). */
  number(value: number, options?: NumberOptions): string;
  /** A number with its unit's short word: `1,7 %`, `−71,5 mnkr`, `77`. */
  value(value: number, unit: Unit, options?: NumberOptions): string;
  /** A number with its unit in words for running text and speech: `−71,5 miljoner kronor`, `1,7 procent`. */
  spoken(value: number, unit: Unit, options?: NumberOptions): string;
  /** The spoken form for speech synthesis: the sign as the vocabulary's word and digits not grouped, `minus 1266,8 miljoner kronor`. */
  speech(value: number, unit: Unit, options?: NumberOptions): string;
  /** A date written out: `31 augusti 2022`. */
  date(isoDate: string): string;
  /**
   * Any text as a speech engine should get it: signs, ranges, month abbreviations, units and
   * the language's abbreviations in words, digits not grouped, decimal comma as a word
   * (`−12,3 mnkr, 0–20 år, Aug 2021` → `minus 12 komma 3 miljoner kronor, 0 till 20 år, augusti 2021`).
   */
  speechText(text: string): string;
  /**
   * The size of a file in SI units (1 kB = 1 000 bytes): whole kB below 1 MB, rounded up so a
   * small file never reads 0 kB, and MB with one decimal above: `4 kB`, `1,2 MB`.
   */
  fileSize(bytes: number): string;
}

/** How many decimals a set of values needs to be shown as written (at most 2). */
export function decimalsOf(values: readonly (number | null | undefined)[]): number {
  let max = 0;
  for (const v of values) {
    if (typeof v !== 'number') continue;
    for (let d = 0; d <= 2; d++) {
      if (Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-6) {
        max = Math.max(max, d);
        break;
      }
      if (d === 2) max = 2;
    }
  }
  return max;
}

const LOCALES: Record<string, string> = { sv: 'sv-SE', en: 'en-GB' };
const NBSP = '\u00a0';

// Intl formats are costly to create (a formatter is made for every plugin of every report)
// and hold no state: one per locale and options for the life of the process.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The Intl number format of a locale for a number of decimals, with or without a sign. */
function numberFormat(locale: string, decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${locale}:${decimals}:${signed}`;
  let f = NUMBER_FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' });
    NUMBER_FORMATS.set(key, f);
  }
  return f;
}

const withWord = (n: string, word: string) => (word ? `${n}${NBSP}${word}` : n);

// A class with prototype methods rather than an object of closures made per report: V8 drops
// the optimised code of such closures at each full collection, so a batch would compile them
// again every few reports.
class ReportFormatter {
  readonly locale: string;
  private readonly dateFormat: Intl.DateTimeFormat;
  private speak: ((text: string) => string) | undefined;

  constructor(
    private readonly language: string,
    private readonly governance: Governance,
  ) {
    this.locale = LOCALES[language] ?? language;
    let dates = DATE_FORMATS.get(this.locale);
    if (!dates) {
      dates = new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' });
      DATE_FORMATS.set(this.locale, dates);
    }
    this.dateFormat = dates;
  }

  number(value: number, options: NumberOptions = {}): string {
    const decimals = options.decimals ?? decimalsOf([value]);
    // A real minus sign in every language, so no reader or speech engine sees a hyphen.
    return numberFormat(this.locale, decimals, options.signed === true).format(value).replace('-', '\u2212');
  }

  value(value: number, unit: Unit, options?: NumberOptions): string {
    return withWord(this.number(value, options), this.governance.units[unit].short);
  }

  spoken(value: number, unit: Unit, options?: NumberOptions): string {
    return withWord(this.number(value, options), this.governance.units[unit].long);
  }

  speech(value: number, unit: Unit, options?: NumberOptions): string {
    const n = this.number(value, options);
    const sign = n.startsWith('\u2212') ? `${this.governance.terms.minus} ` : n.startsWith('+') ? `${this.governance.terms.plus} ` : '';
    const digits = (sign ? n.slice(1) : n).replace(/(\d)\u00a0(?=\d)/gu, '$1');
    return withWord(`${sign}${digits}`, this.governance.units[unit].long);
  }

  date(isoDate: string): string {
    return this.dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
  }

  speechText(text: string): string {
    // Made on first use: most writers never speak.
    return (this.speak ??= createSpeechText(this.locale, this.language, this.governance))(text);
  }

  fileSize(bytes: number): string {
    const kB = Math.max(1, Math.ceil(bytes / 1000));
    return kB < 1000 ? withWord(this.number(kB), 'kB') : withWord(this.number(bytes / 1e6, { decimals: 1 }), 'MB');
  }
}

/** Creates the formatter for a language (`sv` or `en`) and a governance vocabulary's unit words. */
export function createFormatter(language: string, governance: Governance): Formatter {
  const f = new ReportFormatter(language, governance);
  // Each function may be called on its own (`const { speechText } = format`): bound to the
  // formatter, so the work stays in the long-lived methods.
  return {
    locale: f.locale,
    number: f.number.bind(f),
    value: f.value.bind(f),
    spoken: f.spoken.bind(f),
    speech: f.speech.bind(f),
    date: f.date.bind(f),
    speechText: f.speechText.bind(f),
    fileSize: f.fileSize.bind(f),
  };
}
