// Rule family: reconciliation of the financial statements (räkenskaper): rows declared as
// formulas over other rows with signs, signs that contradict a row's kind under the
// statement's sign convention, heading rows without figures, a balansräkning that balances,
// årets resultat that agrees between the resultaträkning, the balansräkning and the
// balanskravsutredning, and a kassaflödesanalys that starts and ends at the balansräkning's
// likvida medel. Rounding tolerance as in every sum check (`tolerance` in context.ts). The
// statements are compared once the walk has seen every table.
import { isInterval, type DataTable, type TableColumn, type TableRow } from '../table.js';
import { STANDARD_ROWS, STATEMENT_TABLE_ROLES, signConventionOf, standardKeyOfLabel, type StandardKind } from '../statements.js';
import { periodSpan } from '../period.js';
import type { ReportPath } from '../walk.js';
import { decimalsOf, shown, tolerance, type CheckContext, type Rules } from './context.js';


/** One term of a formula: the row it names and its sign. */
export interface FormulaTerm {
  sign: 1 | -1;
  row: string;
}

/**
 * Parses `a + b − c` into terms: row ids joined by + and − (or -) with spaces around them,
 * since a hyphen inside a row id is part of the id; a leading sign is allowed (`-a + b`).
 * Undefined when the text is not such a formula.
 */
export function parseFormula(text: string): FormulaTerm[] | undefined {
  const tokens = text.replace(/\u2212/g, '-').trim().split(/\s+/).filter((s) => s !== '');
  const terms: FormulaTerm[] = [];
  let sign: 1 | -1 = 1;
  let expectTerm = true;
  for (const tok of tokens) {
    if (tok === '+' || tok === '-') {
      if (!expectTerm && terms.length === 0) return undefined;
      if (expectTerm && terms.length > 0) return undefined;
      sign = (tok === '-' ? -sign : sign) as 1 | -1;
      expectTerm = true;
      continue;
    }
    const m = /^([+-]?)([a-z0-9][a-z0-9-]*)$/.exec(tok);
    if (!expectTerm || !m || (m[1] !== '' && terms.length > 0)) return undefined;
    terms.push({ sign: (m[1] === '-' ? -sign : sign) as 1 | -1, row: m[2]! });
    sign = 1;
    expectTerm = false;
  }
  return terms.length > 0 && !expectTerm ? terms : undefined;
}

/** The figure kind of a row that decides its sign: the row's own kind, else its standard key's. */
const signKind = (row: TableRow): StandardKind | undefined =>
  row.kind === 'revenue' || row.kind === 'cost' ? row.kind : row.key ? STANDARD_ROWS[row.key].kind : undefined;

/** The decimals a row's figures are printed with. */
const rowDecimals = (table: DataTable, row: TableRow, values: number[]): number =>
  row.decimals ?? table.decimals ?? Math.max(0, ...values.map(decimalsOf));

interface PlacedTable {
  table: DataTable;
  path: ReportPath;
}

/** Reports formulas, signs and heading rows of each table, and statements that disagree with each other. */
export function statementRules(ctx: CheckContext): Rules {
  const tables: PlacedTable[] = [];
  return {
    table: (table, path) => {
      tables.push({ table, path });
      statementRows(ctx, table, path);
    },
    done: () => statementsAgree(ctx, tables),
  };
}

/** Checks the rows of one table: heading rows, formulas and signs. */
/** The report levels whose statements follow RKR's uppställningsformer. */
const RKR_LEVELS: ReadonlySet<string> = new Set(['kommun', 'forbund', 'sammanstalld']);

