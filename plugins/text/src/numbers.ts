// The minus sign of negative numbers in running text: U+2212 by default, or, for speech
// synthesis, the vocabulary's words ("minus 0,6", "plus 15,6") and numbers without the
// thousands separator, which speech engines read as two numbers.
import type { Vocabulary } from '@kommunrapport/core';
import type { MinusStyle } from './options.js';

/** A hyphen, en dash or minus sign standing before a digit at the start of a word. */
const SIGNED = /(^|[\s(])([-\u2013\u2212+])(?=\d)/gu;

/** A non-breaking space between groups of digits: the thousands separator of sv-SE. */
const GROUP = /(\d)\u00a0(?=\d{3}(?!\d))/gu;

/**
 * Returns a function that writes the sign of every number in a text the chosen way:
 * `sign` turns a hyphen or en dash used as minus into U+2212; `word` writes
 * `vocabulary.term('minus')` (and `term('plus')` for a plus sign) followed by a space, and
 * joins the digit groups of a number ("30 210" → "30210") so it is read as one number.
 */
export function createSignWriter(style: MinusStyle, vocabulary: Vocabulary): (text: string) => string {
  if (style === 'sign') return (text) => text.replace(SIGNED, (m, before: string, sign: string) => (sign === '+' ? m : `${before}\u2212`));
  const minus = vocabulary.term('minus');
  const plus = vocabulary.term('plus');
  return (text) =>
    text.replace(SIGNED, (_m, before: string, sign: string) => `${before}${sign === '+' ? plus : minus} `).replace(GROUP, '$1');
}
