// Rule family: figures add up within rounding: totals and subtotals of tables, columns
// declared as differences, explanations of a deviation, and women plus men to the total.
import { isInterval, type CellValue, type DataTable, type DeviationExplanation } from '../table.js';
import type { ReportPath } from '../walk.js';
import { decimalsOf, shown, tolerance, type CheckContext, type Rules } from './context.js';

/** Reports sums, differences and gender parts that do not add up. */
export function sumRules(ctx: CheckContext): Rules {
  const genderSum = (total: number, women: number, men: number, path: ReportPath, what: string, decimals?: number) => {
    const dec = decimals ?? Math.max(decimalsOf(total), decimalsOf(women), decimalsOf(men));
    // Whole counts add up exactly; rounded figures within the rounding of three figures (two parts and the total).
    if (Math.abs(women + men - total) <= (dec === 0 ? 1e-9 : tolerance(dec, 3))) return;
    const sum = shown(women + men);
    ctx.report('gender-sum-mismatch', { what, women, men, sum, total }, [...path, 'total'], { expected: `total ${sum}`, found: String(total), hint: 'Check the three figures against the source.' });
  };
  return {
    indicator: (ind, path) =>
      ind.values.forEach((v, i) => {
        if (ind.unit === 'count' && v.total !== undefined && v.women !== undefined && v.men !== undefined)
          genderSum(v.total, v.women, v.men, [...path, 'values', i], `"${ind.name}" ${v.year}`, ind.decimals);
      }),
    sections: {
      workforce: (s, path) => {
        if (s.headcount) genderSum(s.headcount.total, s.headcount.women, s.headcount.men, [...path, 'headcount'], 'the headcount', 0);
      },
    },
    table: (table, path) => {
      tableSums(ctx, table, path);
      tableDifferences(ctx, table, path);
    },
    deviation: (explanation, path) => deviationSum(ctx, explanation, path),
  };
}

const decimalsFor = (table: DataTable, values: number[]) => table.decimals ?? Math.max(0, ...values.map(decimalsOf));

/**
 * The bounds of a cell for checking: a number is its own low and high, an interval ("−5 till
 * −10") its two bounds; empty cells and "–" have none. Sums and differences involving an
 * interval are checked on both bounds (interval arithmetic), never skipped.
 */
const bounds = (v: CellValue | undefined): [number, number] | undefined => (typeof v === 'number' ? [v, v] : isInterval(v) ? [v.low, v.high] : undefined);
/** A figure or an interval as written in a message: `12` or `-10..-5`. */
const written = ([lo, hi]: [number, number]): string => (lo === hi ? shown(lo) : `${shown(lo)}..${shown(hi)}`);

function tableSums(ctx: CheckContext, table: DataTable, path: ReportPath): void {
  const rowById = new Map(table.rows.map((r) => [r.id, r]));
  const items = table.rows.filter((r) => r.kind === 'item');
  table.rows.forEach((row, ri) => {
    let terms: DataTable['rows'];
    if (row.sumOf) {
      terms = row.sumOf.flatMap((id) => rowById.get(id) ?? []);
      // A row that does not exist is an unresolved reference (see references.ts), not a wrong sum.
      if (terms.length !== row.sumOf.length) return;
    } else if (row.kind === 'total' && items.length > 0) terms = items;
    else return;
    for (const { key } of table.columns) {
      const total = bounds(row.values[key]);
      if (!total) continue;
      // A loop, not map and filter arrows made for every cell: V8 drops their optimised code at
      // each full collection, and a batch would compile them again every few reports.
      const parts: [number, number][] = [];
      for (const t of terms) {
        const b = bounds(t.values[key]);
        if (b !== undefined) parts.push(b);
      }
      if (parts.length === 0) continue;
      const sum: [number, number] = [parts.reduce((a, b) => a + b[0], 0), parts.reduce((a, b) => a + b[1], 0)];
      const dec = row.decimals ?? decimalsFor(table, [...total, ...parts.flat()]);
      const tol = tolerance(dec, parts.length + 1);
      if (Math.abs(sum[0] - total[0]) <= tol && Math.abs(sum[1] - total[1]) <= tol) continue;
      ctx.report(
        'sum-mismatch',
        { label: row.label, column: key, table: table.id, total: written(total), terms: row.sumOf ? `rows ${row.sumOf.join(', ')}` : 'item rows', sum: written(sum) },
        [...path, 'rows', ri, 'values', key],
        {
          expected: `${written(sum)} (± ${shown(tol)})`,
          found: written(total),
          hint: row.sumOf ? 'Check the figures and the rows listed in sumOf.' : 'A total without sumOf sums every row of kind item; list the rows in sumOf if it sums others.',
        },
      );
    }
  });
}

function tableDifferences(ctx: CheckContext, table: DataTable, path: ReportPath): void {
  const columnKeys = table.columns.map((c) => c.key);
  for (const col of table.columns) {
    if (!col.differenceOf) continue;
    const [a, b] = col.differenceOf;
    // A column that does not exist is an unresolved reference (see references.ts).
    if (!columnKeys.includes(a) || !columnKeys.includes(b)) continue;
    // A loop, as in tableSums.
    for (let ri = 0; ri < table.rows.length; ri++) {
      const row = table.rows[ri]!;
      const d = bounds(row.values[col.key]);
      const va = bounds(row.values[a]);
      const vb = bounds(row.values[b]);
      if (!d || !va || !vb) continue;
      // a − b of intervals: from the lowest a less the highest b to the highest a less the lowest b.
      const diff: [number, number] = [va[0] - vb[1], va[1] - vb[0]];
      const dec = decimalsFor(table, [...d, ...va, ...vb]);
      const tol = tolerance(dec, 3);
      if (Math.abs(diff[0] - d[0]) <= tol && Math.abs(diff[1] - d[1]) <= tol) continue;
      ctx.report('difference-mismatch', { label: row.label, column: col.key, a, b, value: written(d), difference: written(diff) }, [...path, 'rows', ri, 'values', col.key], {
        expected: `${written(diff)} (± ${shown(tol)})`,
        found: written(d),
        hint: 'Check the figures, and that differenceOf lists the columns in the order a − b.',
      });
    }
  }
}

function deviationSum(ctx: CheckContext, explanation: DeviationExplanation, path: ReportPath): void {
  const amounts = explanation.items.map((i) => i.amount);
  if (amounts.length === 0) return;
  const sum = amounts.reduce((a, b) => a + b, 0);
  const dec = Math.max(decimalsOf(explanation.deviation), ...amounts.map(decimalsOf));
  const tol = tolerance(dec, amounts.length + 1);
  if (Math.abs(sum - explanation.deviation) <= tol) return;
  ctx.report('deviation-sum-mismatch', { count: amounts.length, id: explanation.id, sum: shown(sum), deviation: explanation.deviation, unit: explanation.unit }, [...path, 'deviation'], {
    expected: `${shown(sum)} (± ${shown(tol)})`,
    found: String(explanation.deviation),
    hint: 'Check the amounts and their signs against the source; an explanation may be missing.',
  });
}
