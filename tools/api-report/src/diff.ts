// A small line diff for the check mode: what changed between the committed file and the
// freshly generated one, summarised so a reviewer sees the gist in the terminal.

/** One changed line: `+` added in the new text, `-` removed from the old. */
export interface DiffLine {
  sign: '+' | '-';
  /** 1-based line number in the old (`-`) or new (`+`) text. */
  line: number;
  text: string;
}

/** The changed lines between two texts, in order (longest common subsequence of lines). */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  // Trim the common head and tail so the quadratic table stays small.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) { i++; j++; }
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) { out.push({ sign: '+', line: head + j + 1, text: y[j]! }); j++; }
    else { out.push({ sign: '-', line: head + i + 1, text: x[i]! }); i++; }
  }
  return out;
}

/** A short summary: counts, then at most `max` changed lines. */
export function summariseDiff(oldText: string, newText: string, max = 20): string {
  const lines = diffLines(oldText, newText);
  const added = lines.filter((l) => l.sign === '+').length;
  const removed = lines.length - added;
  const shown = lines.slice(0, max).map((l) => `  ${l.sign} ${String(l.line).padStart(4)}: ${l.text}`);
  if (lines.length > max) shown.push(`  … and ${lines.length - max} more changed lines`);
  return [`${added} lines added, ${removed} removed:`, ...shown].join('\n');
}
