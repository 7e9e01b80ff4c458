// Periods shorter than a year: the key a table column or an indicator value is written
// with (a month, a tertial, the months from 1 januari, a balance date or the whole year),
// and the report period `init --period` takes. One grammar, parsed in one place.
import { pattern } from './codec.js';
import type * as t from 'io-ts';

/**
 * A period key of a column or an indicator value:
 * - `2024` the whole year;
 * - `2024-08` one month (augusti 2024);
 * - `2024-T2` one tertial (T1 januari–april, T2 maj–augusti, T3 september–december);
 * - `2024-ack-08` the months from 1 januari through the month (januari–augusti 2024, "ackumulerat");
 * - `2024-08-31` a balance date (per 31 augusti 2024), for balance sheets and stocks.
 */
export const PeriodKey = pattern(
  'period key (2024, 2024-08, 2024-T2, 2024-ack-08 or 2024-08-31)',
  /^\d{4}(-(0[1-9]|1[0-2])|-T[1-3]|-ack-(0[1-9]|1[0-2])|-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/,
);
export type PeriodKey = t.TypeOf<typeof PeriodKey>;

/** What a period key means: its first and last day, whether it is a date, and its Swedish label. */
export interface PeriodSpan {
  key: string;
  /** `year`, `month`, `tertial`, `cumulative` (from 1 januari) or `date` (a balance date). */
  type: 'year' | 'month' | 'tertial' | 'cumulative' | 'date';
  start: string;
  end: string;
  /** Swedish label, e.g. `januari–augusti 2024`, `tertial 2 2024`, `31 augusti 2024`. */
  label: string;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthsSpan = (year: number, from: number, to: number) => ({
  start: `${year}-${pad(from)}-01`,
  end: `${year}-${pad(to)}-${pad(lastDay(year, to))}`,
  label: from === to ? `${MONTHS[from - 1]} ${year}` : `${MONTHS[from - 1]}–${MONTHS[to - 1]} ${year}`,
});

/** Parses a period key (see {@link PeriodKey}); undefined when it is not one. */
export function periodSpan(key: string): PeriodSpan | undefined {
  if (!PeriodKey.is(key)) return undefined;
  const year = Number(key.slice(0, 4));
  const rest = key.slice(5);
  if (rest === '') return { key, type: 'year', ...monthsSpan(year, 1, 12), label: String(year) };
  let m: RegExpExecArray | null;
  if ((m = /^T([1-3])$/.exec(rest))) {
    const n = Number(m[1]);
    return { key, type: 'tertial', ...monthsSpan(year, 4 * n - 3, 4 * n), label: `tertial ${n} ${year}` };
  }
  if ((m = /^ack-(\d\d)$/.exec(rest))) return { key, type: 'cumulative', ...monthsSpan(year, 1, Number(m[1])) };
  if ((m = /^(\d\d)-(\d\d)$/.exec(rest))) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (day > lastDay(year, month)) return undefined;
    return { key, type: 'date', start: key, end: key, label: `${day} ${MONTHS[month - 1]} ${year}` };
  }
  return { key, type: 'month', ...monthsSpan(year, Number(rest), Number(rest)) };
}

/** The kinds of report `init` and the model know. */
export type ReportKindKey = 'interim' | 'tertial' | 'annual' | 'other';

/** A report period as `init --period` takes it, with the report kind it suggests. */
export interface ReportPeriod {
  year: number;
  start: string;
  end: string;
  /** e.g. `januari–augusti 2024`. */
  label: string;
  /** e.g. `per 31 augusti 2024`. */
  asOf: string;
  /** The kind this period suggests: a tertial for T1–T2, an annual report for a whole year, otherwise an interim report. */
  kind: ReportKindKey;
}

/**
 * Parses the period of a report as `init --period` takes it. A report period runs from
 * 1 januari to the end of:
 * - `2024-08` the month (per 31 augusti 2024);
 * - `2024-T1`, `2024-T2` the tertial (per 30 april, per 31 augusti); `2024-T3` is the whole year;
 * - `2024-D1`, `2024-D2` delår 1 (per 30 april) and delår 2 (per 31 augusti);
 * - `2024` or `2024-helar` the whole year.
 * Returns undefined when the text is none of these.
 */
export function parseReportPeriod(text: string): ReportPeriod | undefined {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]|T[1-3]|D[12]|helar|helår))?$/i.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = (m[2] ?? 'helar').toUpperCase();
  let month: number;
  let kind: ReportKindKey;
  if (part === 'HELAR' || part === 'HELÅR' || part === 'T3') [month, kind] = [12, 'annual'];
  else if (part.startsWith('T')) [month, kind] = [4 * Number(part.slice(1)), 'tertial'];
  else if (part.startsWith('D')) [month, kind] = [part === 'D1' ? 4 : 8, 'interim'];
  else [month, kind] = [Number(part), Number(part) === 12 ? 'annual' : 'interim'];
  const span = monthsSpan(year, 1, month);
  return { year, start: span.start, end: span.end, label: span.label, asOf: `per ${lastDay(year, month)} ${MONTHS[month - 1]} ${year}`, kind };
}