function statementRows(ctx: CheckContext, table: DataTable, path: ReportPath): void {
  const rowById = new Map(table.rows.map((r) => [r.id, r]));
  const deviation = new Set(table.columns.filter((c) => c.kind === 'deviation' || c.differenceOf).map((c) => c.key));
  const convention = signConventionOf(table);

  const statement = table.role !== undefined && STATEMENT_TABLE_ROLES.has(table.role);
  // RKR's standard rows are those of the kommun's (or a kommunalförbund's) own statements, not of a nämnd's or a bolag's.
  const rkr = statement && RKR_LEVELS.has(ctx.input.level ?? 'namnd');
  const keysUsed = new Set(table.rows.map((r) => r.key));
  table.rows.forEach((row, ri) => {
    const rp = [...path, 'rows', ri];
    const standard = rkr && row.key === undefined && row.kind !== 'heading' ? standardKeyOfLabel(row.label, table.role!) : undefined;
    if (standard !== undefined && !keysUsed.has(standard))
      ctx.report('standard-key-missing', { label: row.label, table: table.id, key: standard }, rp, {
        expected: `key: ${standard}`,
        found: 'no key',
        hint: `Add key: ${standard} to the row, so its figures carry RKR's standard key in open data and are reconciled with the other statements; leave it out only if the row is another figure.`,
      });
    // An interval has no single figure: a formula or another statement cannot be checked
    // against it (sums and differences check both bounds, see sums.ts). Said, never silent.
    if (statement || row.formula !== undefined)
      for (const col of table.columns) {
        const v = row.values[col.key];
        if (isInterval(v))
          ctx.report('interval-not-reconciled', { label: row.label, column: col.key, table: table.id }, [...rp, 'values', col.key], {
            expected: 'a single figure where formulas and statements are reconciled',
            found: `an interval ${v.low} to ${v.high}`,
          });
      }
    if (row.kind === 'heading' && Object.keys(row.values).length > 0)
      ctx.report('heading-with-values', { label: row.label, table: table.id }, [...rp, 'values'], {
        expected: 'no values on a heading row',
        found: Object.keys(row.values).join(', '),
      });
    if (row.formula !== undefined && row.sumOf !== undefined)
      ctx.report('formula-invalid', { row: row.id, table: table.id }, [...rp, 'formula'], {
        expected: 'either sumOf or formula',
        found: 'both',
        hint: 'Keep the formula: "a + b" says what sumOf [a, b] says.',
      });
    if (row.formula !== undefined) {
      const terms = parseFormula(row.formula);
      if (!terms) {
        ctx.report('formula-invalid', { row: row.id, table: table.id, formula: row.formula }, [...rp, 'formula'], {
          expected: 'e.g. "kommunbidrag + intakter + kostnader - disposition"',
          found: JSON.stringify(row.formula),
          hint: 'Write row ids of this table separated by + or - with a space on each side; no numbers, brackets or other operators.',
        });
      } else {
        const unknown = terms.filter((t) => !rowById.has(t.row));
        for (const u of unknown)
          ctx.report('unresolved-reference', { to: 'formula-row', row: row.id, key: u.row, table: table.id }, [...rp, 'formula'], {
            expected: `a row id of table ${table.id}`,
            found: JSON.stringify(u.row),
            hint: 'Use the ids of rows of this table.',
          });
        if (unknown.length === 0) {
          for (const col of table.columns) {
            const result = row.values[col.key];
            if (typeof result !== 'number') continue;
            const parts = terms.map((t) => ({ t, v: rowById.get(t.row)!.values[col.key] }));
            if (parts.some((p) => typeof p.v !== 'number')) continue;
            const value = parts.reduce((a, p) => a + p.t.sign * (p.v as number), 0);
            const dec = rowDecimals(table, row, [result, ...parts.map((p) => p.v as number)]);
            const tol = tolerance(dec, parts.length + 1);
            if (Math.abs(value - result) <= tol) continue;
            ctx.report('formula-mismatch', { label: row.label, column: col.key, table: table.id, value: result, formula: row.formula, result: shown(value) }, [...rp, 'values', col.key], {
              expected: `${shown(value)} (± ${shown(tol)})`,
              found: String(result),
            });
          }
        }
      }
    }
    const kind = signKind(row);
    if (convention && (kind === 'revenue' || kind === 'cost')) {
      for (const col of table.columns) {
        const v = row.values[col.key];
        if (typeof v !== 'number' || deviation.has(col.key) || v === 0) continue;
        const want = convention === 'positive' || kind === 'revenue' ? 1 : -1;
        if (Math.sign(v) === want) continue;
        ctx.report('sign-contradicts-kind', { label: row.label, column: col.key, table: table.id, value: v, kind, want: want > 0 ? 'positive' : 'negative', convention }, [...rp, 'values', col.key], {
          expected: `a ${want > 0 ? 'positive' : 'negative'} amount`,
          found: String(v),
          hint: convention === 'signed' ? 'Write costs with a minus sign and income without; or set signConvention: positive on the table if every amount is written positive.' : 'Write the amount positive: the formula subtracts costs.',
        });
      }
    }
  });
}

/** The day before a date (yyyy-mm-dd). */
const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Where a column stands among the statements: its entity, kind and the day its period ends;
 * with `at: 'start'`, the day before its period starts (the balance date its opening figures
 * are taken from: 31 december 2023 for januari–augusti 2024).
 */
function columnKey(table: DataTable, col: TableColumn, at: 'end' | 'start' = 'end'): string | undefined {
  const entity = table.columnGroups?.find((g) => g.columns.includes(col.key))?.entity ?? '';
  const span = col.period ? periodSpan(col.period) : col.year !== undefined ? { start: `${col.year}-01-01`, end: `${col.year}-12-31` } : undefined;
  if (!span || col.kind === 'deviation' || col.differenceOf) return undefined;
  return `${entity}|${col.kind ?? 'outcome'}|${at === 'end' ? span.end : dayBefore(span.start)}`;
}

interface Cell { value: number; path: ReportPath; where: string; decimals: number }

