import { describe, expect, it } from 'vitest';
import { loadReport, RichText, plainText } from '../src/index.js';
import { minimalText } from './helpers.js';

const isRight = <A>(e: { _tag: string; right?: A }): e is { _tag: 'Right'; right: A } => e._tag === 'Right';
const isLeft = (e: { _tag: string }): boolean => e._tag === 'Left';
const withBody = (body: string) => minimalText.replace('            body: Arbetet pågår.\n', `            body: |-\n${body.split('\n').map((l) => (l === '' ? '' : `              ${l}`)).join('\n')}\n`);

describe('Markdown tables in rich text', () => {
  it('a pipe table becomes a table block with header cells, rows of inline text and its caption', () => {
    const decoded = RichText.decode('Arbetet pågår.\n\nTabell: Ärenden per år\n| År | Antal |\n|----|------:|\n| 2022 | *12* |\n| 2023 | [14](https://example.se) |\n\nMer text.');
    expect(isRight(decoded)).toBe(true);
    if (!isRight(decoded)) return;
    expect(decoded.right).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Arbetet pågår.' }] },
      {
        type: 'table',
        caption: 'Ärenden per år',
        header: [[{ type: 'text', value: 'År' }], [{ type: 'text', value: 'Antal' }]],
        rows: [
          [[{ type: 'text', value: '2022' }], [{ type: 'emphasis', children: [{ type: 'text', value: '12' }] }]],
          [[{ type: 'text', value: '2023' }], [{ type: 'link', url: 'https://example.se', children: [{ type: 'text', value: '14' }] }]],
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', value: 'Mer text.' }] },
    ]);
    expect(plainText(decoded.right)).toBe('Arbetet pågår.\n\nÄrenden per år\n| År | Antal |\n| 2022 | 12 |\n| 2023 | 14 |\n\nMer text.');
    // The block tree (as open data writes it) decodes to itself.
    expect(RichText.decode(decoded.right)).toEqual(decoded);
  });

  it('an escaped pipe stays in its cell; a line of dashes is a thematic break, not a table', () => {
    const decoded = RichText.decode('| Tecken | Namn |\n|---|---|\n| a \\| b | lodstreck |');
    expect(isRight(decoded) && decoded.right[0]).toMatchObject({ type: 'table', rows: [[[{ type: 'text', value: 'a | b' }], [{ type: 'text', value: 'lodstreck' }]]] });
    expect(isRight(RichText.decode('Text\n\n---\n\nMer | text'))).toBe(true);
    // In a fenced code block the pipes are text.
    const fenced = RichText.decode('```\n| a | b |\n| 1 |\n```');
    expect(isRight(fenced) && fenced.right).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '| a | b | | 1 |' }] }]);
  });

  it('a report with a table in a goal loads', () => {
    const { diagnostics, report } = loadReport(withBody('Arbetet pågår.\n\n| År | Antal |\n|----|------:|\n| 2022 | 12 |'), 'r.yaml');
    expect(diagnostics).toEqual([]);
    expect(report).toBeDefined();
  });

  it('a row of another length is an error naming the line of the row, what was found and the fix', () => {
    const text = withBody('Arbetet pågår.\n\n| År | Antal |\n|----|------:|\n| 2022 | 12 |\n| 2023 | 14 | 3 |');
    const { diagnostics, report } = loadReport(text, 'r.yaml');
    expect(report).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('| 2023 | 14 | 3 |')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.path, d.found])).toEqual([['markdown-table-malformed', line, 'sections[1].areas[0].goals[0].body', '"| 2023 | 14 | 3 |"']]);
    expect(diagnostics[0]!.message).toMatch(/a row of 3 cells in a table of 2 columns \(line 6 of the text\)/);
    expect(diagnostics[0]!.hint).toMatch(/2 cells/);
  });

  it('a bad row of a table written in a quoted text (rows as \\n) is placed where the row is written', () => {
    const text = minimalText.replace('            body: Arbetet pågår.\n', '            body: "| År | Antal |\\n|---|---:|\\n| 2022 | 12 | 3 |"\n');
    const { diagnostics } = loadReport(text, 'r.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('| 2022 | 12 | 3 |')) + 1;
    const column = text.split('\n')[line - 1]!.indexOf('| 2022') + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['markdown-table-malformed', line, column]]);
  });

  it('a table in a text written with ">" (YAML joins its lines) is an error at the table, not a paragraph of pipes', () => {
    const text = minimalText.replace('            body: Arbetet pågår.\n', '            body: >\n              Arbetet pågår.\n\n              | År | Antal |\n              |---|---:|\n              | 2022 | 12 |\n');
    const { diagnostics, report } = loadReport(text, 'r.yaml');
    expect(report).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('| År | Antal |')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([['markdown-table-malformed', line, 15, 'sections[1].areas[0].goals[0].body']]);
    expect(diagnostics[0]!.message).toMatch(/joined into one line/);
    expect(diagnostics[0]!.hint).toMatch(/"\|" \(key: \|\)/);
    // A row of a table with a cell of dashes is still a row.
    expect(isLeft(RichText.decode('| Kod | Betyg |\n|---|---|\n| A | --- |'))).toBe(false);
  });

  it('rows of pipes without a header separator are an error, not a paragraph of pipes', () => {
    const text = withBody('| År | Antal |\n| 2022 | 12 |');
    const { diagnostics } = loadReport(text, 'r.yaml');
    const line = text.split('\n').findIndex((l) => l.includes('| År | Antal |')) + 1;
    expect(diagnostics.map((d) => [d.code, d.line, d.found])).toEqual([['markdown-table-malformed', line, '"| År | Antal |"']]);
    expect(diagnostics[0]!.hint).toMatch(/separator/);
    expect(isLeft(RichText.decode('År | Antal\n|---|---|\n| 2022 | 12 |'))).toBe(true);
  });

  it('a row without its outer pipes right after the table is an error, not a paragraph after it', () => {
    const decoded = RichText.decode('| År | Antal |\n|---|---|\n| 2022 | 12 |\n2023 | 14');
    expect(isLeft(decoded) && JSON.parse((decoded as unknown as { left: { message: string }[] }).left[0]!.message)).toMatchObject({ construct: 'malformed-table', line: 4, found: '2023 | 14' });
    // After a blank line, a "|" in running text is text.
    expect(isRight(RichText.decode('| År | Antal |\n|---|---|\n| 2022 | 12 |\n\nAntingen | eller'))).toBe(true);
  });
});
