// Tables of figures (tabell) with an explicit unit: the income statement, operating
// statement, investments and any other table a report states. Sums and differences
// are declared, so the validator can check them.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber } from './codec.js';
import { Id, Year } from './ids.js';
import { Unit } from './governance.js';
import { RichText } from './rich-text.js';
import { Correction } from './goal-model.js';

/** A column of a table. `differenceOf: [a, b]` declares that this column is a − b. */
export const TableColumn = strict(
  'TableColumn',
  'A column: key, header label and optionally what it holds (utfall, budget, prognos, avvikelse) and the year.',
  { key: Id, label: NonEmptyString },
  {
    kind: t.keyof({ outcome: null, budget: null, forecast: null, deviation: null, target: null, other: null }, 'column kind'),
    year: Year,
    differenceOf: t.tuple([Id, Id]),
  },
);
export type TableColumn = t.TypeOf<typeof TableColumn>;

/** A row of a table. A `sumOf` row must equal the sum of the named rows in every column. */
export const TableRow = strict(
  'TableRow',
  'A row: id, label, a value per column key (null when the source leaves the cell empty), and optionally the rows it sums and figures elsewhere it must agree with.',
  {
    id: Id,
    label: NonEmptyString,
    values: t.record(t.string, t.union([FiniteNumber, t.null])),
  },
  {
    kind: t.keyof({ revenue: null, cost: null, item: null, subtotal: null, total: null, result: null }, 'row kind'),
    sumOf: t.array(Id),
    sameAs: t.record(t.string, NonEmptyString),
  },
);
export type TableRow = t.TypeOf<typeof TableRow>;

/** A table of figures (tabell). */
export const DataTable = strict(
  'DataTable',
  'A table of figures with one unit for every cell; role names what it is (resultaträkning, driftredovisning, investeringar …).',
  {
    id: Id,
    title: NonEmptyString,
    unit: Unit,
    rowHeader: NonEmptyString,
    columns: t.array(TableColumn),
    rows: t.array(TableRow),
  },
  {
    role: t.keyof(
      { incomeStatement: null, operatingStatement: null, investments: null, headline: null, premises: null, other: null },
      'table role',
    ),
    decimals: t.number,
    note: RichText,
    corrections: t.array(Correction),
  },
);
export type DataTable = t.TypeOf<typeof DataTable>;

/** Explanations of a deviation (avvikelse), each with its amount; they add up to the deviation. */
export const DeviationExplanation = strict(
  'DeviationExplanation',
  'Why a forecast or outcome deviates from budget: the deviation and the items explaining it, with amounts in one unit.',
  {
    id: Id,
    unit: Unit,
    deviation: FiniteNumber,
    items: t.array(strict('DeviationItem', 'One explanation and its amount.', { label: NonEmptyString, amount: FiniteNumber })),
  },
  { intro: RichText, sameAs: NonEmptyString },
);
export type DeviationExplanation = t.TypeOf<typeof DeviationExplanation>;
