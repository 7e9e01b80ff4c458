// Rule family: dates and years agree with the report period: the period's own dates lie
// in its year, and no outcome (indicator value, sick leave, table column) is for a later year.
import type { CheckContext, Rules } from './context.js';

/** Reports dates outside the period and outcomes for years after it. */
export function periodRules(ctx: CheckContext): Rules {
  const { periodYear } = ctx;
  const after = (what: string, year: number, path: readonly (string | number)[], expected: string, hint: string) => {
    if (year > periodYear) ctx.report('year-outside-period', { what, year, periodYear }, path, { expected, found: String(year), hint });
  };
  return {
    indicator: (ind, path) =>
      ind.values.forEach((v, i) => {
        if (v.period !== undefined && Number(v.period.slice(0, 4)) !== v.year)
          ctx.report('date-outside-period', { what: `a value of "${ind.name}"`, period: v.period, year: v.year }, [...path, 'values', i, 'period'], { expected: `a period in ${v.year}`, found: v.period, hint: 'Check the year and the period of the value.' });
        if (v.kind === 'outcome') after(`An outcome of "${ind.name}"`, v.year, [...path, 'values', i, 'year'], `a year up to ${periodYear}`, 'Check the year, or mark the value as kind: target.');
      }),
    sections: {
      workforce: (s, path) => s.sickLeave?.forEach((y, i) => after('Sick leave', y.year, [...path, 'sickLeave', i, 'year'], `a year up to ${periodYear}`, 'Check the year.')),
    },
    table: (table, path) =>
      table.columns.forEach((c, i) => {
        if (c.year !== undefined && c.kind !== 'target' && c.kind !== 'budget')
          after(`Column "${c.label}" of table "${table.id}"`, c.year, [...path, 'columns', i, 'year'], `a year up to ${periodYear} (or kind: target or budget)`, 'Check the year of the column.');
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
