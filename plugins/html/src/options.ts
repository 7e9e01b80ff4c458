// The HTML plugin's options as an io-ts codec with defaults, so bad options fail with
// the same path-bearing errors as a bad report.
import * as t from 'io-ts';
import { forbiddenCharacter } from '@kommunrapport/model';

/** The options after decoding, with every default filled in. */
export interface HtmlOptions {
  /** Extra stylesheet text, placed after the built-in styles (default: none). */
  css: string;
  /** The deepest heading level listed in the table of contents, 2–6 (default 4). */
  tocDepth: number;
}

/** The defaults of {@link HtmlOptions}. */
export const defaultOptions: HtmlOptions = { css: '', tocDepth: 4 };

const TocDepth = new t.Type<number, number, unknown>(
  'heading level 2–6',
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

const Input = t.exact(t.partial({ css: Css, tocDepth: TocDepth }), 'HtmlOptions');
const known = new Set(['css', 'tocDepth']);

/**
 * Decodes `{ css?, tocDepth? }` (or nothing) into {@link HtmlOptions}. Unknown keys are
 * errors, so a misspelt option is reported instead of silently ignored.
 */
export const HtmlOptions = new t.Type<HtmlOptions, Partial<HtmlOptions>, unknown>(
  'HtmlOptions',
  (u): u is HtmlOptions => Input.is(u) && typeof (u as HtmlOptions).css === 'string' && typeof (u as HtmlOptions).tocDepth === 'number',
  (u, c) => {
    if (u === undefined || u === null) return t.success({ ...defaultOptions });
    if (typeof u === 'object' && !Array.isArray(u)) {
      const extra = Object.keys(u).filter((k) => !known.has(k));
      if (extra.length > 0) return t.failures(extra.map((key) => ({ value: (u as Record<string, unknown>)[key], context: [...c, { key, type: t.never, actual: (u as Record<string, unknown>)[key] }] })));
    }
    const r = Input.validate(u, c);
    return r._tag === 'Left' ? r : t.success({ ...defaultOptions, ...r.right });
  },
  (a) => a,
);
