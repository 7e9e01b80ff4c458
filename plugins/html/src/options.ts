// The HTML plugin's options as an io-ts codec with defaults, so bad options fail with
// the same path-bearing errors as a bad report.
import * as t from 'io-ts';
import { forbiddenCharacter, strict } from '@kommunrapport/model';
import { withDefaults } from '@kommunrapport/core';

/** The options after decoding, with every default filled in. */
export interface HtmlOptions {
  /** Extra stylesheet text, placed after the built-in styles (default: none). */
  css: string;
  /** The deepest heading level listed in the table of contents, 2–6 (default 4). */
  tocDepth: number;
}

/** The defaults of {@link HtmlOptions}. */
export const defaultOptions: HtmlOptions = { css: '', tocDepth: 4 };

// A number's codec name starts with "integer" (or "number"): the model's decoder tells a
// value of the wrong kind (`tocDepth: "3"`) from a number out of range (`tocDepth: 9`) by it.
const TocDepth = new t.Type<number, number, unknown>(
  'integer from 2 to 6 (the deepest heading level listed)',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 2 && u <= 6,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 2 && u <= 6 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * Stylesheet text: a NUL or another control character (C0 but tab and line ends, DEL, C1),
 * a noncharacter or a lone surrogate is refused here, with the option's path, before
 * anything reaches the HTML (browsers replace NUL in CSS, other tools cut the text at it).
 */
const Css = new t.Type<string, string, unknown>(
  'stylesheet text without control characters (NUL, U+0001–U+001F but tab and line ends, U+007F–U+009F)',
  (u): u is string => typeof u === 'string' && forbiddenCharacter(u) === undefined,
  (u, c) => (typeof u === 'string' && forbiddenCharacter(u) === undefined ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const Input = strict('HtmlOptions', 'Options of the html plugin.', {}, { css: Css, tocDepth: TocDepth });

/**
 * Decodes `{ css?, tocDepth? }` (or nothing) into {@link HtmlOptions}. Unknown keys are
 * errors (`unknown-key`, naming the known options), as in reports and the other plugins'
 * options, so a misspelt option is reported instead of silently ignored.
 */
export const HtmlOptions: t.Type<HtmlOptions, Partial<HtmlOptions>, unknown> = withDefaults(Input, defaultOptions);
