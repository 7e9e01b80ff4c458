// Rule family: dates and years agree with the report period: the period's own dates lie
// in its year, no outcome (indicator value, sick leave, table column) is for a later year,
// a period key (2024-08, 2024-T2 …) lies in the year written beside it, and no outcome is
// for a period that ends after the report period (oktober in a report per 31 augusti).
import { periodSpan } from '../period.js';
import type { CheckContext, Rules } from './context.js';

/** Reports dates outside the period and outcomes for years or periods after it. */
export function periodRules(ctx: CheckContext): Rules {
  const { periodYear } = ctx;
  const reportEnd = ctx.input.period.end;
  const after = (what: string, year: number, path: readonly (string | number)[], expected: string, hint: string) => {
    if (year > periodYear) ctx.report('year-outside-period', { what, year, periodYear }, path, { expected, found: String(year), hint });
  };
  /** A period key beside a year: in that year, and for an outcome not ending after the report period (a later year is said by `after`). */
  const periodKey = (what: string, outcomeWhat: string, period: string, year: number | undefined, outcome: boolean, path: readonly (string | number)[]) => {
    if (year !== undefined && Number(period.slice(0, 4)) !== year) {
      ctx.report('date-outside-period', { what, period, year }, path, { expected: `a period in ${year}`, found: period, hint: 'Check the year and the period.' });
      return;
    }
    const end = periodSpan(period)?.end;
    if (outcome && end !== undefined && end > reportEnd && Number(period.slice(0, 4)) <= periodYear)
      ctx.report('period-after-report', { what: outcomeWhat, period, periodEnd: end, reportEnd }, path, { expected: `a period ending on or before ${reportEnd}`, found: period });
  };
  return {
    indicator: (ind, path) =>
      ind.values.forEach((v, i) => {
        if (v.period !== undefined) periodKey(`a value of "${ind.name}"`, `An outcome of "${ind.name}"`, v.period, v.year, v.kind === 'outcome', [...path, 'values', i, 'period']);
        if (v.kind === 'outcome') after(`An outcome of "${ind.name}"`, v.year, [...path, 'values', i, 'year'], `a year up to ${periodYear}`, 'Check the year, or mark the value as kind: target.');
      }),
    sections: {
      workforce: (s, path) => s.sickLeave?.forEach((y, i) => after('Sick leave', y.year, [...path, 'sickLeave', i, 'year'], `a year up to ${periodYear}`, 'Check the year.')),
    },
    table: (table, path) =>
      table.columns.forEach((c, i) => {
        if (c.year !== undefined && c.kind !== 'target' && c.kind !== 'budget')
          after(`Column "${c.label}" of table "${table.id}"`, c.year, [...path, 'columns', i, 'year'], `a year up to ${periodYear} (or kind: target or budget)`, 'Check the year of the column.');
        // Outcome columns (declared so, or of no kind) hold what is known at the report's end.
        if (c.period !== undefined) periodKey(`column "${c.label}" of table "${table.id}"`, `Outcome column "${c.label}" of table "${table.id}"`, c.period, c.year, (c.kind ?? 'outcome') === 'outcome', [...path, 'columns', i, 'period']);
      }),
    done: () => {
      const { start, end, year } = ctx.input.period;
      if (start > end) ctx.report('date-outside-period', { start, end }, ['period', 'end'], { expected: `a date on or after ${start}`, found: end, hint: 'Swap or correct period.start and period.end.' });
      for (const key of ['start', 'end'] as const) {
        const date = ctx.input.period[key];
        if (Number(date.slice(0, 4)) !== year) ctx.report('date-outside-period', { key, date, year }, ['period', key], { expected: `a date in ${year}`, found: date, hint: 'Check period.year and the date.' });
      }
    },
  };
}
