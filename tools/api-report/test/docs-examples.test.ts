// The samples of docs/plugins.md run, not only compile: the testing sample's own tests are
// registered here, and the block serialiser renders the Eskilstuna example in full.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext, walkSections } from '@kommunrapport/core';
import { section } from '../../../docs/examples/serialise-blocks.js';
import '../../../docs/examples/testing-a-plugin.js';

describe('docs/examples/serialise-blocks.ts', () => {
  it('renders every section of the example with its heading, no undefined, badges in words', () => {
    const file = 'examples/eskilstuna-ks-2022-delar2/rapport.yaml';
    const { report } = loadReport(readFileSync(file, 'utf8'), file);
    const ctx = createRenderContext(report!, {});
    const doc = ctx.document;
    const text = doc.sections.flatMap((s) => section(s)).join('\n');
    for (const s of walkSections(doc.sections)) expect(text).toContain(`${'#'.repeat(s.level)} ${s.number} ${s.title}`);
    expect(text).not.toContain('undefined');
    // Badges are written as the words that stand for their symbols.
    const badges = [...walkSections(doc.sections)].flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'badges' ? b.items : [])));
    expect(badges.length).toBeGreaterThan(5);
    for (const b of badges) expect(text).toContain(`${b.term}: ${b.badge.textAlternative}`);
    expect(text).toContain('Kommunstyrelsen (KS)');
    expect(text).toContain('● Uppnår: Processområdet bedöms uppnå resultatmålen');
  });
});
