// What the document shows of the goal model: assessments per dimension side by side, how a
// status is known (inferred statuses marked in words), corrections of the source, the goals
// a goal serves and where it comes from, comparison rows beside the kommun's own values,
// the count of indicators that reached their target, and the overview of goals by parent.
// Decided here once, so every writer says the same.
import {
  dimensionValues, overallAssessment, targetAttainment, walkReport, withRuleStatus,
  type Report, type Goal, type Area, type Indicator, type IndicatorValue, type Provenance, type Correction,
} from '@kommunrapport/model';
import type { Vocabulary, Badge } from '../vocabulary.js';
import { capitalise } from '../vocabulary.js';
import type { Phraser } from './inline.js';
import type { DocBlock, Fact, TableCell, TableModel } from './types.js';
import { missingCell } from './values.js';
import { joinPhrases } from './shared.js';

/** A fact whose value is running text (its abbreviations marked). */
const fact = (p: Phraser, term: string, value: string): Fact => ({ term, value, content: p.running(value) });

/** The badges of a goal: one per assessment dimension when the vocabulary has them, else its assessment (and trend). */
export function goalBadges(v: Vocabulary, g: Goal): { term: string; badge: Badge }[] {
  const items: { term: string; badge: Badge }[] = [];
  if (v.governance.dimensions?.length) {
    // The dimensions the goal is judged in (a KF-mål may carry only the overall one).
    for (const { dimension, value } of dimensionValues(g, v.governance)) if (value !== undefined) items.push({ term: dimension.label, badge: v.badge('assessment', value) });
  } else if (g.assessment !== undefined) items.push({ term: v.term('assessment'), badge: v.badge('assessment', g.assessment) });
  if (g.trend !== undefined) items.push({ term: v.term('trend'), badge: v.badge('trend', g.trend) });
  return items;
}

/** How a status is known, in words, when it is not simply stated: inferred and unknown statuses are marked. */
export function provenanceFact(v: Vocabulary, ph: Phraser, p: Provenance | undefined): Fact | undefined {
  if (!p || p.basis === 'stated') return undefined;
  const reason = p.reason ?? '';
  return fact(ph, v.term('statusBasis'), v.term(p.basis === 'inferred' ? 'statusInferred' : 'statusUnknown', { reason }).trim());
}

/** The corrections of the source as facts readers see: what the source said, what is published, why. */
export function correctionBlocks(v: Vocabulary, p: Phraser, corrections: readonly Correction[] | undefined): DocBlock[] {
  if (!corrections?.length) return [];
  return [{
    kind: 'facts',
    items: corrections.map((c) => fact(p, v.term('correction'), v.term('correctionText', { source: c.source, published: c.published, reason: c.reason }).trim())),
  }];
}

/** Titles of every goal and area of a report by id, for naming the parents a goal serves. */
export function titlesById(report: Report): Map<string, string> {
  const titles = new Map<string, string>();
  forEachArea(report, (a) => {
    titles.set(a.id, a.title);
    for (const g of a.goals ?? []) titles.set(g.id, g.title);
  });
  return titles;
}

/** Every area of a report, in reading order, wherever its perspective stands. */
function forEachArea(report: Report, visit: (a: Area) => void): void {
  walkReport(report, { area: visit });
}

/** Facts of a goal: where it comes from and what it serves besides its home. */
export function goalFacts(v: Vocabulary, ph: Phraser, g: Goal, titles: ReadonlyMap<string, string>): Fact[] {
  const facts: Fact[] = [];
  if (g.origin) facts.push(fact(ph, v.term('origin'), g.origin.by ? `${g.origin.label} (${g.origin.by})` : g.origin.label));
  if (g.serves?.length) facts.push(fact(ph, v.term('serves'), joinPhrases(g.serves.map((id) => titles.get(id) ?? id))));
  const p = provenanceFact(v, ph, g.provenance);
  if (p) facts.push(p);
  return facts;
}

