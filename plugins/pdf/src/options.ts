// The plugin's options: page size, base font size and the depth of the table of
// contents, each optional with a default. Unknown keys are errors, like in reports.
import * as t from 'io-ts';
import { strict } from '@kommunrapport/model';
import { withDefaults } from '@kommunrapport/core';

/** Page sizes the renderer lays out for, in points (width, height). */
export const PAGE_SIZES = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

/** The decoded options, every field set. */
export interface PdfOptions {
  /** Paper size: `A4` (default) or `A5`. */
  pageSize: keyof typeof PAGE_SIZES;
  /** Body text size in points, 8–14 (default 10). */
  fontSize: number;
  /** Deepest heading level listed in the table of contents, 2–6 (default 3; level 2 is the top). */
  tocDepth: number;
}

/** The defaults of {@link PdfOptions}. */
export const DEFAULT_OPTIONS: PdfOptions = { pageSize: 'A4', fontSize: 10, tocDepth: 3 };

const range = (name: string, min: number, max: number, integer: boolean) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => typeof u === 'number' && u >= min && u <= max && (!integer || Number.isInteger(u)),
    (u, c) => (typeof u === 'number' && u >= min && u <= max && (!integer || Number.isInteger(u)) ? t.success(u) : t.failure(u, c)),
    t.identity,
  );

// A number's codec name starts with "number" or "integer": the model's decoder tells a value
// of the wrong kind (`fontSize: "11"`) from a number out of range (`fontSize: 20`) by it.
const Input = strict('PdfOptions', 'Options of the pdf plugin.', {}, {
  pageSize: t.keyof({ A4: null, A5: null }, 'page size (A4 or A5)'),
  fontSize: range('number of points from 8 to 14 (font size)', 8, 14, false),
  tocDepth: range('integer from 2 to 6 (table of contents depth)', 2, 6, true),
});

/** Decodes the plugin's options (nothing given means the defaults) and fills in the defaults. */
export const PdfOptions: t.Type<PdfOptions, t.OutputOf<typeof Input>, unknown> = withDefaults(Input, DEFAULT_OPTIONS);
