// Wrapping a long line at a given width for channels that need it (e-mail, narrow braille
// displays). Lines break only at spaces, never inside a word or a number: non-breaking
// spaces (thousands separators, number and unit) hold.

/** Length in code points, so å, ä, ö and U+2212 count as one character each. */
export const textWidth = (s: string): number => [...s].length;

/**
 * Wraps one line at `width` characters. Leading indentation stays on the first line; a word
 * longer than the width stands alone on its line, unbroken.
 */
export function wrapLine(line: string, width: number): string[] {
  if (textWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const words = line.slice(indent.length).split(' ').filter((w) => w !== '');
  const out: string[] = [];
  let current = indent;
  for (const word of words) {
    if (current.trim() === '') current += word;
    else if (textWidth(current) + 1 + textWidth(word) <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
  }
  out.push(current);
  return out;
}