/** Rows of comparison values under an indicator's row, in the same columns (outcome years). */
export function comparisonRows(
  v: Vocabulary,
  ind: Indicator,
  cols: readonly { kind: 'outcome' | 'target'; year: number }[],
  cell: (n: number) => TableCell,
): { header: string; cells: TableCell[] }[] {
  return (ind.comparisons ?? []).map((c) => ({
    header: `${ind.name}: ${v.term('comparisonOf', { comparison: c.label })}`,
    cells: cols.map((k): TableCell => {
      const x = k.kind === 'outcome' ? c.values.find((y) => y.year === k.year) : undefined;
      return x ? cell(x.total) : missingCell(v);
    }),
  }));
}

/** A cell of an indicator value in words: a bound ("minst 85 %") and the year of an older value ("7,3 (2015)"). */
export function valueCell(v: Vocabulary, x: IndicatorValue, text: string, spoken: string, speech: string): TableCell {
  const bounded = (s: string) => (x.bound ? v.term(x.bound, { amount: s }) : s);
  // The year in brackets after the value, as reports write it: "7,3 (2015)".
  const dated = (s: string) => (x.measuredYear !== undefined && x.measuredYear !== x.year ? `${s} (${x.measuredYear})` : s);
  return { text: dated(bounded(text)), spoken: dated(bounded(spoken)), speech: dated(bounded(speech)), value: x.total, align: 'end' };
}

/** "Av tio indikatorer … når fem målvärdet", computed for the report year; nothing when no indicator has both. */
export function attainmentBlocks(v: Vocabulary, p: Phraser, indicators: readonly Indicator[], year: number): DocBlock[] {
  const a = targetAttainment(indicators, year);
  if (a.measured === 0) return [];
  const levels = v.governance.levels.indicator;
  const text = v.term('targetAttainment', { measured: String(a.measured), reached: String(a.reached), year: String(year), indicators: a.measured === 1 ? levels.singular : levels.plural });
  return [{ kind: 'richText', blocks: [{ type: 'paragraph', children: p.running(text) }] }];
}

/**
 * The overview of goals by parent ("Kommungemensamt mål | Nämndens mål | Måluppfyllelse"):
 * for each goal or area that goals serve, those goals with their assessment per dimension.
 * A goal serving two parents is shown under each; it is still one goal everywhere else.
 */
export function goalsByParentTable(report: Report, v: Vocabulary, id: string): TableModel {
  const titles = titlesById(report);
  const serving: { goal: Goal; parent: string }[] = [];
  const order: string[] = [];
  forEachArea(report, (a) => {
    order.push(a.id);
    for (const g of a.goals ?? []) order.push(g.id);
  });
  const all: Goal[] = [];
  forEachArea(report, (a) => all.push(...(a.goals ?? []).map((g) => withRuleStatus(g, v.governance, report.period.year))));
  for (const parent of order) for (const g of all) if (g.serves?.includes(parent)) serving.push({ goal: g, parent });
  const dims = v.governance.dimensions ?? [];
  const columns = [
    { label: capitalise(v.governance.levels.goal.singular), align: 'start' as const },
    ...(dims.length ? dims.map((d) => ({ label: d.label, align: 'start' as const })) : [{ label: v.term('assessment'), align: 'start' as const }]),
  ];
  const badgeCell = (badge: Badge): TableCell => ({ text: badge.label, spoken: badge.textAlternative, speech: badge.textAlternative, badge, align: 'start' });
  return {
    id,
    caption: `${v.term('overview')}: ${v.governance.levels.goal.plural}`,
    corner: v.term('upperGoal'),
    columns,
    rows: serving.map(({ goal, parent }) => {
      const parentTitle = titles.get(parent) ?? parent;
      const values = dims.length ? dimensionValues(goal, v.governance).map((x) => x.value) : [overallAssessment(goal, v.governance)];
      return {
        header: parentTitle,
        cells: [{ text: goal.title, spoken: goal.title, speech: goal.title, align: 'start' as const }, ...values.map((value) => badgeCell(v.badge('assessment', value)))],
      };
    }),
  };
}
