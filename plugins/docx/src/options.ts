// The docx plugin's options as an io-ts codec with defaults, so a misspelt or wrong option
// fails with the same path-bearing diagnostics as a bad report.
import * as t from 'io-ts';
import { NonEmptyString, strict } from '@kommunrapport/model';
import { withDefaults } from '@kommunrapport/core';

/** The smallest and largest body text size accepted, in points. */
export const FONT_SIZE_RANGE = { min: 8, max: 36 } as const;

const FontSize = new t.Type<number, number, unknown>(
  `number of points from ${FONT_SIZE_RANGE.min} to ${FONT_SIZE_RANGE.max} in steps of 0.5`,
  (u): u is number => typeof u === 'number' && u >= FONT_SIZE_RANGE.min && u <= FONT_SIZE_RANGE.max && Number.isInteger(u * 2),
  (u, c) => (typeof u === 'number' && u >= FONT_SIZE_RANGE.min && u <= FONT_SIZE_RANGE.max && Number.isInteger(u * 2) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * Decodes `{ font?, fontSize? }` (or nothing) into the docx plugin's options: `font` is the
 * body font's name (default: none, so Word uses its theme font), `fontSize` the body text
 * size in points (default 11; 14 or more gives a large-print document). Unknown keys are errors.
 */
export const DocxOptions = withDefaults(
  strict('DocxOptions', 'Options of the docx plugin: font and fontSize.', {}, { font: NonEmptyString, fontSize: FontSize }),
  { fontSize: 11 },
);
/** The decoded options, defaults filled in. */
export type DocxOptions = t.TypeOf<typeof DocxOptions>;
