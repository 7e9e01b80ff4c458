// Where a line of a text stands in its file, for findings inside a text (an image, a table
// row, a link). A text of several lines is written as a block scalar (`|-`), whose text
// begins on the line after its key: its line n stands n lines below the value's place,
// whose column is not that line's, so only the line is given. A text of one line stands at
// the value's own line and column. Internal to the model.
import type { Position } from './source.js';

/** The line (and, for a text of one line, the column) in the file of line `line` (1-based) of `text`, whose value stands at `at`. */
export function placeInText(at: Position | undefined, text: unknown, line: number): { line?: number; column?: number } {
  if (!at) return {};
  return typeof text === 'string' && text.includes('\n') ? { line: at.line + line } : { line: at.line, column: at.column };
}
