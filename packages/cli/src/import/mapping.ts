// The import mappings of `kommunrapport.config.yaml` (`imports:`): which workbook, sheet and
// cells fill which table of the report, in which unit and sign convention. Decoded strictly
// like the rest of the config, so a typo is an error with file, line and path.
import * as t from 'io-ts';
import { Id, NonEmptyString, strict, Unit } from '@kommunrapport/model';

/** Where the figures of one table come from. */
export const ImportMapping = strict(
  'ImportMapping',
  'One table filled from a workbook (XLSX) or CSV file: the file (relative to the config file), the sheet, where the table is (a range or the text of its top-left header cell), the target table, the unit of the figures and the sign convention.',
  { workbook: NonEmptyString, table: Id },
  {
    /** The report file (relative to the config file); default rapport.yaml. */
    report: NonEmptyString,
    sheet: NonEmptyString,
    range: t.string.pipe(new t.Type<string, string, string>('range such as A3:E11', (u): u is string => typeof u === 'string', (u, c) => (/^\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+$/.test(u) ? t.success(u) : t.failure(u, c)), String), 'range such as A3:E11'),
    anchor: NonEmptyString,
    unit: Unit,
    sign: t.keyof({ 'as-is': null, invert: null, 'costs-positive': null }, 'sign convention (as-is, invert or costs-positive)'),
    columns: t.record(t.string, t.union([Id, t.null])),
    keepMissingRows: t.boolean,
  },
);
/** One import mapping. */
export type ImportMapping = t.TypeOf<typeof ImportMapping>;

/** The `imports:` list of the config file. */
export const ImportMappings = t.array(ImportMapping);
