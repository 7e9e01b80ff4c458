// The text plugin's options as an io-ts codec with defaults, so a misspelt or wrong option
// fails with the same path-bearing diagnostics as a bad report.
import * as t from 'io-ts';
import { strict } from '@kommunrapport/model';

/** How a negative number is written: the minus sign U+2212, or the vocabulary's word for speech. */
export type MinusStyle = 'sign' | 'word';

/**
 * What `rapport.txt` is written for: `speech` (default) gives a speech engine every figure,
 * range, month, unit and abbreviation in words (the core's `Formatter.speechText`) and wraps
 * lines at {@link SPEECH_WRAP}; `plain` keeps symbols and figures as written, for braille
 * displays and other uses where symbols are better.
 */
export type TextDialectName = 'speech' | 'plain';

/** The line width of the speech dialect when `wrap` is not set. */
export const SPEECH_WRAP = 80;

/** The options after decoding, with every default filled in. */
export interface TextOptions {
  /** `speech` (default) or `plain`: see {@link TextDialectName}. `rapport.md` is never spoken. */
  dialect: TextDialectName;
  /** Also write `rapport.md`, the same content as clean Markdown (default false). */
  markdown: boolean;
  /** Put each status, trend or completion symbol before its words (default false: words only). */
  symbols: boolean;
  /** In the plain dialect: `sign` writes −0,6 with U+2212 (default); `word` writes the vocabulary's word, e.g. "minus 0,6", and numbers without thousands separators, for speech. */
  minus: MinusStyle;
  /** Wrap paragraphs at this many characters, never inside a word (default: 80 in the speech dialect, unwrapped in plain). */
  wrap?: number;
}

/** The defaults of {@link TextOptions}. */
export const defaultTextOptions: Readonly<TextOptions> = Object.freeze({ dialect: 'speech', markdown: false, symbols: false, minus: 'sign' });

/** The narrowest wrap width accepted: short braille displays have 12 cells. */
export const MIN_WRAP = 10;

const WrapWidth = new t.Type<number, number, unknown>(
  `integer of at least ${MIN_WRAP} (characters per line)`,
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= MIN_WRAP,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= MIN_WRAP ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const Input = strict(
  'TextOptions',
  'Options of the text plugin: dialect, markdown, symbols, minus and wrap.',
  {},
  {
    dialect: t.keyof({ speech: null, plain: null }, 'text dialect ("speech" or "plain")'),
    markdown: t.boolean,
    symbols: t.boolean,
    minus: t.keyof({ sign: null, word: null }, 'minus style ("sign" or "word")'),
    wrap: WrapWidth,
  },
);

/**
 * Decodes `{ dialect?, markdown?, symbols?, minus?, wrap? }` (or nothing) into {@link TextOptions}.
 * Unknown keys are errors, so a misspelt option is reported instead of ignored.
 */
export const TextOptions = new t.Type<TextOptions, Partial<TextOptions>, unknown>(
  'TextOptions',
  (u): u is TextOptions =>
    Input.is(u) && typeof (u as TextOptions).markdown === 'boolean' && typeof (u as TextOptions).symbols === 'boolean' && typeof (u as TextOptions).minus === 'string' && typeof (u as TextOptions).dialect === 'string',
  (u, c) => {
    const r = Input.validate(u === undefined || u === null ? {} : u, c);
    return r._tag === 'Left' ? r : t.success({ ...defaultTextOptions, ...r.right });
  },
  (a) => ({ ...a }),
);
