// The one gate between the command and a terminal: everything written to standard output
// or standard error passes through `neutralise`, so text from a report, a file name or a
// plugin can never reach the terminal as a control character (an escape sequence that
// writes the clipboard, hides what follows, moves the cursor, or a bidi override that
// reorders a line). Each such character is shown as a visible `\u001b`-style escape, which
// inside a JSON string is the JSON escape of the same character, so `--json` stays valid
// JSON with the same value.

// C0 controls except tab and line feed, DEL, C1 controls, bidi embeddings, overrides and
// isolates, zero-width characters, the line and paragraph separators and the BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

// The command's own styling, let through only on a terminal that shows colours: the SGR
// codes picocolors writes for bold, dim, red, green, yellow, cyan and their resets, and the
// progress line's "back to the start and erase". None of them can hide or move text.
// eslint-disable-next-line no-control-regex
const OWN_STYLE = /(\r\u001b\[2K|\u001b\[(?:1|2|22|31|32|33|36|39)m)/;

/** A character as the visible escape `\uXXXX`. */
export const escapeCharacter = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Options of {@link neutralise}. */
export interface NeutraliseOptions {
  /** Let the command's own colour codes through (only when writing to a terminal with colours). */
  keepStyle?: boolean;
}

/** Text with every unsafe control character shown as a visible escape (`\u001b`). */
export function neutralise(text: string, options: NeutraliseOptions = {}): string {
  if (!options.keepStyle) return text.replace(UNSAFE, escapeCharacter);
  return text
    .split(OWN_STYLE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(UNSAFE, escapeCharacter)))
    .join('');
}
