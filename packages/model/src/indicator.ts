// Indicators (indikator, nyckeltal): measured figures with outcomes and targets per year,
// optionally split by gender, and values the source does not state with the reason.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber, nullable } from './codec.js';
import { Id, Year } from './ids.js';
import { Unit } from './governance.js';
import { PeriodKey } from './period.js';
import { Comparison, Correction, KoladaKpiId, KoladaScope, ValueSource } from './goal-model.js';

/** A target that only says which way the value should go ("öka", "minska"). */
export const TargetDirection = t.keyof({ increase: null, decrease: null }, 'target direction (increase or decrease)');
export type TargetDirection = t.TypeOf<typeof TargetDirection>;

/** One value of an indicator (utfall or målvärde) for one year. */
export const IndicatorValue = strict(
  'IndicatorValue',
  'One value of an indicator: an outcome (utfall) or a target (mål) for a year, or for a part of it (period: a month 2024-03, a tertial 2024-T1, the months from 1 januari 2024-ack-08), for all (total) and optionally women and men. A value not yet measured has `missing` with the reason instead of `total`; a value the source prints as "–" has `absent` (noAmount: inget belopp, notApplicable: ej tillämpligt) instead, never the same as 0. A target may be a bound (atLeast: "minst 75", atMost: "högst 3,0"), a range (low and high: "2–4 procent"), a direction only (direction: "öka", "minska") or a statement in words (statement: "ska följas"); an outcome or forecast given as an interval has low and high ("−5 till −10"); a value older than its column says the year it was measured (measuredYear: "7,3 (2015)").',
  {
    year: Year,
    kind: t.keyof({ outcome: null, target: null }, 'value kind (outcome or target)'),
  },
  {
    period: PeriodKey,
    total: FiniteNumber,
    women: FiniteNumber,
    men: FiniteNumber,
    missing: NonEmptyString,
    absent: t.keyof({ noAmount: null, notApplicable: null }, 'absence (noAmount or notApplicable)'),
    bound: t.keyof({ atLeast: null, atMost: null }, 'bound (atLeast or atMost)'),
    low: FiniteNumber,
    high: FiniteNumber,
    direction: TargetDirection,
    statement: NonEmptyString,
    measuredYear: Year,
    source: ValueSource,
  },
);
export type IndicatorValue = t.TypeOf<typeof IndicatorValue>;

/** Where an indicator's Kolada KPI id comes from. */
export const KoladaRef = strict(
  'KoladaRef',
  "A Kolada KPI id, where it was taken from, and its scope: same when the kommun's value measures the KPI's own population, part when it measures only a part of it (e.g. one office's sick leave under a kommun-wide KPI). Open data joins on the id only for same.",
  { id: KoladaKpiId, source: NonEmptyString, scope: KoladaScope },
);
export type KoladaRef = t.TypeOf<typeof KoladaRef>;

/** An indicator (indikator). */
export const Indicator = strict(
  'Indicator',
  'An indicator (indikator, nyckeltal): name, unit, direction, optional Kolada KPI id, values per year, comparison series (riket, län, kommungrupp) and corrections of the source; optionally its own status: assessment (a key of the assessment scale, as the source states it) or assessmentByRule: true (derived from its outcome against its target in the report year by the governance\'s statusRule, marked inferred, with the rule).',
  {
    id: Id,
    name: NonEmptyString,
    unit: Unit,
    higherIsBetter: t.boolean,
    values: t.array(IndicatorValue),
  },
  {
    decimals: t.number,
    kolada: KoladaRef,
    description: NonEmptyString,
    comparisons: t.array(Comparison),
    corrections: t.array(Correction),
    assessment: nullable(NonEmptyString),
    assessmentByRule: t.literal(true),
  },
);
export type Indicator = t.TypeOf<typeof Indicator>;

/** What form a value takes: a figure (possibly a bound), a range or interval, a direction, a statement in words, "–" (absent), or missing. */
export type ValueForm = 'exact' | 'bound' | 'range' | 'direction' | 'statement' | 'absent' | 'missing';

/** The form of an indicator value, decided in one place for the checks, the document and open data. */
export function valueForm(v: Pick<IndicatorValue, 'total' | 'bound' | 'low' | 'high' | 'direction' | 'statement' | 'absent'>): ValueForm {
  if (v.absent !== undefined) return 'absent';
  if (v.total !== undefined) return v.bound ? 'bound' : 'exact';
  if (v.low !== undefined || v.high !== undefined) return 'range';
  if (v.direction !== undefined) return 'direction';
  if (v.statement !== undefined) return 'statement';
  return 'missing';
}
