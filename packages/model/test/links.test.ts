// Class: links no output can hold. A Markdown link whose address is not https://, http:// or
// mailto: (a file, an anchor, "javascript:", nothing) is published as its words only, and was
// dropped without a word; it is now a warning at its text, naming the link and its address.
// Web links, e-mail links and images are not findings.
import { describe, expect, it } from 'vitest';
import { loadReport, plainText } from '../src/index.js';
import { minimalText } from './helpers.js';

const withSummary = (summary: string) => minimalText.replace(/^summary: .*$/m, `summary: ${JSON.stringify(summary)}`);

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
