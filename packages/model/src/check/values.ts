// Rule family: single values are well formed: an indicator value has a figure or a reason
// why it is missing (not both), and percentages lie from 0 to 100 and are not written as
// fractions among the others of their indicator or row.
import type { ReportPath } from '../walk.js';
import { valueForm } from '../indicator.js';
import { isInterval } from '../table.js';
import type { CheckContext, Rules } from './context.js';

/** Reports missing figures and percentages out of range. */
export function valueRules(ctx: CheckContext): Rules {
  const percent = (value: number, path: ReportPath, what: string, hint = 'Write the share in percent (8.2 for 8,2 %); check the sign and the decimal point.') => {
    if (value >= 0 && value <= 100) return;
    ctx.report('percent-out-of-range', { what, value }, path, { expected: 'a number from 0 to 100', found: String(value), hint });
  };
  // A share written as a fraction among percentages (0.864 where the others lie around 86): in a
  // series of one indicator or one table row, a figure from 0 to 1 whose hundredfold lies
  // within a factor of two of the median of the figures above 1.
  const fractions = (series: { value: number; path: ReportPath; what: string }[]) => {
    const above = series.map((s) => s.value).filter((v) => v > 1).sort((a, b) => a - b);
    if (above.length === 0) return;
    const typical = above[Math.floor(above.length / 2)]!;
    for (const s of series) {
      if (!(s.value > 0 && s.value <= 1)) continue;
      const percent = Number((s.value * 100).toPrecision(12));
      if (typical / percent < 0.5 || typical / percent > 2) continue;
      ctx.report('percent-as-fraction', { what: s.what, value: s.value, typical, percent }, s.path, { expected: `a percentage near the others (${typical})`, found: String(s.value), hint: `Write ${percent} if the share is ${percent} %; the unit is percent.` });
    }
  };
  return {
    indicator: (ind, path) => {
      if (ind.unit === 'percent')
        fractions([
          ...ind.values.flatMap((v, i) => (['total', 'women', 'men'] as const).flatMap((part) => (v[part] === undefined ? [] : [{ value: v[part], path: [...path, 'values', i, part], what: `The ${v.kind} ${part} of "${ind.name}" ${v.year}` }]))),
          ...(ind.comparisons ?? []).flatMap((c, ci) => c.values.map((cv, k) => ({ value: cv.total, path: [...path, 'comparisons', ci, 'values', k, 'total'], what: `The comparison value ${c.label} ${cv.year} of "${ind.name}"` }))),
        ]);
      ind.values.forEach((v, i) => {
        const vp = [...path, 'values', i];
        const data = { kind: v.kind, year: v.year, name: ind.name };
        const form = valueForm(v);
        if ((v.low !== undefined) !== (v.high !== undefined) || (v.low !== undefined && v.high !== undefined && v.low > v.high))
          ctx.report('interval-invalid', { what: `The ${v.kind} for ${v.year} of "${ind.name}"` }, vp, {
            expected: 'low and high, low not above high',
            found: `low ${v.low ?? 'absent'}, high ${v.high ?? 'absent'}`,
          });
        if (form === 'missing' && v.missing === undefined)
          ctx.report('missing-value-reason', data, vp, { expected: 'total: <number>, or missing: <reason>', found: 'neither', hint: 'Give `total`, or `missing` with the reason, e.g. "Mätning senare under 2022".' });
        if (form === 'absent') {
          const also = (['total', 'women', 'men', 'low', 'high', 'direction', 'statement', 'missing', 'bound'] as const).filter((k) => v[k] !== undefined);
          if (also.length > 0)
            ctx.report('value-and-absent', { ...data, also: also.join(', ') }, vp, { expected: `absent: ${v.absent} alone`, found: `absent: ${v.absent} and ${also.join(', ')}`, hint: `Remove ${also.join(', ')} when the source prints "–", or remove absent when it gives a figure (an amount that rounds to zero is total: 0).` });
        }
        if (v.total !== undefined && v.missing !== undefined)
          ctx.report('value-and-missing', data, vp, { expected: 'either total or missing', found: `total ${v.total} and missing ${JSON.stringify(v.missing)}`, hint: 'Remove the one that does not hold.' });
        if (ind.unit !== 'percent') return;
        for (const part of ['total', 'women', 'men'] as const) {
          const n = v[part];
          if (n !== undefined) percent(n, [...vp, part], `The percentage ${part} of "${ind.name}" ${v.year}`);
        }
      });
    },
    sections: {
      workforce: (s, path) =>
        s.sickLeave?.forEach((y, i) => {
          for (const part of ['total', 'women', 'men'] as const) percent(y[part], [...path, 'sickLeave', i, part], `Sick leave ${part} ${y.year}`);
        }),
    },
    table: (table, path) => {
      table.rows.forEach((row, ri) => {
        for (const [key, v] of Object.entries(row.values))
          if (isInterval(v) && v.low > v.high)
            ctx.report('interval-invalid', { what: `"${row.label}" in column "${key}" of table "${table.id}"` }, [...path, 'rows', ri, 'values', key], {
              expected: 'low not above high',
              found: `low ${v.low}, high ${v.high}`,
            });
      });
      const differences = new Set(table.columns.filter((c) => c.kind === 'deviation' || c.differenceOf).map((c) => c.key));
      // A row's own unit holds for its cells (a row in percent in a table in mnkr).
      table.rows.forEach((row, ri) => {
        if ((row.unit ?? table.unit) !== 'percent') return;
        const series: { value: number; path: ReportPath; what: string }[] = [];
        for (const [key, v] of Object.entries(row.values)) {
          if (typeof v !== 'number' || differences.has(key)) continue;
          const what = `"${row.label}" in column "${key}" of table "${table.id}"`;
          percent(v, [...path, 'rows', ri, 'values', key], what, 'Write the share in percent; differences belong in a column of kind deviation.');
          series.push({ value: v, path: [...path, 'rows', ri, 'values', key], what });
        }
        fractions(series);
      });
    },
  };
}
