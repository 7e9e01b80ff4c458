// Class: links no output can hold. A Markdown link whose address is not https://, http:// or
// mailto: (a file, an anchor, "javascript:", nothing) is published as its words only, and was
// dropped without a word; it is now a warning at its text, naming the link and its address.
// Web links, e-mail links and images are not findings. Only rich text is read as Markdown:
// a title or a label with "[x](y)" is printed as written, so it is no link and no finding.
import { describe, expect, it } from 'vitest';
import { loadReport, plainText } from '../src/index.js';
import { minimalText } from './helpers.js';

const withSummary = (summary: string) => minimalText.replace(/^summary: .*$/m, `summary: ${JSON.stringify(summary)}`);

/** The minimal report with one line of it replaced (it must be there). */
const replacing = (line: RegExp, by: string): string => {
  expect(minimalText).toMatch(line);
  return minimalText.replace(line, by);
};
/** The line (1-based) of the text on which `needle` stands. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;
const linkWarnings = (text: string) => {
  const { report, diagnostics } = loadReport(text, 'r.yaml');
  expect(report).toBeDefined();
  return diagnostics.filter((d) => d.code === 'link-address');
};

describe('links without a web address', () => {
  it.each([
    ['bilaga.pdf', 'bilagan'],
    ['#mal', 'målen'],
    ['javascript:alert', 'klicka'],
    ['../rapport.html', 'förra rapporten'],
    ['', 'tom'],
  ])('warns of [%s] at its text, and the report keeps its words without a link', (address, words) => {
    const { report, diagnostics } = loadReport(withSummary(`Se [${words}](${address}) i år.`), 'r.yaml');
    expect(report).toBeDefined();
    const found = diagnostics.filter((d) => d.code === 'link-address');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'r.yaml', path: 'summary', line: 29, found: `[${words}](${address})` });
    expect(found[0]!.message).toContain(`"${words}"`);
    expect(found[0]!.message).toContain(address === '' ? 'nowhere' : `"${address}"`);
    expect(plainText(report!.summary)).toBe(`Se ${words} i år.`);
  });

  it('says nothing of web and e-mail links, images or brackets that are no link', () => {
    const text = 'Se [webben](https://www.exempelstad.se/) och [oss](mailto:ks@exempelstad.se), [http](http://exempel.se) [a] (b) och [c]d.';
    const { diagnostics } = loadReport(withSummary(text), 'r.yaml');
    expect(diagnostics.filter((d) => d.code === 'link-address')).toEqual([]);
  });

  it('finds every such link of a text, in order', () => {
    const { diagnostics } = loadReport(withSummary('[a](a.pdf) och [b](b.pdf)'), 'r.yaml');
    expect(diagnostics.filter((d) => d.code === 'link-address').map((d) => d.found)).toEqual(['[a](a.pdf)', '[b](b.pdf)']);
  });
});

describe('links as the Markdown parser reads them', () => {
  it('gives an address with parentheses or in angle brackets whole', () => {
    const found = linkWarnings(withSummary('Se [här](javascript:alert(1)) och [bilagan](<bilaga 2.pdf>).'));
    expect(found.map((d) => d.found)).toEqual(['[här](javascript:alert(1))', '[bilagan](<bilaga 2.pdf>)']);
    expect(found[1]!.message).toContain('"bilaga 2.pdf"');
  });

  it('warns of an autolink whose address no output can link to', () => {
    const found = linkWarnings(withSummary('Klicka <javascript:alert(1)> eller <https://www.exempelstad.se>.'));
    expect(found.map((d) => d.found)).toEqual(['<javascript:alert(1)>']);
  });

  it('says nothing of brackets in a code span or of brackets that no parser reads as a link, which are published as written', () => {
    const text = 'Skriv `[bilagan](bilaga.pdf)` för en länk; [a b](c d) är ingen.';
    const { report, diagnostics } = loadReport(withSummary(text), 'r.yaml');
    expect(diagnostics.filter((d) => d.code === 'link-address')).toEqual([]);
    expect(plainText(report!.summary)).toBe('Skriv [bilagan](bilaga.pdf) för en länk; [a b](c d) är ingen.');
  });
});

describe('only rich text is read for links', () => {
  it.each([
    ['the report\'s title', /^title: .*$/m, 'title: "Delårsrapport [x](bilaga.pdf)"'],
    ['the period\'s label', /^  label: .*$/m, '  label: "januari–augusti [x](bilaga.pdf)"'],
    ['a group\'s description', /^      description: Samtliga .*$/m, '      description: "Samtliga [x](bilaga.pdf)"'],
    ['a goal\'s title', /^            title: Företagsklimatet .*$/m, '            title: "Företagsklimatet [x](bilaga.pdf)"'],
    ['a table row\'s label', /^            label: Intäkter$/m, '            label: "Intäkter [x](bilaga.pdf)"'],
    ['a deviation item\'s label', /^        - label: Lägre intäkter$/m, '        - label: "Lägre intäkter [x](bilaga.pdf)"'],
  ])('says nothing of [x](bilaga.pdf) in %s, which is printed as written', (_what, line, by) => {
    expect(linkWarnings(replacing(line, by))).toEqual([]);
  });

  it.each([
    ['a goal\'s text', /^            body: Arbetet pågår\.$/m, '            body: Se [bilagan](bilaga.pdf).', 'sections[1].areas[0].goals[0].body'],
    ['a table\'s note', /^        role: incomeStatement$/m, '        role: incomeStatement\n        note: Se [bilagan](bilaga.pdf).', 'sections[4].tables[0].note'],
    ['a deviation\'s intro', /^      unit: tkr$/m, '      unit: tkr\n      intro: Se [bilagan](bilaga.pdf).', 'sections[5].explanation.intro'],
  ])('warns of [bilagan](bilaga.pdf) in %s, at its path and line', (_what, line, by, path) => {
    const text = replacing(line, by);
    const found = linkWarnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'r.yaml', path, line: lineOf(text, '[bilagan]'), found: '[bilagan](bilaga.pdf)' });
  });

  it('places a link in a text of several lines at its own line', () => {
    const text = replacing(/^            body: Arbetet pågår\.$/m, '            body: |-\n              Arbetet pågår.\n\n              Se [bilagan](bilaga.pdf).');
    const found = linkWarnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'sections[1].areas[0].goals[0].body', line: lineOf(text, 'Se [bilagan]'), column: 15 });
  });

  // Only a literal block keeps the text's line breaks as the file's: the others fold lines,
  // and a quoted text may write a line break as \n. The link is where its line is written.
  it.each([
    ['a folded block (>), whose wrapped lines join', '>-\n              Arbetet pågår\n              enligt plan.\n\n              Se [bilagan](bilaga.pdf).', 'Se [bilagan]', 15],
    ['a double-quoted text with \\n on one line', '"Arbetet pågår.\\nSe [bilagan](bilaga.pdf)."', 'Se [bilagan]', 36],
    ['a double-quoted text over several lines', '"Arbetet pågår\n              enligt plan.\n\n              Se [bilagan](bilaga.pdf)."', 'Se [bilagan]', 15],
    ['a plain text over several lines', 'Arbetet pågår\n              enligt plan.\n\n              Se [bilagan](bilaga.pdf).', 'Se [bilagan]', 15],
    ['a literal block whose line before holds quotes', '|-\n              "Arbetet" pågår.\n              Se [bilagan](bilaga.pdf).', 'Se [bilagan]', 15],
    // "Företagsklimat" written with an escape is not found as written: the place stays at the
    // text, and is not looked for in the rest of the file (an indicator's name below has the word).
    ['a double-quoted text with an escaped letter', '"F\\u00f6retagsklimat enligt plan.\\nSe [bilagan](bilaga.pdf)."', 'body: "F', 19],
  ])('places a link in %s at its own line', (_what, body, needle, column) => {
    const text = replacing(/^            body: Arbetet pågår\.$/m, `            body: ${body}`);
    const found = linkWarnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'sections[1].areas[0].goals[0].body', line: lineOf(text, needle), column });
  });
});

describe('links of an HTML fragment ({ html: … })', () => {
  const withHtml = (html: string) => minimalText.replace(/^summary: .*$/m, `summary:\n  html: ${JSON.stringify(html)}`);

  it.each([
    ['bilaga.pdf', 'bilagan'],
    ['javascript:void', 'klicka'],
    ['#mal', 'målen'],
    ['', 'tom'],
  ])('warns of <a href="%s"> as of the same link in Markdown, and keeps its words', (address, words) => {
    const text = withHtml(`<p>Se <a href="${address}">${words}</a> i år.</p>`);
    const { report, diagnostics } = loadReport(text, 'r.yaml');
    const found = diagnostics.filter((d) => d.code === 'link-address');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'r.yaml', path: 'summary', line: lineOf(text, '  html:'), found: `<a href="${address}">${words}</a>` });
    const markdown = loadReport(withSummary(`Se [${words}](${address}) i år.`), 'r.yaml').diagnostics.find((d) => d.code === 'link-address')!;
    expect({ message: found[0]!.message, hint: found[0]!.hint, expected: found[0]!.expected }).toEqual({ message: markdown.message, hint: markdown.hint, expected: markdown.expected });
    expect(plainText(report!.summary)).toBe(`Se ${words} i år.`);
  });

  it('warns of it in any rich text, e.g. a table\'s note', () => {
    const text = minimalText.replace(/^        role: incomeStatement$/m, '        role: incomeStatement\n        note: { html: \'<p>Se <a href="not.pdf">noten</a>.</p>\' }');
    expect(linkWarnings(text)).toMatchObject([{ path: 'sections[4].tables[0].note', line: lineOf(text, 'note: {'), found: '<a href="not.pdf">noten</a>' }]);
  });

  it('says nothing of web and e-mail links or an anchor without href', () => {
    const text = withHtml('<p>Se <a href="https://www.exempelstad.se/">webben</a>, <a href="mailto:ks@exempelstad.se">oss</a> och <a name="x">här</a>.</p>');
    expect(linkWarnings(text)).toEqual([]);
  });

  it('places a link of a fragment of several lines at its own line', () => {
    const text = minimalText.replace(/^summary: .*$/m, 'summary:\n  html: |-\n    <p>Första stycket.</p>\n    <p>Se <a href="bilaga.pdf">bilagan</a>.</p>');
    const found = linkWarnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'summary', line: lineOf(text, '<p>Se <a'), found: '<a href="bilaga.pdf">bilagan</a>' });
  });
});
