// The parts of a goal model that vary between kommuner: assessment dimensions (several
// judgements of one goal side by side), where a status comes from (stated, inferred,
// unknown), corrections of the source made visible, goals from outside the body, and
// comparison values (riket, län, kommungrupp) beside an indicator's own values.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber, pattern } from './codec.js';
import { Id, IsoDate, Year } from './ids.js';

/** One assessment dimension (bedömningsgrund), e.g. "Utifrån nämndens indikatorer". */
export const AssessmentDimension = strict(
  'AssessmentDimension',
  'One way a goal is judged (bedömningsgrund), e.g. "utifrån nämndens indikatorer" or "sammanvägd bedömning". Exactly one dimension of a vocabulary is the overall one: its value is the goal\'s assessment.',
  { key: Id, label: NonEmptyString },
  { overall: t.boolean, description: NonEmptyString },
);
export type AssessmentDimension = t.TypeOf<typeof AssessmentDimension>;

/** How a status is known. */
export const StatusBasis = t.keyof({ stated: null, inferred: null, unknown: null }, 'status basis (stated, inferred or unknown)');
export type StatusBasis = t.TypeOf<typeof StatusBasis>;

/** Where a status comes from: stated by the source, inferred (with the reason), or not known. */
export const Provenance = strict(
  'Provenance',
  'How a status is known: stated by the source (with a quote), inferred by the editor (with the reason, e.g. "from the count in the summary"), or unknown. Inferred statuses are marked as such in every output.',
  { basis: StatusBasis },
  { quote: NonEmptyString, reason: NonEmptyString },
);
export type Provenance = t.TypeOf<typeof Provenance>;

/** A correction of the source: what it said, what is published instead and why. */
export const Correction = strict(
  'Correction',
  'A correction of the source shown to readers: what the source said, what is published instead, and why.',
  { source: NonEmptyString, published: NonEmptyString, reason: NonEmptyString },
);
export type Correction = t.TypeOf<typeof Correction>;

/** Where a goal comes from when it is not the body's own. */
export const GoalOrigin = strict(
  'GoalOrigin',
  "Where a goal comes from when it is not the body's own: kommunfullmäktige (council, KF-mål), the owners (owner, ägardirektiv) or another body; label is the words readers see, e.g. \"KF-mål\".",
  { kind: t.keyof({ council: null, owner: null, other: null }, 'goal origin (council, owner or other)'), label: NonEmptyString },
  { by: NonEmptyString },
);
export type GoalOrigin = t.TypeOf<typeof GoalOrigin>;

/** A Kolada KPI id: N (kommun) or U (organisational unit) and five digits, e.g. N00090. */
export const KoladaKpiId = pattern('Kolada KPI id (N or U and five digits, e.g. "N00090")', /^[NU]\d{5}$/);

/** A Kolada group of kommuner (kommungrupp), e.g. G124028. */
export const KoladaGroupId = pattern('Kolada group id (G and digits, e.g. "G124028")', /^G\d{1,9}$/);

/** Whether the kommun's value measures the KPI's own population, or only a part of it. */
export const KoladaScope = t.keyof({ same: null, part: null }, 'Kolada scope (same or part)');

/** Where a value was fetched from (e.g. Kolada) and on which day; typed values have none. */
export const ValueSource = strict(
  'ValueSource',
  'Where a value was fetched from and when: the source (e.g. Kolada), the day of retrieval and optionally the address asked.',
  { name: NonEmptyString, retrieved: IsoDate },
  { url: NonEmptyString },
);
export type ValueSource = t.TypeOf<typeof ValueSource>;

/** One value of a comparison series. */
export const ComparisonValue = strict(
  'ComparisonValue',
  'A comparison value for one year; a value fetched (e.g. by `kommunrapport kolada`) records where from and the day of retrieval, a typed one has no source.',
  { year: Year, total: FiniteNumber },
  { source: ValueSource },
);
export type ComparisonValue = t.TypeOf<typeof ComparisonValue>;

