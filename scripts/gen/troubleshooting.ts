// The troubleshooting docs, generated from the one catalogue (core's `catalogue()`: the
// model's findings, the build's problems and every first-party plugin's codes): the
// "Felsökning / Troubleshooting" section of the root README, between the markers
// <!-- troubleshooting:start --> and <!-- troubleshooting:end -->, and docs/troubleshooting.md
// with every code. Run with `pnpm gen` (and `pnpm gen --check` in CI).
import { DIAGNOSTIC_GROUPS, LIMITS, formatBytes } from '@kommunrapport/model';
import { catalogue, type CatalogueEntry } from '@kommunrapport/core';
import html from '../../plugins/html/src/index.js';
import pdf from '../../plugins/pdf/src/index.js';
import text from '../../plugins/text/src/index.js';
import openData from '../../plugins/open-data/src/index.js';
import { markers, withSection } from './section.js';

/** The first-party plugins whose codes join the catalogue. */
export const FIRST_PARTY_PLUGINS = [html, pdf, text, openData];

/** The markers the README section is written between. */
export const { start: START, end: END } = markers('troubleshooting');

const cell = (s: string) => s.replace(/\|/g, '\\|');
const label = (e: CatalogueEntry) => (e.plugin ? `[plugin ${e.plugin}] ${e.code}` : e.code);

/** The catalogue in the groups of the docs, in order: the model's and the build's groups, then one per plugin. */
export function groups(entries: readonly CatalogueEntry[] = catalogue(FIRST_PARTY_PLUGINS)): { title: string; entries: CatalogueEntry[] }[] {
  const out = new Map<string, { title: string; entries: CatalogueEntry[] }>();
  for (const [key, title] of Object.entries(DIAGNOSTIC_GROUPS)) out.set(key, { title, entries: [] });
  for (const e of entries) {
    const key = e.plugin ?? e.definition.group;
    if (!out.has(key)) out.set(key, { title: `Findings of the ${e.plugin ?? key} plugin`, entries: [] });
    out.get(key)!.entries.push(e);
  }
  return [...out.values()].filter((g) => g.entries.length > 0);
}

/** The README section's text (without the markers). */
export function renderTroubleshooting(): string {
  const lines: string[] = [
    '## Felsökning / Troubleshooting',
    '',
    '<!-- Generated from the one catalogue (model, build and plugin codes) by `pnpm gen`; do not edit by hand. -->',
    '',
    '`kommunrapport validate rapport.yaml` prints each finding as `file:line:column  severity  code  path`,',
    'then what was expected, what was found and a hint; `build` prints the same, with `[plugin name]` before',
    'the code of a plugin\'s finding. Exit codes: 0 valid, 1 errors (or warnings under `--strict`), 2 usage',
    'or I/O problem. Every code with its meaning is in [docs/troubleshooting.md](docs/troubleshooting.md).',
  ];
  for (const g of groups()) {
    lines.push('', `### ${g.title}`, '', '| code | problem | fix |', '|---|---|---|');
    for (const e of g.entries) lines.push(`| \`${label(e)}\` (${e.definition.severity}) | **${cell(e.definition.title)}.** ${cell(e.definition.meaning)} | ${cell(e.definition.hint)} |`);
  }
  lines.push(
    '',
    `Limits of a report file: ${formatBytes(LIMITS.maxBytes)}, ${LIMITS.maxValues.toLocaleString('en').replace(/,/g, ' ')} keys and values, nesting ${LIMITS.maxDepth} levels deep, ${LIMITS.maxAliasCount.toLocaleString('en').replace(/,/g, ' ')} alias expansions, UTF-8 only (see packages/model/README.md, section Limits).`,
  );
  return lines.join('\n');
}

/** The README with the section replaced. */
export function withTroubleshooting(readme: string): string {
  return withSection(readme, 'troubleshooting', renderTroubleshooting());
}

/** docs/troubleshooting.md: every code of the catalogue, by group, with title, severity, meaning and fix. */
export function renderTroubleshootingDoc(): string {
  const lines = [
    '# Troubleshooting: every code',
    '',
    '<!-- Generated from the one catalogue (model, build and plugin codes) by `pnpm gen`; do not edit by hand. -->',
    '',
    'Every finding and every build problem has a permanent code. Findings of the report are listed',
    'with file, line, column and path; a plugin\'s findings carry the plugin\'s name beside its own code',
    '(`[plugin pdf] missing-glyph`), in `build --json` as `{ "code": "missing-glyph", "plugin": "pdf" }`.',
    'An error fails the command with exit code 1; a warning does so only under `--strict`.',
  ];
  for (const g of groups()) {
    lines.push('', `## ${g.title}`);
    for (const e of g.entries) {
      const d = e.definition;
      lines.push('', `### \`${label(e)}\`: ${d.title}`, '', `Severity: ${d.severity}.`, '', d.meaning, '', `**Fix:** ${d.hint}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
