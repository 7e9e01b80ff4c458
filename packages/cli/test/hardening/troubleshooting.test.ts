// The README's "Felsökning / Troubleshooting" section is generated from the catalogue of
// diagnostic codes; this fails when a code is added or reworded without regenerating it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '@kommunrapport/model';
import { END, START, readmePath, renderTroubleshooting, withTroubleshooting } from '../../scripts/troubleshooting.js';

describe('README troubleshooting section', () => {
  const readme = readFileSync(readmePath, 'utf8');

  it('is up to date with the catalogue (run `pnpm docs:troubleshooting` when this fails)', () => {
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(withTroubleshooting(readme)).toBe(readme);
  });

  it('lists every code of the catalogue with its fix', () => {
    const section = renderTroubleshooting();
    expect(section.startsWith('## Felsökning / Troubleshooting')).toBe(true);
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) expect(section, code).toContain(`| \`${code}\` (${info.severity}) | **${info.title}.** `);
    for (const info of Object.values(DIAGNOSTIC_CODES)) expect(section).toContain(info.hint);
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
