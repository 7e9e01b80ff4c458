// @kommunrapport/core/testing: the sample report validates and has nested sections, and
// renderWith builds it with a plugin through the real pipeline, returning the files written,
// or the located option diagnostics and plugin problems.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createRenderContext } from '../src/index.js';
import { buildDocument, walkSections } from '../src/index.js';
import { loadSampleReport, renderWith, sampleReportFile } from '../src/testing.js';
import { plugin } from './helpers.js';

describe('@kommunrapport/core/testing', () => {
  it('ships a sample report that loads without errors and has nested sections', () => {
    expect(existsSync(sampleReportFile)).toBe(true);
    const report = loadSampleReport();
    const ctx = createRenderContext(report, {});
    const sections = [...walkSections(buildDocument(report, ctx.vocabulary, ctx.format).sections)];
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.some((s) => s.level > 2)).toBe(true);
  });

  it('renderWith builds the sample with a plugin and returns every file written', async () => {
    const rendered = await renderWith(await plugin('echo'), { options: { greeting: 'Hallå', repeat: 2 } });
    expect(rendered.messages).toBe('');
    expect(rendered.ok).toBe(true);
    expect(rendered.files.map((f) => f.path)).toEqual(['a.bin', 'data/report.json', 'z-last.txt']);
    expect(rendered.text('z-last.txt')).toBe(`HallåHallå ${loadSampleReport().id}\n`);
    expect([...rendered.files[0]!.contents]).toEqual([0, 1, 2, 255]);
    expect(() => rendered.text('nope.txt')).toThrow('The plugin wrote no file nope.txt; it wrote a.bin, data/report.json, z-last.txt.');
  });

  it('renderWith reports bad options with their path, and a throwing plugin as the CLI would', async () => {
    const bad = await renderWith(await plugin('echo'), { options: { repeat: 'twice' } });
    expect(bad.ok).toBe(false);
    expect(bad.files).toEqual([]);
    expect(bad.diagnostics.map((d) => d.path)).toEqual(['options.echo.repeat']);
    const throws = await renderWith(await plugin('throws'));
    expect(throws.ok).toBe(false);
    expect(throws.problems.map((p) => p.code)).toEqual(['plugin-failed']);
    expect(throws.messages).toContain('[plugin thrower] render');
  });
});
