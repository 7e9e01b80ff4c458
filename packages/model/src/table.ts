// Tables of figures (tabell) with an explicit unit: the income statement, operating
// statement, investments and any other table a report states. Sums and differences
// are declared, so the validator can check them.
import * as t from 'io-ts';
import { strict, NonEmptyString, FiniteNumber, defaultWhenAbsent } from './codec.js';
import { Id, Year } from './ids.js';
import { Unit } from './governance.js';
import { RichText } from './rich-text.js';
import { PeriodKey } from './period.js';
import { StandardRowKey, SignConvention, TABLE_ROLES } from './statements.js';
import { Correction } from './goal-model.js';

/** A cell the source prints as "–": no amount (nothing booked) or not applicable; never the same as 0. */
export const AbsentValue = strict(
  'AbsentValue',
  'A cell the source prints as "–": absent says why, noAmount (inget belopp) or notApplicable (ej tillämpligt), optionally with the reason in words. An amount that rounds to zero is written 0, never as absent.',
  { absent: t.keyof({ noAmount: null, notApplicable: null }, 'absence (noAmount or notApplicable)') },
  { reason: NonEmptyString },
);
export type AbsentValue = t.TypeOf<typeof AbsentValue>;

/** A figure given as an interval, e.g. a forecast "−5 till −10 mnkr": low ≤ high. */
export const IntervalValue = strict(
  'IntervalValue',
  'A figure given as an interval, e.g. a forecast "−5 till −10 mnkr": low and high, low not above high.',
  { low: FiniteNumber, high: FiniteNumber },
);
export type IntervalValue = t.TypeOf<typeof IntervalValue>;

/** What a table cell holds: a number, null (empty in the source), "–" (absent) or an interval. */
export const CellValue = t.union([FiniteNumber, t.null, AbsentValue, IntervalValue]);
export type CellValue = t.TypeOf<typeof CellValue>;

/** Whether a cell is an interval. */
export const isInterval = (v: CellValue | undefined): v is IntervalValue => typeof v === 'object' && v !== null && 'low' in v;
/** Whether a cell is absent ("–"). */
export const isAbsent = (v: CellValue | undefined): v is AbsentValue => typeof v === 'object' && v !== null && 'absent' in v;

/** The number of a cell, when it holds one (not empty, absent or an interval). */
export const cellNumber = (v: CellValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** The numbers of a cell: its number, or both bounds of an interval (for deciding decimals). */
export const cellNumbers = (v: CellValue | undefined): number[] => (typeof v === 'number' ? [v] : isInterval(v) ? [v.low, v.high] : []);

/** A column of a table. `differenceOf: [a, b]` declares that this column is a − b. */
export const TableColumn = strict(
  'TableColumn',
  'A column: key, header label and optionally what it holds (utfall, budget, prognos, avvikelse), the year and the period within it (2024-ack-08, 2024-08-31, 2024-T2 …).',
  { key: Id, label: NonEmptyString },
  {
    kind: t.keyof({ outcome: null, budget: null, forecast: null, deviation: null, target: null, other: null }, 'column kind'),
    year: Year,
    period: PeriodKey,
    differenceOf: t.tuple([Id, Id]),
  },
);
export type TableColumn = t.TypeOf<typeof TableColumn>;

/** A row of a table. A `sumOf` row must equal the sum of the named rows in every column. */
export const TableRow = strict(
  'TableRow',
  'A row: id, label, a value per column key (null when the source leaves the cell empty, { absent: noAmount } where it prints "–", { low, high } for an interval; no values at all for a heading row), and optionally its standard key, kind, unit and decimals when they differ from the table\'s, the rows it sums or the formula it is, the note it refers to and figures elsewhere it must agree with.',
  {
    id: Id,
    label: NonEmptyString,
    values: defaultWhenAbsent(t.record(t.string, CellValue), (): Record<string, CellValue> => ({})),
  },
  {
    key: StandardRowKey,
    kind: t.keyof({ heading: null, revenue: null, cost: null, item: null, subtotal: null, total: null, result: null }, 'row kind'),
    unit: Unit,
    decimals: t.number,
    sumOf: t.array(Id),
    formula: NonEmptyString,
    note: Id,
    sameAs: t.record(t.string, NonEmptyString),
  },
);
export type TableRow = t.TypeOf<typeof TableRow>;

/** Columns grouped under a shared header, e.g. "Kommunen" over its years; `entity` names whose figures they are. */
export const ColumnGroup = strict(
  'ColumnGroup',
  'Columns under a shared header: the label (e.g. "Kommunen", "Sammanställd redovisning"), the column keys in order and optionally the entity whose figures they are (kommunen, sammanstalld …).',
  { label: NonEmptyString, columns: t.array(Id) },
  { entity: Id },
);
export type ColumnGroup = t.TypeOf<typeof ColumnGroup>;

/** A table of figures (tabell). */
export const DataTable = strict(
  'DataTable',
  'A table of figures with a unit for its cells (a row may state its own); role names what it is (resultaträkning, balansräkning, kassaflödesanalys, driftredovisning, investeringar …); columnGroups put columns under shared headers.',
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
      Object.fromEntries(TABLE_ROLES.map((r) => [r, null])) as Record<(typeof TABLE_ROLES)[number], null>,
      'table role (incomeStatement, balanceSheet, cashFlow, balanceRequirement, waterResult, operatingStatement, investments, keyFigures, headline, premises or other)',
    ),
    decimals: t.number,
    columnGroups: t.array(ColumnGroup),
    signConvention: SignConvention,
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

/** A note (not) to the statements: rows refer to it with `note: <id>`. */
export const Note = strict(
  'Note',
  'A note (not) to the statements: id, its number as printed, title, text and tables. Rows refer to it with note: <id>.',
  { id: Id, number: t.number, title: NonEmptyString },
  { body: RichText, tables: t.array(DataTable) },
);
export type Note = t.TypeOf<typeof Note>;
