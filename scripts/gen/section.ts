// Replacing a generated section of a hand-written Markdown file, between two markers;
// nothing outside the markers is touched.

/** The markers of a generated section named `name`. */
export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The text with the section `name` replaced (the markers and section appended at the end when missing). */
export function withSection(text: string, name: string, section: string): string {
  const { start, end } = markers(name);
  const block = `${start}\n${section}\n${end}`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1 || b < a) return `${text.replace(/\n*$/, '\n')}\n${block}\n`;
  return text.slice(0, a) + block + text.slice(b + end.length);
}
