// Rule family: a figure stated in two places (sameAs, from a table cell or a deviation to
// another table's cell) agrees within rounding, converted to kronor; a difference by a
// factor of about 1 000 is reported as a wrong unit. Runs after the walk, when every table is known.
import { UNIT_FACTOR, isAmountUnit, type Unit } from '../governance.js';
import { closest } from '../decode.js';
import { STATEMENT_TABLE_ROLES } from '../statements.js';
import { cellNumber, type DataTable, type DeviationExplanation } from '../table.js';
import type { ReportPath } from '../walk.js';
import { decimalsOf, shown, type CheckContext, type Rules } from './context.js';

/** Table roles that are financial statements: a figure elsewhere that names one of their cells must agree (an error, not a warning). */

interface Figure {
  value: number;
  unit: Unit;
  decimals: number | undefined;
}

/** Reports sameAs references that do not resolve and figures that disagree. */
export function sameAsRules(ctx: CheckContext): Rules {
  const tables: { table: DataTable; path: ReportPath }[] = [];
  const explanations: { explanation: DeviationExplanation; path: ReportPath }[] = [];
  const tableById = new Map<string, DataTable>();

  const resolveCell = (reference: string, path: ReportPath): (Omit<Figure, 'value'> & { value: number | null; where: string; statement: boolean }) | undefined => {
    const parts = reference.split('.');
    const [tid, rid, ckey] = parts;
    const target = parts.length === 3 ? tableById.get(tid!) : undefined;
    const row = target?.rows.find((r) => r.id === rid);
    const column = target?.columns.find((c) => c.key === ckey);
    if (target && row && column) return { value: cellNumber(row.values[column.key]) ?? null, unit: row.unit ?? target.unit, decimals: row.decimals ?? target.decimals, where: reference, statement: STATEMENT_TABLE_ROLES.has(target.role ?? '') };
    const reason = parts.length !== 3 ? 'it is not of the form table.row.column' : !target ? `there is no table "${tid}"` : !row ? `table "${tid}" has no row "${rid}"` : `table "${tid}" has no column "${ckey}"`;
    const candidates = !target ? [...tableById.keys()] : !row ? target.rows.map((r) => r.id) : target.columns.map((c) => c.key);
    const wrong = !target ? tid : !row ? rid : ckey;
    const suggestion = parts.length === 3 && wrong ? closest(wrong, candidates) : undefined;
    ctx.report('unresolved-reference', { to: 'cell', reference, reason }, path, {
      expected: 'table-id.row-id.column-key of a table in this report',
      found: JSON.stringify(reference),
      hint: suggestion ? `Did you mean "${suggestion}"?` : 'Write the ids of an existing table, row and column, separated by dots.',
    });
    return undefined;
  };

  const compare = (a: Figure, b: Figure & { where: string; statement: boolean }, path: ReportPath, what: string) => {
    const ka = a.value * UNIT_FACTOR[a.unit];
    const kb = b.value * UNIT_FACTOR[b.unit];
    // Two figures, each rounded by at most half a unit of its last decimal.
    const half = (d: number) => 0.5 * 10 ** -d + 1e-9 * 10 ** -d;
    const tol = half(a.decimals ?? decimalsOf(a.value)) * UNIT_FACTOR[a.unit] + half(b.decimals ?? decimalsOf(b.value)) * UNIT_FACTOR[b.unit];
    if (Math.abs(ka - kb) <= tol) return;
    const ratio = kb === 0 || ka === 0 ? 0 : Math.abs(ka / kb);
    const slip = isAmountUnit(a.unit) && isAmountUnit(b.unit) && [1e3, 1e6, 1e-3, 1e-6].some((f) => Math.abs(ratio / f - 1) < 0.05);
    const data = { what, value: a.value, unit: a.unit, where: b.where, other: b.value, otherUnit: b.unit };
    const details = { expected: `${shown(kb / UNIT_FACTOR[a.unit])} ${a.unit} (as ${b.where})`, found: `${a.value} ${a.unit}` };
    if (slip) ctx.report('unit-slip', { ...data, factor: ratio >= 1 ? String(Math.round(ratio)) : `1/${Math.round(1 / ratio)}` }, path, { ...details, hint: 'Check the unit (kr, tkr, mnkr) of both tables against the source.' });
    else if (b.statement) ctx.report('statement-figure-mismatch', data, path, { ...details, hint: 'Check the figure against the statement it names; the statements are the source.' });
    else ctx.report('figure-mismatch', data, path, { ...details, hint: 'Check both figures against the source.' });
  };

  return {
    table: (table, path) => {
      tables.push({ table, path });
      if (!tableById.has(table.id)) tableById.set(table.id, table);
    },
    deviation: (explanation, path) => explanations.push({ explanation, path }),
    done: () => {
      for (const { table, path } of tables) {
        table.rows.forEach((row, ri) => {
          for (const [ckey, reference] of Object.entries(row.sameAs ?? {})) {
            const p = [...path, 'rows', ri, 'sameAs', ckey];
            const other = resolveCell(reference, p);
            // Only numbers are compared: an empty cell, a "–" or an interval has no single figure to agree with.
            const value = cellNumber(row.values[ckey]);
            if (!table.columns.some((c) => c.key === ckey)) {
              ctx.report('unresolved-reference', { to: 'column', via: 'sameAs', key: ckey, table: table.id }, p, {
                expected: `one of ${table.columns.map((c) => c.key).join(', ')}`,
                found: JSON.stringify(ckey),
                hint: 'Use a column key of this table.',
              });
              continue;
            }
            if (!other || value === null || value === undefined || other.value === null) continue;
            compare({ value, unit: row.unit ?? table.unit, decimals: row.decimals ?? table.decimals }, { ...other, value: other.value }, [...path, 'rows', ri, 'values', ckey], `${table.id}.${row.id}.${ckey}`);
          }
        });
      }
      for (const { explanation, path } of explanations) {
        if (explanation.sameAs === undefined) continue;
        const other = resolveCell(explanation.sameAs, [...path, 'sameAs']);
        if (!other || other.value === null) continue;
        compare({ value: explanation.deviation, unit: explanation.unit, decimals: undefined }, { ...other, value: other.value }, [...path, 'deviation'], `The deviation of "${explanation.id}"`);
      }
    },
  };
}