/** A comparison series: the same measure for riket, the län, a kommungrupp or named kommuner. */
export const Comparison = strict(
  'Comparison',
  "Values of the same measure for others, shown beside the kommun's own: riket (country), the län (county), a Kolada kommungrupp (group, with its id) or a named set of kommuner (municipalities). Never the kommun's own outcome.",
  {
    of: t.keyof({ country: null, county: null, group: null, municipalities: null }, 'comparison (country, county, group or municipalities)'),
    label: NonEmptyString,
    source: NonEmptyString,
    values: t.array(ComparisonValue),
  },
  { koladaGroupId: KoladaGroupId, municipalities: t.array(NonEmptyString) },
);
export type Comparison = t.TypeOf<typeof Comparison>;

interface DimensionValues { assessment?: string | null; assessments?: Record<string, string | null> }
interface DimensionVocabulary { dimensions?: readonly AssessmentDimension[] }

/** The overall dimension of a vocabulary, when it declares dimensions. */
export const overallDimension = (g: DimensionVocabulary): AssessmentDimension | undefined => g.dimensions?.find((d) => d.overall === true);

/**
 * A goal's assessment: the value of the overall dimension when the vocabulary declares
 * dimensions and the goal gives it, else the goal's own `assessment`.
 */
export function overallAssessment(goal: DimensionValues, g: DimensionVocabulary): string | null | undefined {
  const overall = overallDimension(g);
  if (overall && goal.assessments && overall.key in goal.assessments) return goal.assessments[overall.key];
  return goal.assessment;
}

/** Each dimension of the vocabulary with the goal's value (undefined when the goal does not give it). */
export function dimensionValues(goal: DimensionValues, g: DimensionVocabulary): { dimension: AssessmentDimension; value: string | null | undefined }[] {
  return (g.dimensions ?? []).map((dimension) => ({
    dimension,
    value: dimension.overall === true ? overallAssessment(goal, g) : goal.assessments?.[dimension.key],
  }));
}

interface Measured {
  higherIsBetter: boolean;
  values: readonly { year: number; kind: 'outcome' | 'target'; total?: number; bound?: 'atLeast' | 'atMost'; low?: number; high?: number; direction?: 'increase' | 'decrease'; period?: string }[];
}

/**
 * Whether an indicator's outcome reached its target in a year: undefined when either is
 * missing or the target is a statement in words. A range is reached inside its bounds; a
 * direction when the outcome moved that way from the year before.
 */
export function targetReached(ind: Measured, year: number): boolean | undefined {
  const outcomeOf = (y: number) => ind.values.find((v) => v.kind === 'outcome' && v.year === y && v.period === undefined)?.total;
  const outcome = outcomeOf(year);
  const t = ind.values.find((v) => v.kind === 'target' && v.year === year && v.period === undefined);
  if (outcome !== undefined && t?.low !== undefined && t.high !== undefined) return outcome >= t.low && outcome <= t.high;
  if (outcome !== undefined && t?.direction !== undefined) {
    const before = outcomeOf(year - 1);
    if (before === undefined) return undefined;
    return t.direction === 'increase' ? outcome > before : outcome < before;
  }
  const target = t?.total;
  if (outcome === undefined || target === undefined) return undefined;
  // A bound says which side of the target is reached; without one, the indicator's direction does.
  const atLeast = t!.bound ? t!.bound === 'atLeast' : ind.higherIsBetter;
  return atLeast ? outcome >= target : outcome <= target;
}

/**
 * How many indicators reached their target in a year, of how many have both an outcome and
 * a target that year ("av tio indikatorer nås målnivån för fem"): computed, never typed.
 */
export function targetAttainment(indicators: readonly Measured[], year: number): { reached: number; measured: number; total: number } {
  let reached = 0;
  let measured = 0;
  for (const ind of indicators) {
    const r = targetReached(ind, year);
    if (r === undefined) continue;
    measured++;
    if (r) reached++;
  }
  return { reached, measured, total: indicators.length };
}

/** One step of a status rule: the status given when the outcome reaches at least this share of its target. */
export const StatusRuleStep = strict(
  'StatusRuleStep',
  'A step of a status rule: the assessment key given when the outcome is at least atLeast percent of its target (for lower-is-better, the target is that share of the outcome).',
  { status: Id, atLeast: FiniteNumber },
);

