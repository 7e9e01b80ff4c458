// Consistency rules over a decoded report: scale keys, unique ids, references, sums,
// differences, deviation explanations, gender parts, percentages, years and figures that
// two places state (sameAs). Each finding is a diagnostic with code, path and line.
import type { Report, Section, Area, ControlItem } from './report.js';
import type { Goal, Commitment } from './content.js';
import type { Indicator } from './indicator.js';
import type { DataTable, DeviationExplanation } from './table.js';
import type { Headcount, SickLeaveYear } from './workforce.js';
import { UNIT_FACTOR, isAmountUnit, type Governance, type Unit } from './governance.js';
import { DIAGNOSTIC_CODES, formatPath, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { closest } from './decode.js';
import type { Locate } from './source.js';
import { checkStatementRows, checkStatements } from './check-statements.js';

/** Options of {@link checkReport}. */
export interface CheckOptions {
  /** File name put on every diagnostic. */
  file?: string;
  /** Maps a path to its line and column (from {@link parseYaml}). */
  locate?: Locate;
}

type Path = readonly (string | number)[];

interface Finding {
  code: DiagnosticCode;
  path: Path;
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
}

/** Where a cell reference `table.row.column` points. */
interface TableRef {
  table: DataTable;
  path: Path;
}

/** The number of decimals a number is written with. */
export function decimalsOf(n: number): number {
  const s = String(Math.abs(n));
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The largest difference rounding explains between figures printed with `decimals` decimals,
 * when `figures` of them were rounded independently (the terms and the result they should
 * give). Each rounding moves a figure by at most half a unit of the last decimal, so the worst
 * case is half a unit per figure; but independent roundings cancel, and their sum stays within
 * three standard deviations (a unit × √(0.75 × figures), 99.7 %) in practice. The tolerance is
 * the smaller of the two and never less than one unit, so two figures may differ by one unit:
 * an error of 0,4 in a total of eight rows with one decimal is found (tolerance 0,26), where
 * half a unit per row (0,4) let it pass.
 */
export function tolerance(decimals: number, figures: number): number {
  const unit = 10 ** -decimals;
  const n = Math.max(2, figures);
  return Math.min(0.5 * unit * n, Math.max(unit, unit * Math.sqrt(0.75 * n))) + 1e-9 * unit;
}

const sv = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Table roles that are financial statements: a figure elsewhere that names one of their cells must agree (an error, not a warning). */
const STATEMENT_ROLES = new Set(['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement', 'waterResult']);

/** Checks the consistency rules of a decoded report and returns the findings. */
export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const gov = report.governance;
  const periodYear = report.period.year;

  const ids = new Map<string, Map<string, Path>>();
  const unique = (kind: string, id: string, path: Path) => {
    let seen = ids.get(kind);
    if (!seen) ids.set(kind, (seen = new Map()));
    const first = seen.get(id);
    if (first) {
      add({
        code: 'duplicate-id',
        path,
        message: `The ${kind} id "${id}" is already used at ${formatPath(first)}.`,
        expected: `an id no other ${kind} has`,
        found: JSON.stringify(id),
        hint: `Give one of the two ${kind}s another id.`,
      });
    } else seen.set(id, path);
  };

  const tables: TableRef[] = [];
  const explanations: { explanation: DeviationExplanation; path: Path }[] = [];

  // --- scale keys ---
  const scale = (name: 'assessment' | 'trend' | 'commitmentStatus' | 'completion', key: string | null | undefined, path: Path) => {
    if (key === null || key === undefined) return;
    const steps = gov[name] as readonly { key: string }[];
    const keys = steps.map((s) => s.key);
    if (keys.includes(key)) return;
    const suggestion = closest(key, keys);
    add({
      code: 'unknown-scale-key',
      path,
      message: `"${key}" is not a step of the ${name} scale of the governance vocabulary "${gov.name}".`,
      expected: `one of ${keys.map((k) => JSON.stringify(k)).join(', ')} or null`,
      found: JSON.stringify(key),
      hint: suggestion ? `Did you mean "${suggestion}"?` : 'Use a key of the scale, write null when the source does not state it, or add the step to governance.',
    });
  };

  // --- organisations ---
  const orgNames = new Set<string>([...report.organisations.bodies.map((b) => b.abbreviation), ...(report.organisations.groups ?? []).map((g) => g.name)]);
  report.organisations.bodies.forEach((b, i) => unique('organisation', b.abbreviation, ['organisations', 'bodies', i, 'abbreviation']));

  // --- walking the content ---
  const visitIndicator = (ind: Indicator, path: Path) => {
    unique('indicator', ind.id, [...path, 'id']);
    ind.values.forEach((v, i) => {
      const vp = [...path, 'values', i];
      if (v.total === undefined && v.missing === undefined) {
        add({
          code: 'missing-value-reason',
          path: vp,
          message: `The ${v.kind} for ${v.year} of "${ind.name}" has neither a total nor a reason why it is missing.`,
          expected: 'total: <number>, or missing: <reason>',
          found: 'neither',
          hint: 'Give `total`, or `missing` with the reason, e.g. "Mätning senare under 2022".',
        });
      }
      if (v.total !== undefined && v.missing !== undefined) {
        add({
          code: 'value-and-missing',
          path: vp,
          message: `The ${v.kind} for ${v.year} of "${ind.name}" has both a total and a missing reason.`,
          expected: 'either total or missing',
          found: `total ${v.total} and missing ${JSON.stringify(v.missing)}`,
          hint: 'Remove the one that does not hold.',
        });
      }
      if (ind.unit === 'percent') {
        for (const part of ['total', 'women', 'men'] as const) {
          const n = v[part];
          if (n !== undefined) percentRange(n, [...vp, part], `${part} of "${ind.name}" ${v.year}`);
        }
      }
      if (ind.unit === 'count' && v.total !== undefined && v.women !== undefined && v.men !== undefined) {
        genderSum(v.total, v.women, v.men, vp, `"${ind.name}" ${v.year}`, ind.decimals);
      }
      if (v.period !== undefined && Number(v.period.slice(0, 4)) !== v.year) {
        add({
          code: 'date-outside-period',
          path: [...vp, 'period'],
          message: `The period ${v.period} of a value of "${ind.name}" is not in its year ${v.year}.`,
          expected: `a period in ${v.year}`,
          found: v.period,
          hint: 'Check the year and the period of the value.',
        });
      }
      if (v.kind === 'outcome' && v.year > periodYear) {
        add({
          code: 'year-outside-period',
          path: [...vp, 'year'],
          message: `An outcome of "${ind.name}" is for ${v.year}, after the report period (${periodYear}).`,
          expected: `a year up to ${periodYear}`,
          found: String(v.year),
          hint: 'Check the year, or mark the value as kind: target.',
        });
      }
    });
  };

  const percentRange = (n: number, path: Path, what: string) => {
    if (n >= 0 && n <= 100) return;
    add({
      code: 'percent-out-of-range',
      path,
      message: `The percentage ${what} is ${n}, outside 0–100.`,
      expected: 'a number from 0 to 100',
      found: String(n),
      hint: 'Write the share in percent (8.2 for 8,2 %); check the sign and the decimal point.',
    });
  };

  const genderSum = (total: number, women: number, men: number, path: Path, what: string, decimals?: number) => {
    const dec = decimals ?? Math.max(decimalsOf(total), decimalsOf(women), decimalsOf(men));
    // Whole counts add up exactly; rounded figures within the rounding of two parts.
    if (Math.abs(women + men - total) <= (dec === 0 ? 1e-9 : tolerance(dec, 3))) return;
    add({
      code: 'gender-sum-mismatch',
      path: [...path, 'total'],
      message: `Women (${women}) and men (${men}) of ${what} add up to ${sv(women + men)}, not the total ${total}.`,
      expected: `total ${sv(women + men)}`,
      found: String(total),
      hint: 'Check the three figures against the source.',
    });
  };

  const visitGoal = (goal: Goal, path: Path) => {
    unique('goal', goal.id, [...path, 'id']);
    scale('assessment', goal.assessment, [...path, 'assessment']);
    scale('trend', goal.trend, [...path, 'trend']);
    goal.indicators?.forEach((ind, i) => visitIndicator(ind, [...path, 'indicators', i]));
  };

  const visitCommitment = (c: Commitment, path: Path) => {
    unique('commitment', c.id, [...path, 'id']);
    scale('commitmentStatus', c.status, [...path, 'status']);
    scale('completion', c.completion, [...path, 'completion']);
    c.responsible.forEach((r, i) => {
      if (orgNames.has(r)) return;
      const suggestion = closest(r, [...orgNames]);
      add({
        code: 'unresolved-reference',
        path: [...path, 'responsible', i],
        message: `"${r}" is neither an abbreviation nor a group in organisations.`,
        expected: `one of ${[...orgNames].map((n) => JSON.stringify(n)).join(', ')}`,
        found: JSON.stringify(r),
        hint: suggestion ? `Did you mean "${suggestion}"? Otherwise add it to organisations.bodies or organisations.groups.` : 'Add it to organisations.bodies (abbreviation and name) or organisations.groups.',
      });
    });
  };

  const visitArea = (area: Area, path: Path) => {
    unique('area', area.id, [...path, 'id']);
    scale('assessment', area.assessment, [...path, 'assessment']);
    scale('trend', area.trend, [...path, 'trend']);
    area.sections?.forEach((s, i) => visitSection(s, [...path, 'sections', i]));
    area.goals?.forEach((g, i) => visitGoal(g, [...path, 'goals', i]));
    area.commitments?.forEach((c, i) => visitCommitment(c, [...path, 'commitments', i]));
    area.endSections?.forEach((s, i) => visitSection(s, [...path, 'endSections', i]));
  };

  const visitWorkforce = (headcount: Headcount | undefined, sickLeave: SickLeaveYear[] | undefined, path: Path) => {
    if (headcount) genderSum(headcount.total, headcount.women, headcount.men, [...path, 'headcount'], 'the headcount', 0);
    sickLeave?.forEach((y, i) => {
      const yp = [...path, 'sickLeave', i];
      for (const part of ['total', 'women', 'men'] as const) percentRange(y[part], [...yp, part], `of sick leave ${part} ${y.year}`);
      if (y.year > periodYear) {
        add({
          code: 'year-outside-period',
          path: [...yp, 'year'],
          message: `Sick leave is given for ${y.year}, after the report period (${periodYear}).`,
          expected: `a year up to ${periodYear}`,
          found: String(y.year),
          hint: 'Check the year.',
        });
      }
    });
  };

  const visitControl = (item: ControlItem, path: Path) => scale('assessment', item.assessment, [...path, 'assessment']);

  const visitSection = (s: Section, path: Path) => {
    unique('section', s.id, [...path, 'id']);
    switch (s.type) {
      case 'text':
        s.sections?.forEach((c, i) => visitSection(c, [...path, 'sections', i]));
        break;
      case 'perspective':
        s.areas.forEach((a, i) => visitArea(a, [...path, 'areas', i]));
        break;
      case 'workforce':
        visitWorkforce(s.headcount, s.sickLeave, path);
        break;
      case 'finance':
        s.tables.forEach((tb, i) => tables.push({ table: tb, path: [...path, 'tables', i] }));
        break;
      case 'table':
        tables.push({ table: s.table, path: [...path, 'table'] });
        break;
      case 'deviation':
        explanations.push({ explanation: s.explanation, path: [...path, 'explanation'] });
        break;
      case 'indicators':
        s.groups.forEach((g, gi) => g.indicators.forEach((ind, i) => visitIndicator(ind, [...path, 'groups', gi, 'indicators', i])));
        break;
      case 'internalControl':
        s.items?.forEach((it, i) => visitControl(it, [...path, 'items', i]));
        break;
      default:
        break;
    }
  };

  report.significantEvents?.forEach((e, i) => unique('event group', e.id, ['significantEvents', i, 'id']));
  report.sections.forEach((s, i) => visitSection(s, ['sections', i]));

  // --- period ---
  const { start, end, year } = report.period;
  if (start > end) {
    add({ code: 'date-outside-period', path: ['period', 'end'], message: `The period ends (${end}) before it starts (${start}).`, expected: `a date on or after ${start}`, found: end, hint: 'Swap or correct period.start and period.end.' });
  }
  for (const key of ['start', 'end'] as const) {
    const y = Number(report.period[key].slice(0, 4));
    if (y !== year) {
      add({ code: 'date-outside-period', path: ['period', key], message: `period.${key} (${report.period[key]}) is not in the period year ${year}.`, expected: `a date in ${year}`, found: report.period[key], hint: 'Check period.year and the date.' });
    }
  }

  // --- tables ---
  const tableById = new Map<string, TableRef>();
  for (const ref of tables) {
    unique('table', ref.table.id, [...ref.path, 'id']);
    if (!tableById.has(ref.table.id)) tableById.set(ref.table.id, ref);
  }
  for (const ref of tables) checkTable(ref, periodYear, add, unique);
  for (const ref of tables) checkStatementRows(ref, tolerance, add);
  checkStatements(tables, tolerance, add);
  for (const { explanation, path } of explanations) {
    unique('deviation explanation', explanation.id, [...path, 'id']);
    checkDeviation(explanation, path, add);
  }

  // --- sameAs ---
  const resolveCell = (reference: string, path: Path): { value: number | null; unit: Unit; decimals: number | undefined; where: string; statement: boolean } | undefined => {
    const parts = reference.split('.');
    const [tid, rid, ckey] = parts;
    const target = parts.length === 3 ? tableById.get(tid!) : undefined;
    const row = target?.table.rows.find((r) => r.id === rid);
    const column = target?.table.columns.find((c) => c.key === ckey);
    if (!target || !row || !column) {
      const missing = parts.length !== 3 ? 'it is not of the form table.row.column' : !target ? `there is no table "${tid}"` : !row ? `table "${tid}" has no row "${rid}"` : `table "${tid}" has no column "${ckey}"`;
      const candidates = !target ? [...tableById.keys()] : !row ? target.table.rows.map((r) => r.id) : target.table.columns.map((c) => c.key);
      const wrong = !target ? tid : !row ? rid : ckey;
      const suggestion = parts.length === 3 && wrong ? closest(wrong, candidates) : undefined;
      add({
        code: 'unresolved-reference',
        path,
        message: `The reference "${reference}" does not resolve: ${missing}.`,
        expected: 'table-id.row-id.column-key of a table in this report',
        found: JSON.stringify(reference),
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Write the ids of an existing table, row and column, separated by dots.',
      });
      return undefined;
    }
    return { value: row.values[column.key] ?? null, unit: row.unit ?? target.table.unit, decimals: row.decimals ?? target.table.decimals, where: reference, statement: STATEMENT_ROLES.has(target.table.role ?? '') };
  };

  const compare = (a: { value: number; unit: Unit; decimals: number | undefined }, b: { value: number; unit: Unit; decimals: number | undefined; where: string; statement: boolean }, path: Path, what: string) => {
    const ka = a.value * UNIT_FACTOR[a.unit];
    const kb = b.value * UNIT_FACTOR[b.unit];
    // Two figures, each rounded by at most half a unit of its last decimal.
    const half = (d: number) => 0.5 * 10 ** -d + 1e-9 * 10 ** -d;
    const tol = half(a.decimals ?? decimalsOf(a.value)) * UNIT_FACTOR[a.unit] + half(b.decimals ?? decimalsOf(b.value)) * UNIT_FACTOR[b.unit];
    if (Math.abs(ka - kb) <= tol) return;
    const amounts = isAmountUnit(a.unit) && isAmountUnit(b.unit);
    const ratio = kb === 0 || ka === 0 ? 0 : Math.abs(ka / kb);
    const slip = amounts && [1e3, 1e6, 1e-3, 1e-6].some((f) => Math.abs(ratio / f - 1) < 0.05);
    add({
      code: slip ? 'unit-slip' : b.statement ? 'statement-figure-mismatch' : 'figure-mismatch',
      path,
      message: slip
        ? `${what} is ${a.value} ${a.unit}, but ${b.where} is ${b.value} ${b.unit}: a factor of about ${ratio >= 1 ? Math.round(ratio) : `1/${Math.round(1 / ratio)}`} apart, so one of the units is wrong.`
        : `${what} is ${a.value} ${a.unit}, but ${b.where} states ${b.value} ${b.unit}.`,
      expected: `${sv(kb / UNIT_FACTOR[a.unit])} ${a.unit} (as ${b.where})`,
      found: `${a.value} ${a.unit}`,
      hint: slip ? 'Check the unit (kr, tkr, mnkr) of both tables against the source.' : 'Check both figures against the source.',
    });
  };

  for (const { table, path } of tables) {
    table.rows.forEach((row, ri) => {
      for (const [ckey, reference] of Object.entries(row.sameAs ?? {})) {
        const p = [...path, 'rows', ri, 'sameAs', ckey];
        const other = resolveCell(reference, p);
        const value = row.values[ckey];
        if (!table.columns.some((c) => c.key === ckey)) {
          add({ code: 'unresolved-reference', path: p, message: `sameAs names the column "${ckey}", which table "${table.id}" does not have.`, expected: `one of ${table.columns.map((c) => c.key).join(', ')}`, found: JSON.stringify(ckey), hint: 'Use a column key of this table.' });
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

  return findings.map((f) => {
    const pos = options.locate?.(f.path);
    return {
      code: f.code,
      severity: DIAGNOSTIC_CODES[f.code].severity,
      path: formatPath(f.path),
      message: f.message,
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.found !== undefined ? { found: f.found } : {}),
      ...(f.hint !== undefined ? { hint: f.hint } : {}),
    };
  });
}

function checkTable(ref: TableRef, periodYear: number, add: (f: Finding) => void, unique: (kind: string, id: string, path: Path) => void): void {
  const { table, path } = ref;
  const columnKeys = table.columns.map((c) => c.key);
  const rowById = new Map(table.rows.map((r) => [r.id, r]));
  table.columns.forEach((c, i) => {
    unique(`column of table ${table.id}`, c.key, [...path, 'columns', i, 'key']);
    if (c.year !== undefined && c.year > periodYear && c.kind !== 'target' && c.kind !== 'budget') {
      add({
        code: 'year-outside-period',
        path: [...path, 'columns', i, 'year'],
        message: `Column "${c.label}" of table "${table.id}" is for ${c.year}, after the report period (${periodYear}).`,
        expected: `a year up to ${periodYear} (or kind: target or budget)`,
        found: String(c.year),
        hint: 'Check the year of the column.',
      });
    }
  });
  table.rows.forEach((r, i) => {
    unique(`row of table ${table.id}`, r.id, [...path, 'rows', i, 'id']);
    for (const key of Object.keys(r.values)) {
      if (!columnKeys.includes(key)) {
        const s = closest(key, columnKeys);
        add({
          code: 'unresolved-reference',
          path: [...path, 'rows', i, 'values', key],
          message: `Row "${r.id}" has a value for column "${key}", which table "${table.id}" does not declare.`,
          expected: `one of ${columnKeys.join(', ')}`,
          found: JSON.stringify(key),
          hint: s ? `Did you mean "${s}"?` : 'Add the column to columns, or remove the value.',
        });
      }
    }
  });
  const decimalsFor = (values: number[]) => table.decimals ?? Math.max(0, ...values.map(decimalsOf));
  const deviationColumns = new Set(table.columns.filter((c) => c.kind === 'deviation' || c.differenceOf).map((c) => c.key));

  // sums
  const items = table.rows.filter((r) => r.kind === 'item');
  table.rows.forEach((row, ri) => {
    let terms: typeof table.rows;
    if (row.sumOf) {
      terms = [];
      row.sumOf.forEach((id, k) => {
        const term = rowById.get(id);
        if (term) terms.push(term);
        else {
          const s = closest(id, [...rowById.keys()]);
          add({
            code: 'unresolved-reference',
            path: [...path, 'rows', ri, 'sumOf', k],
            message: `sumOf names the row "${id}", which table "${table.id}" does not have.`,
            expected: `a row id of table ${table.id}`,
            found: JSON.stringify(id),
            hint: s ? `Did you mean "${s}"?` : 'Use the id of a row of this table.',
          });
        }
      });
      if (terms.length !== row.sumOf.length) return;
    } else if (row.kind === 'total' && items.length > 0) {
      terms = items;
    } else return;
    for (const key of columnKeys) {
      const total = row.values[key];
      if (total === null || total === undefined) continue;
      const parts = terms.map((t) => t.values[key]).filter((v): v is number => typeof v === 'number');
      if (parts.length === 0) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      const dec = row.decimals ?? decimalsFor([total, ...parts]);
      if (Math.abs(sum - total) <= tolerance(dec, parts.length + 1)) continue;
      add({
        code: 'sum-mismatch',
        path: [...path, 'rows', ri, 'values', key],
        message: `"${row.label}" in column "${key}" of table "${table.id}" is ${total}, but the ${row.sumOf ? `rows ${row.sumOf.join(', ')}` : 'item rows'} add up to ${sv(sum)}.`,
        expected: `${sv(sum)} (± ${sv(tolerance(dec, parts.length + 1))})`,
        found: String(total),
        hint: row.sumOf ? 'Check the figures and the rows listed in sumOf.' : 'A total without sumOf sums every row of kind item; list the rows in sumOf if it sums others.',
      });
    }
  });

  // differences
  table.columns.forEach((col, ci) => {
    if (!col.differenceOf) return;
    const [a, b] = col.differenceOf;
    const missing = [a, b].filter((k) => !columnKeys.includes(k));
    if (missing.length > 0) {
      missing.forEach((k) =>
        add({
          code: 'unresolved-reference',
          path: [...path, 'columns', ci, 'differenceOf', col.differenceOf!.indexOf(k)],
          message: `differenceOf names the column "${k}", which table "${table.id}" does not have.`,
          expected: `one of ${columnKeys.join(', ')}`,
          found: JSON.stringify(k),
          hint: 'Use the keys of two columns of this table.',
        }),
      );
      return;
    }
    table.rows.forEach((row, ri) => {
      const d = row.values[col.key];
      const va = row.values[a];
      const vb = row.values[b];
      if (typeof d !== 'number' || typeof va !== 'number' || typeof vb !== 'number') return;
      const dec = decimalsFor([d, va, vb]);
      if (Math.abs(va - vb - d) <= tolerance(dec, 3)) return;
      add({
        code: 'difference-mismatch',
        path: [...path, 'rows', ri, 'values', col.key],
        message: `"${row.label}": column "${col.key}" is ${d}, but ${a} − ${b} = ${sv(va - vb)}.`,
        expected: `${sv(va - vb)} (± ${sv(tolerance(dec, 3))})`,
        found: String(d),
        hint: `Check the figures, and that differenceOf lists the columns in the order a − b.`,
      });
    });
  });

  // percentages
  if (table.unit === 'percent') {
    table.rows.forEach((row, ri) => {
      for (const [key, v] of Object.entries(row.values)) {
        if (typeof v !== 'number' || deviationColumns.has(key) || (v >= 0 && v <= 100)) continue;
        add({
          code: 'percent-out-of-range',
          path: [...path, 'rows', ri, 'values', key],
          message: `"${row.label}" in column "${key}" of table "${table.id}" is ${v} %, outside 0–100.`,
          expected: 'a number from 0 to 100',
          found: String(v),
          hint: 'Write the share in percent; differences belong in a column of kind deviation.',
        });
      }
    });
  }
}

function checkDeviation(explanation: DeviationExplanation, path: Path, add: (f: Finding) => void): void {
  const amounts = explanation.items.map((i) => i.amount);
  if (amounts.length === 0) return;
  const sum = amounts.reduce((a, b) => a + b, 0);
  const dec = Math.max(decimalsOf(explanation.deviation), ...amounts.map(decimalsOf));
  const tol = tolerance(dec, amounts.length + 1);
  if (Math.abs(sum - explanation.deviation) <= tol) return;
  add({
    code: 'deviation-sum-mismatch',
    path: [...path, 'deviation'],
    message: `The ${amounts.length} explanations of "${explanation.id}" add up to ${sv(sum)} ${explanation.unit}, not the deviation ${explanation.deviation} ${explanation.unit}.`,
    expected: `${sv(sum)} (± ${sv(tol)})`,
    found: String(explanation.deviation),
    hint: 'Check the amounts and their signs against the source; an explanation may be missing.',
  });
}
