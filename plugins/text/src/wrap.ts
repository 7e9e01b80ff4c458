// Wrapping a long line at a given width for channels that need it (e-mail, narrow braille
// displays). Lines break only at spaces, never inside a word or a number: non-breaking
// spaces (thousands separators, number and unit) hold.

/** Length in code points, so å, ä, ö and U+2212 count as one character each (a surrogate pair is one, a lone surrogate one). */
export function textWidth(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) (n--, i++);
    }
  }
  return n;
}

/**
 * Wraps one line at `width` characters. Leading indentation stays on the first line; a word
 * longer than the width stands alone on its line, unbroken. The width of the line being
 * built is kept as words join it, not measured again for each word.
 */
export function wrapLine(line: string, width: number): string[] {
  if (textWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0];
  const words = line.slice(indent.length).split(' ').filter((w) => w !== '');
  const out: string[] = [];
  let current = indent;
  let currentWidth = indent.length;
  // Whether `current` is only white space so far: the next word joins it without a space.
  let blank = true;
  for (const word of words) {
    const w = textWidth(word);
    if (blank) {
      current += word;
      currentWidth += w;
      blank = word.trim() === '';
    } else if (currentWidth + 1 + w <= width) {
      current += ` ${word}`;
      currentWidth += 1 + w;
    } else {
      out.push(current);
      current = word;
      currentWidth = w;
      blank = word.trim() === '';
    }
  }
  out.push(current);
  return out;
}