/** A rule that gives a goal its status from how close an indicator's outcome is to its target. */
export const StatusRule = strict(
  'StatusRule',
  'How a status is derived instead of typed: the words readers see (label, e.g. "uppfyllt vid 100 % av målvärdet, delvis uppfyllt vid 90 %") and steps from the highest share down. The share is outcome ÷ target in percent, or target ÷ outcome when lower is better.',
  { label: NonEmptyString, steps: t.array(StatusRuleStep) },
);
export type StatusRule = t.TypeOf<typeof StatusRule>;

/**
 * The status a rule gives an indicator in a year, with the share of the target reached, or
 * undefined when the outcome or a figure target is missing. Lower-is-better (the indicator's
 * direction, or a target bound atMost) turns the share round: target ÷ outcome.
 */
export function ruleStatus(rule: StatusRule, ind: Measured, year: number): { status: string; share: number } | undefined {
  const outcome = ind.values.find((v) => v.kind === 'outcome' && v.year === year && v.period === undefined)?.total;
  const t = ind.values.find((v) => v.kind === 'target' && v.year === year && v.period === undefined);
  if (outcome === undefined || t?.total === undefined) return undefined;
  const higher = t.bound ? t.bound === 'atLeast' : ind.higherIsBetter;
  const share = higher ? (t.total === 0 ? undefined : (outcome / t.total) * 100) : outcome === 0 ? 100 : (t.total / outcome) * 100;
  if (share === undefined) return undefined;
  const steps = [...rule.steps].sort((a, b) => b.atLeast - a.atLeast);
  const step = steps.find((s) => share >= s.atLeast) ?? steps[steps.length - 1];
  return step ? { status: step.status, share } : undefined;
}

interface RuledGoal extends DimensionValues {
  assessmentRule?: string;
  indicators?: readonly (Measured & { id: string })[];
  provenance?: Provenance;
}
interface RuledVocabulary extends DimensionVocabulary {
  statusRule?: StatusRule;
  terms: { statusByRule: string };
}

/**
 * What the governance's rule gives an indicator that takes its own status from it
 * (`assessmentByRule`): the status, the share of the target and the rule's words; undefined
 * when it does not ask for it, there is no rule, or the report year lacks an outcome or a target.
 */
export function indicatorRuleStatus(ind: Measured & { assessmentByRule?: true }, g: RuledVocabulary, year: number): { status: string; share: number; words: string } | undefined {
  if (ind.assessmentByRule !== true || !g.statusRule) return undefined;
  const r = ruleStatus(g.statusRule, ind, year);
  return r ? { ...r, words: g.terms.statusByRule.replace('{rule}', g.statusRule.label) } : undefined;
}

/** What a goal's rule gives, when it has one that applies: the status, the share and the rule's words. */
export function goalRuleStatus(goal: RuledGoal, g: RuledVocabulary, year: number): { status: string; share: number; words: string } | undefined {
  if (goal.assessmentRule === undefined || !g.statusRule) return undefined;
  const ind = goal.indicators?.find((i) => i.id === goal.assessmentRule);
  const r = ind ? ruleStatus(g.statusRule, ind, year) : undefined;
  return r ? { ...r, words: g.terms.statusByRule.replace('{rule}', g.statusRule.label) } : undefined;
}

/**
 * A goal with the status its rule gives filled in where the source typed none: the overall
 * dimension's value (or the assessment), marked inferred with the rule's words as the reason.
 * A typed status stays (a check warns when it disagrees). Decided here once, for the document
 * and open data alike.
 */
export function withRuleStatus<G extends RuledGoal>(goal: G, g: RuledVocabulary, year: number): G {
  const r = goalRuleStatus(goal, g, year);
  if (!r || overallAssessment(goal, g) != null) return goal;
  const overall = overallDimension(g);
  const provenance: Provenance = { basis: 'inferred', reason: r.words };
  return overall
    ? { ...goal, assessments: { ...goal.assessments, [overall.key]: r.status }, provenance }
    : { ...goal, assessment: r.status, provenance };
}
