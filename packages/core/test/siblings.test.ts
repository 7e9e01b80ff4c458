// What the core tells a plugin about the rest of its build: a plugin that declares
// linksToSiblings renders after the others, wherever it stands in the list, and sees every
// file they made (path, size, media type, plugin) in ctx.siblings; other plugins see none.
// Also the shared helpers such a plugin uses: the document's description and file sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { buildReport, clipText, createFormatter, createRenderContext, definePlugin, describeReport, createVocabulary, type SiblingFile } from '../src/index.js';
import { plugin, reportFile, tempDir, REPORT_ID } from './helpers.js';

const env = { SOURCE_DATE_EPOCH: '1700000000' };
const decodeAnything = { decode: (u: unknown) => ({ _tag: 'Right', right: u }) } as never;

/** A plugin that writes what it saw in ctx.siblings. */
function linker(name: string, linksToSiblings: boolean, seen: SiblingFile[][]) {
  return definePlugin({
    name,
    formats: [name],
    linksToSiblings,
    options: decodeAnything,
    render: (_report, ctx) => {
      seen.push([...ctx.siblings]);
      return [{ path: `${name}.html`, contents: `<p>${ctx.siblings.map((s) => s.path).join(' ')}</p>`, mediaType: 'text/html' }];
    },
  });
}

describe('ctx.siblings', () => {
  it('a plugin linking to its siblings renders after them, listed first or not, and sees their files with sizes', async () => {
    const out = tempDir();
    const seen: SiblingFile[][] = [];
    const r = await buildReport({ file: reportFile, plugins: [linker('page', true, seen), await plugin('echo'), await plugin('other')], outDir: out, env });
    expect(r.problems).toEqual([]);
    expect(seen).toHaveLength(1);
    const written = r.artifacts.filter((a) => a.plugin !== 'page').map((a) => ({ plugin: a.plugin, path: a.path, bytes: a.bytes, mediaType: a.mediaType }));
    expect(written.length).toBe(4);
    expect(seen[0]).toEqual(written);
    expect(readFileSync(join(out, REPORT_ID, 'page.html'), 'utf8')).toBe('<p>a.bin data/report.json other/index.txt z-last.txt</p>');
  });

  it('other plugins see no siblings, and neither does a linking plugin rendered alone or outside a build', async () => {
    const seen: SiblingFile[][] = [];
    await buildReport({ file: reportFile, plugins: [linker('first', false, seen), linker('second', false, seen)], outDir: tempDir(), env });
    expect(seen).toEqual([[], []]);
    const alone: SiblingFile[][] = [];
    await buildReport({ file: reportFile, plugins: [linker('page', true, alone)], outDir: tempDir(), env });
    expect(alone).toEqual([[]]);
    const report = loadReport(readFileSync(reportFile, 'utf8'), reportFile).report!;
    expect(createRenderContext(report, {}).siblings).toEqual([]);
  });
});

describe('the document description', () => {
  const report = loadReport(readFileSync(reportFile, 'utf8'), reportFile).report!;
  const v = createVocabulary(report);
  const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value: text }] });

  it('is the summary, cut after the last whole sentence within 160 characters', () => {
    const first = 'Verksamheten har under perioden bedrivits i stort sett enligt plan, med några undantag inom äldreomsorgen och skolan.';
    const second = 'Prognosen för helåret är ett överskott på 3,2 miljoner kronor, t.ex. genom lägre lokalkostnader.';
    const d = describeReport({ ...report, summary: [paragraph(first), paragraph(second)] } as Report, v);
    expect(d).toBe(first);
    expect(d.length).toBeLessThanOrEqual(160);
  });

  it('is cut at a word with an ellipsis when the first sentence alone is too long, and never mid-word', () => {
    const long = `${'Socialförvaltningens verksamhetsuppföljning '.repeat(6)}fortsätter.`;
    const d = clipText(long);
    expect(d.length).toBeLessThanOrEqual(161);
    expect(d.endsWith('…')).toBe(true);
    expect(long.startsWith(d.slice(0, -1))).toBe(true);
    expect(long[d.length - 1]).toBe(' ');
    // "t.ex. genom" is not the end of a sentence.
    expect(clipText(`Lägre kostnader t.ex. genom ${'färre hyrda lokaler och '.repeat(8)}annat.`)).toMatch(/…$/);
  });

  it('falls back to the decision description, then to the title and cover facts in the vocabulary of the report', () => {
    const decision = { proposal: [paragraph('Att godkänna rapporten.')], description: [paragraph('Nämnden ska följa upp sin verksamhet två gånger om året.')] };
    expect(describeReport({ ...report, summary: [], decision } as Report, v)).toBe('Nämnden ska följa upp sin verksamhet två gånger om året.');
    const bare = { ...report, summary: [] } as Report;
    delete (bare as Partial<Report>).decision;
    expect(describeReport(bare, v)).toBe(`${report.title}. ${v.bodyTerm()}: ${report.body.name}. ${v.term('municipality')}: ${report.municipality.name}. ${v.term('period')}: ${report.period.label}.`);
    expect(describeReport(bare, v)).toBe('Delårsrapport 2 2022. Nämnd: Kommunstyrelsen. Kommun: Exempelstad. Period: januari–augusti 2022.');
  });
});

describe('file sizes', () => {
  it('are written in SI units in the report language: whole kB rounded up, MB with one decimal', () => {
    const report = loadReport(readFileSync(reportFile, 'utf8'), reportFile).report!;
    const f = createFormatter('sv', report.governance);
    expect([0, 1, 999, 1000, 1001, 61_000, 999_000, 999_001, 1_234_567, 12_345_678].map((b) => f.fileSize(b))).toEqual(
      ['1 kB', '1 kB', '1 kB', '1 kB', '2 kB', '61 kB', '999 kB', '1,0 MB', '1,2 MB', '12,3 MB'].map((s) => s.replace(' ', '\u00a0')),
    );
    expect(createFormatter('en', report.governance).fileSize(1_234_567)).toBe('1.2\u00a0MB');
  });
});
