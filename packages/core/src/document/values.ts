// Values as real reports write them, in words decided once for every writer: a range or
// interval ("2–4 %", "−5 – −10", spoken "−5 till −10"), a target that is only a direction
// ("öka") or a statement ("ska följas"), a cell the source prints as "–" (no amount, not
// applicable), which is never the same as an amount that rounds to 0, and a cell with no value.
import type { AbsentValue, IndicatorValue, Unit } from '@kommunrapport/model';
import type { Formatter } from '../format.js';
import type { Vocabulary } from '../vocabulary.js';
import type { TableCell } from './types.js';

/** The dash printed for a value the source says is absent. */
export const ABSENT_DASH = '\u2013';

/**
 * An interval as a cell: shown "2–4 %" (unspaced when both bounds are positive) or
 * "−5 – −10 mnkr" (spaced, so the dash does not read as a minus sign); in words
 * "−5 till −10 miljoner kronor". `withUnit` adds the unit's short word to the shown text,
 * as an indicator's cells do; a table of figures states its unit in the caption.
 */
export function intervalCell(v: Vocabulary, f: Formatter, low: number, high: number, unit: Unit, decimals: number, withUnit: boolean): TableCell {
  const o = { decimals };
  const dash = low >= 0 && high >= 0 ? ABSENT_DASH : ` ${ABSENT_DASH} `;
  const text = `${f.number(low, o)}${dash}${withUnit ? f.value(high, unit, o) : f.number(high, o)}`;
  const spoken = v.term('interval', { low: f.number(low, o), high: f.spoken(high, unit, o) });
  const speech = v.term('interval', { low: f.speechText(f.number(low, o)), high: f.speech(high, unit, o) });
  // The accessible name says the interval in words, without the unit the caption or header gives.
  const label = v.term('interval', { low: f.number(low, o), high: withUnit ? f.value(high, unit, o) : f.number(high, o) });
  return { text, spoken, speech, label, align: 'end' };
}

/** A cell the source prints as "–": the dash, named in words ("inget belopp") for every reader. */
export function absentCell(v: Vocabulary, a: AbsentValue): TableCell {
  const words = v.term(a.absent);
  return { text: ABSENT_DASH, spoken: words, speech: words, label: words, align: 'end' };
}

/**
 * A cell with no value (the source gives none for it, or a value row has no status): the
 * same dash, named by the vocabulary's `missingValue` ("Värde saknas"), so a screen reader,
 * a PDF's ActualText, Word and speech all say the same words, and no cell is silent.
 */
export function missingCell(v: Vocabulary, align: 'start' | 'end' = 'end'): TableCell {
  const words = v.term('missingValue');
  return { text: ABSENT_DASH, spoken: words, speech: words, label: words, align };
}

/** A target that is a direction ("öka") or a statement in words ("ska följas"). */
export function wordTargetCell(v: Vocabulary, x: Pick<IndicatorValue, 'direction' | 'statement'>): TableCell {
  const words = x.direction !== undefined ? v.term(x.direction) : x.statement!;
  return { text: words, spoken: words, speech: words, align: 'start' };
}
