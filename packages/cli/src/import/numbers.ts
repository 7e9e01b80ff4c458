// Numbers and units as Swedish spreadsheets write them: "1 234,5" (with ordinary, non-breaking
// or narrow spaces as thousands separators), "−12,3" (U+2212) and "-12,3", "(1 234)" as a
// negative amount, "12 %", and blank, "–" or "-" for no value. Conversions between kr, tkr and
// mnkr shift the decimal point exactly instead of multiplying floating-point numbers.
import { keepsDigits, type Unit } from '@kommunrapport/model';

/** A cell read as a number: a value, no value (null), or not a number with the reason. */
export type ParsedNumber = { ok: true; value: number | null; percent: boolean } | { ok: false; reason: string };

/** Dashes that mean "no value" when they stand alone. */
const NO_VALUE = new Set(['', '-', '–', '—', '−', '..', '.', 'x']);
/** Every kind of space a spreadsheet puts between thousands. */
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]/g;

/**
 * Reads a number written the Swedish way. Accepts a decimal comma (or a decimal point when no
 * comma is present and the grouping is unambiguous), spaces as thousands separators, a leading
 * minus (U+2212, hyphen-minus or en dash), parentheses for a negative amount and a trailing %.
 */
export function parseSwedishNumber(text: string): ParsedNumber {
  let s = text.replace(SPACES, '');
  if (NO_VALUE.has(s.toLowerCase())) return { ok: true, value: null, percent: false };
  let negative = false;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-−–+]/.test(s)) {
    negative = negative !== /^[-−–]/.test(s);
    s = s.slice(1);
  }
  if (s.endsWith('%') && !percent) {
    percent = true;
    s = s.slice(0, -1);
  }
  let digits: string;
  if (/^\d+(,\d+)?$/.test(s)) digits = s.replace(',', '.');
  // 1.234,5 or 1.234.567: points as grouping (never a lone "1.234", which is a decimal point).
  else if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^\d{1,3}(\.\d{3}){2,}$/.test(s)) digits = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d*\.\d+$/.test(s)) digits = s.startsWith('.') ? `0${s}` : s; // 12.5: a decimal point
  else if (/^,\d+$/.test(s)) digits = `0${s.replace(',', '.')}`;
  else return { ok: false, reason: 'not a number' };
  const value = Number(digits);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not a finite number' };
  // As in a report: digits a number cannot keep would be rounded silently.
  if (!keepsDigits(digits)) return { ok: false, reason: `written with more digits than a number can keep (it would be read as ${value}); round it to at most 15 digits` };
  return { ok: true, value: negative && value !== 0 ? -value : value, percent };
}

/** Units a header or a mapping may name, with the model unit each stands for. */
const UNIT_WORDS: Record<string, Unit> = {
  kr: 'kr',
  kronor: 'kr',
  sek: 'kr',
  tkr: 'tkr',
  'tusen kronor': 'tkr',
  'tusentals kronor': 'tkr',
  ksek: 'tkr',
  mnkr: 'mnkr',
  mkr: 'mnkr',
  msek: 'mnkr',
  'miljoner kronor': 'mnkr',
  '%': 'percent',
  procent: 'percent',
  percent: 'percent',
};

/** The unit a word names (`tkr`, `mnkr`, `%` …), or undefined. */
export function unitFromWord(word: string): Unit | undefined {
  return UNIT_WORDS[word.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/**
 * Splits a header into its label and the unit it names: "Utfall aug (tkr)", "Utfall aug, tkr",
 * "Belopp i mnkr", "Andel %" and a header that is only a unit ("tkr").
 */
export function splitUnit(header: string): { label: string; unit?: Unit } {
  const h = header.trim().replace(/\s+/g, ' ');
  const only = unitFromWord(h);
  if (only) return { label: '', unit: only };
  const patterns = [/^(.*?)\s*\(([^()]+)\)$/, /^(.*?)\s*,\s*([^,]+)$/, /^(.*?)\s+i\s+(.+)$/i, /^(.*?)\s+(%|tkr|mnkr|mkr|kr)$/i];
  for (const p of patterns) {
    const m = p.exec(h);
    if (m) {
      const unit = unitFromWord(m[2]!);
      if (unit) return { label: m[1]!.trim(), unit };
    }
  }
  return { label: h };
}

const AMOUNT_EXPONENT: Partial<Record<Unit, number>> = { kr: 0, tkr: 3, mnkr: 6 };

/**
 * The power of ten that converts a value in `from` to `to` (kr → tkr is −3), 0 for the same
 * unit, or undefined when the units cannot be converted (an amount into a percentage).
 */
export function unitShift(from: Unit, to: Unit): number | undefined {
  if (from === to) return 0;
  const a = AMOUNT_EXPONENT[from];
  const b = AMOUNT_EXPONENT[to];
  if (a === undefined || b === undefined) return undefined;
  return a - b;
}

/** `value × 10^exponent`, exact in decimal: 30210 tkr shifted by −3 is 30.21, not 30.209999…. */
export function shiftDecimal(value: number, exponent: number): number {
  if (exponent === 0 || value === 0) return value;
  const [mantissa, exp] = value.toExponential().split('e') as [string, string];
  return Number(`${mantissa}e${Number(exp) + exponent}`);
}
