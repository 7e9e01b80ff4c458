// The troubleshooting docs are generated from the one catalogue (model, build and plugin
// codes): this fails when a code is added or reworded without `pnpm gen`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '@kommunrapport/core';
import { END, FIRST_PARTY_PLUGINS, START, renderTroubleshooting, renderTroubleshootingDoc, withTroubleshooting } from '../scripts/gen/troubleshooting.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const doc = readFileSync(new URL('../docs/troubleshooting.md', import.meta.url), 'utf8');

describe('troubleshooting docs', () => {
  it('are up to date with the catalogue (run `pnpm gen` when this fails)', () => {
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(withTroubleshooting(readme)).toBe(readme);
    expect(renderTroubleshootingDoc()).toBe(doc);
  });

  it('list every code of the model, the build and the plugins with its fix, plugin codes under the plugin\'s name', () => {
    const section = renderTroubleshooting();
    expect(section.startsWith('## Felsökning / Troubleshooting')).toBe(true);
    const entries = catalogue(FIRST_PARTY_PLUGINS);
    for (const e of entries) {
      const label = e.plugin ? `[plugin ${e.plugin}] ${e.code}` : e.code;
      expect(section, label).toContain(`| \`${label}\` (${e.definition.severity}) | **${e.definition.title}.** `);
      expect(section).toContain(e.definition.hint.replace(/\|/g, '\\|'));
      expect(doc, label).toContain(`### \`${label}\`: ${e.definition.title}`);
    }
    for (const label of ['low-contrast', '[plugin pdf] missing-glyph', 'plugin-findings', 'file-unreadable', '[plugin open-data] open-data-schema']) expect(section).toContain(`| \`${label}\``);
    expect(section).not.toContain('report-unreadable');
  });

  it('changes nothing outside the markers', () => {
    const text = `# Title\n\nBefore.\n\n${START}\nold\n${END}\n\nAfter.\n`;
    const next = withTroubleshooting(text);
    expect(next.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
    expect(next.endsWith(`${END}\n\nAfter.\n`)).toBe(true);
    expect(next).not.toContain('\nold\n');
    expect(withTroubleshooting('# T\n')).toBe(`# T\n\n${START}\n${renderTroubleshooting()}\n${END}\n`);
  });
});