/** The cells of a table's row with a standard key, by column key (entity, kind, period end, or the day before its start). */
function keyedCells(ref: PlacedTable, key: string, at: 'end' | 'start' = 'end'): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const ri = ref.table.rows.findIndex((r) => r.key === key);
  if (ri < 0) return out;
  const row = ref.table.rows[ri]!;
  for (const col of ref.table.columns) {
    const v = row.values[col.key];
    const k = columnKey(ref.table, col, at);
    if (typeof v !== 'number' || !k || out.has(k)) continue;
    out.set(k, { value: v, path: [...ref.path, 'rows', ri, 'values', col.key], where: `${ref.table.id}.${row.id}.${col.key}`, decimals: rowDecimals(ref.table, row, [v]) });
  }
  return out;
}

/** Checks the statements against each other. */
function statementsAgree(ctx: CheckContext, tables: readonly PlacedTable[]): void {
  const byRole = (role: string) => tables.filter((r) => r.table.role === role);
  /**
   * Whether two cells agree within rounding; the tolerance when they do not. Each figure is
   * off by at most half a unit of its own last printed decimal, so a statement printed in
   * whole mnkr may differ from one printed with a decimal by up to 0,55.
   */
  const differ = (a: Cell, b: Cell): number | undefined => {
    const tol = a.decimals === b.decimals ? tolerance(a.decimals, 2) : 0.5 * 10 ** -a.decimals + 0.5 * 10 ** -b.decimals + 1e-9;
    return Math.abs(a.value - b.value) <= tol ? undefined : tol;
  };

  // The balansräkning balances: tillgångar = eget kapital + avsättningar + skulder.
  for (const ref of byRole('balanceSheet')) {
    const assets = keyedCells(ref, 'summa-tillgangar');
    const total = keyedCells(ref, 'summa-eget-kapital-avsattningar-och-skulder');
    const parts = ['summa-eget-kapital', 'summa-avsattningar', 'summa-skulder'].map((k) => keyedCells(ref, k));
    for (const [k, a] of assets) {
      let other: Cell | undefined = total.get(k);
      if (!other && parts.every((p) => p.has(k))) {
        const cells = parts.map((p) => p.get(k)!);
        other = { value: cells.reduce((s, c) => s + c.value, 0), path: cells[0]!.path, where: 'eget kapital + avsättningar + skulder', decimals: Math.max(...cells.map((c) => c.decimals)) };
      }
      if (!other) continue;
      const tol = differ(a, other);
      if (tol === undefined) continue;
      ctx.report('balance-sheet-unbalanced', { table: ref.table.id, where: a.where, value: a.value, otherWhere: other.where, other: shown(other.value), difference: shown(a.value - other.value) }, a.path, {
        expected: `${shown(other.value)} (± ${shown(tol)})`,
        found: String(a.value),
      });
    }
  }

  // Each cell that differs beyond rounding from the cell of the same entity and period among `against`.
  const disagreements = function* (cells: Map<string, Cell>, against: Map<string, Cell>[]) {
    for (const [k, cell] of cells) {
      const from = against.find((m) => m.has(k))?.get(k);
      const tol = from && differ(from, cell);
      if (!from || tol === undefined) continue;
      const data = { where: cell.where, value: cell.value, otherWhere: from.where, other: from.value, difference: shown(cell.value - from.value) };
      yield { cell, data, details: { expected: `${from.value} (± ${shown(tol)}, as ${from.where})`, found: String(cell.value) } };
    }
  };

  // Årets resultat: resultaträkning = balansräkning (eget kapital) = kassaflödesanalys = balanskravsutredning.
  const results = byRole('incomeStatement').map((r) => keyedCells(r, 'arets-resultat'));
  const statements = { balanceSheet: 'balansräkning', cashFlow: 'kassaflödesanalys', balanceRequirement: 'balanskravsutredning' } as const;
  for (const [role, statement] of Object.entries(statements) as [keyof typeof statements, string][]) {
    for (const ref of byRole(role))
      for (const d of disagreements(keyedCells(ref, 'arets-resultat'), results)) ctx.report('result-mismatch', { statement, ...d.data }, d.cell.path, d.details);
  }

  // The kassaflödesanalys ends at the balansräkning's likvida medel …
  const cash = byRole('balanceSheet').map((r) => keyedCells(r, 'likvida-medel'));
  for (const ref of byRole('cashFlow')) {
    for (const d of disagreements(keyedCells(ref, 'likvida-medel-vid-periodens-slut'), cash)) ctx.report('cash-flow-mismatch', d.data, d.cell.path, d.details);
    // … and starts at the likvida medel of the balansräkning's date before its period.
    for (const d of disagreements(keyedCells(ref, 'likvida-medel-vid-periodens-borjan', 'start'), cash)) ctx.report('cash-flow-start-mismatch', d.data, d.cell.path, d.details);
  }
}
